/**
 * What the window needs to know about encrypted exports before any file work starts: whether chosen bytes are
 * an encrypted file (to ask for its passphrase) and the shortest passphrase accepted. Kept apart from protect.ts,
 * which brings the `age` encryption itself (about 50 KB gzipped), so the first screen loads without it.
 */

/** The shortest passphrase accepted for an encrypted export. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** How an armored age file (as Casescore writes it) begins. */
export const ARMOR_START = '-----BEGIN AGE ENCRYPTED FILE-----';
const BINARY_START = 'age-encryption.org/v1';

/** Whether a file's bytes are an age-encrypted file (armored, as Casescore writes it, or binary). */
export function isEncryptedFile(bytes: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith(ARMOR_START) || head.startsWith(BINARY_START);
}
