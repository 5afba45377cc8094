/**
 * Protecting files that leave the laptop: a passphrase-encrypted export, an anonymised export for analysts,
 * and the notice a clear export carries.
 *
 * Encryption is the `age` format (age-encryption.org/v1) through `age-encryption`, the TypeScript
 * implementation by age's author: a published, reviewed format with other implementations (the `age` command,
 * rage, Go's filippo.io/age), so a recipient without Casescore can still open the file; scrypt turns the
 * passphrase into a key, ChaCha20-Poly1305 protects the content, and any change to the file is detected. It is
 * pure JavaScript over WebCrypto: no eval, so it runs under the app's strict CSP, in a worker. See
 * docs/data-protection.md for the choice.
 *
 * Anonymising replaces each case reference with a keyed pseudonym (HMAC-SHA-256 through WebCrypto under a key
 * made for this export and then forgotten), so the same case keeps the same pseudonym across the file but
 * nobody, the exporter included, can turn a pseudonym back into a reference or test a guessed reference.
 * Notes, evidence, override reasons and the audit trail (which holds old notes and references) are left out;
 * every answer, case fact, judgement rating and override rating stays, so the file rates identically.
 */
import { armor, Decrypter, Encrypter } from 'age-encryption';
import type { ExportedInspection, ExportFile } from '#shared/interchange';

import { ARMOR_START } from './encrypted-file';

export { isEncryptedFile, MIN_PASSPHRASE_LENGTH } from './encrypted-file';

/** What a clear export says about itself. */
export const PERSONAL_DATA_NOTICE =
  'Contains personal data about people on probation (case references, risk levels, notes on offending and ' +
  'on victims). Keep it on an encrypted disk, send it only to people entitled to it, and delete it when done.';

/** What an anonymised export says about itself. */
export const ANONYMISED_NOTICE =
  'Anonymised for analysis: case references are replaced by keyed pseudonyms that cannot be reversed, and ' +
  'notes, evidence, override reasons and the audit trail are left out. Answers and case facts remain.';

/** What an override's reason becomes in an anonymised export (the format requires one). */
export const WITHHELD_REASON = 'Reason withheld from the anonymised export';

/** Encrypts export text to a passphrase, as an armored (plain text) age file. */
export async function encryptText(text: string, passphrase: string): Promise<string> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  return armor.encode(await encrypter.encrypt(text));
}

/** Raised when an encrypted file cannot be opened, saying why in words. */
export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** Decrypts an age file with a passphrase; the plaintext's bytes. */
export async function decryptFile(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  let raw: Uint8Array = bytes;
  const text = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith(ARMOR_START)) {
    try {
      raw = armor.decode(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    } catch {
      throw new DecryptionError('the encrypted file is damaged (its text armour does not decode)');
    }
  }
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  try {
    return await decrypter.decrypt(raw);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/no identity matched|incorrect|failed to decrypt header|header MAC/i.test(message)) {
      throw new DecryptionError('the passphrase is not the one it was encrypted with');
    }
    throw new DecryptionError(`the encrypted file is damaged or was changed (${message})`);
  }
}

/** A key for one export's pseudonyms: random, never stored, so the pseudonyms cannot be reversed. */
export async function newPseudonymKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** "case-3f9a1c0d2b7e": the reference's keyed hash, 48 bits, enough to keep a region's cases apart. */
async function pseudonym(key: CryptoKey, inspectionId: string, reference: string): Promise<string> {
  const data = new TextEncoder().encode(`${inspectionId}\u0000${reference}`);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
  return `case-${[...mac.subarray(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

async function anonymiseInspection(
  inspection: ExportedInspection,
  key: CryptoKey,
): Promise<ExportedInspection> {
  const cases = await Promise.all(
    inspection.cases.map(async (c) => {
      if (c.deleted) return c;
      const { note: _note, ...rest } = c;
      const answers = Object.fromEntries(
        Object.entries(c.answers).map(([id, answer]) => {
          const { note: _answerNote, ...kept } = answer;
          return [id, kept];
        }),
      );
      return { ...rest, reference: await pseudonym(key, inspection.id, c.reference), answers };
    }),
  );
  const judgements = Object.fromEntries(
    Object.entries(inspection.judgements).map(([id, judgement]) => {
      const { note: _note, evidence: _evidence, ...kept } = judgement;
      return [id, kept];
    }),
  );
  const overrides = Object.fromEntries(
    Object.entries(inspection.overrides).map(([id, override]) => [
      id,
      { ...override, reason: WITHHELD_REASON },
    ]),
  );
  const { audit: _audit, ...rest } = inspection;
  return { ...rest, cases, judgements, overrides };
}

/**
 * An analysts' copy of an export: references replaced by keyed pseudonyms, notes, evidence, override reasons
 * and the audit left out. `key` defaults to a fresh one for this export.
 */
export async function anonymiseExport(file: ExportFile, key?: CryptoKey): Promise<ExportFile> {
  const secret = key ?? (await newPseudonymKey());
  const inspections = await Promise.all(file.inspections.map((i) => anonymiseInspection(i, secret)));
  const { checksum: _checksum, ...rest } = file;
  return { ...rest, notice: ANONYMISED_NOTICE, anonymised: true, inspections };
}
