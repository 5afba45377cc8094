/**
 * Keys for encryption at rest (not switched on yet: see docs/data-protection.md). Every piece of case content
 * would be encrypted with AES-GCM (WebCrypto) under a key of its own inspection, so erasing an inspection's key
 * makes every copy of its content encrypted under that key unreadable. The inspection keys are kept wrapped
 * (encrypted) under one data key, which is itself never stored in clear:
 *
 * - in a browser, it is derived from the inspector's passphrase with PBKDF2-SHA-256 (WebCrypto's own, a
 *   standard, reviewed KDF; 600,000 iterations as OWASP advises for SHA-256), so the passphrase unlocks it;
 * - on the desktop, it is a random key protected by the operating system's keychain through Electron's
 *   safeStorage (the `keys/protect` and `keys/unprotect` channels of the IPC contract).
 *
 * Lookups on encrypted fields (a case's reference, compared on `referenceKey`) use a keyed hash: HMAC-SHA-256
 * under the inspection's lookup key, so equal references still match but the index says nothing without it.
 * Each ciphertext is bound to where it belongs (table, row id and field, as AES-GCM's additional data), so it
 * cannot be moved to another row or field unnoticed.
 */

/** PBKDF2 iterations for a passphrase (OWASP's figure for PBKDF2-HMAC-SHA-256). */
export const PASSPHRASE_ITERATIONS = 600_000;
/** The shortest passphrase accepted, as for encrypted exports. */
export const SHORTEST_PASSPHRASE = 12;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function random(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** The data key as stored: never in clear; how it is opened depends on where Casescore runs. */
export type StoredDataKey =
  | {
      readonly kind: 'passphrase';
      readonly salt: string;
      readonly iterations: number;
      /** A known text encrypted under the key, to tell a wrong passphrase from damaged data. */
      readonly check: EncryptedValue;
    }
  | { readonly kind: 'keychain'; readonly protected: string };

/** An inspection's keys as stored: its encryption and lookup keys, wrapped under the data key. */
export interface StoredInspectionKey {
  readonly wrapped: EncryptedValue;
}

/** A value encrypted with AES-GCM: a fresh 96-bit IV and the ciphertext with its tag, both base64. */
export interface EncryptedValue {
  readonly iv: string;
  readonly data: string;
}

/** An inspection's keys, opened. */
export interface InspectionKeys {
  readonly content: CryptoKey;
  readonly lookup: CryptoKey;
}

const CHECK_TEXT = 'casescore data key';

async function aesKey(raw: Uint8Array<ArrayBuffer>, extractable = false): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, extractable, ['encrypt', 'decrypt']);
}

async function encryptBytes(
  key: CryptoKey,
  bytes: Uint8Array<ArrayBuffer>,
  context: string,
): Promise<EncryptedValue> {
  const iv = random(12);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    bytes,
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

async function decryptBytes(key: CryptoKey, value: EncryptedValue, context: string): Promise<Uint8Array> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(value.iv), additionalData: encoder.encode(context) },
    key,
    fromBase64(value.data),
  );
  return new Uint8Array(plain);
}

/** A passphrase's problem, in words, or `null` when it will do. */
export function passphraseProblem(passphrase: string): string | null {
  return [...passphrase].length < SHORTEST_PASSPHRASE
    ? `Use a passphrase of at least ${SHORTEST_PASSPHRASE} characters (four random words are better).`
    : null;
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A new data key from a passphrase (browser): the key, and what to store so the passphrase opens it again. */
export async function dataKeyFromNewPassphrase(
  passphrase: string,
  iterations = PASSPHRASE_ITERATIONS,
): Promise<{ key: CryptoKey; stored: StoredDataKey }> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new Error(problem);
  const salt = random(16);
  const key = await passphraseKey(passphrase, salt, iterations);
  const check = await encryptBytes(key, encoder.encode(CHECK_TEXT), 'data-key-check');
  return { key, stored: { kind: 'passphrase', salt: toBase64(salt), iterations, check } };
}

/** Opens the data key with a passphrase; rejects, saying so, when it is not the passphrase. */
export async function openDataKeyWithPassphrase(
  stored: StoredDataKey,
  passphrase: string,
): Promise<CryptoKey> {
  if (stored.kind !== 'passphrase') throw new Error('This data key is kept in the computer’s keychain.');
  const key = await passphraseKey(passphrase, fromBase64(stored.salt), stored.iterations);
  try {
    if (decoder.decode(await decryptBytes(key, stored.check, 'data-key-check')) === CHECK_TEXT) return key;
  } catch {
    // A wrong passphrase fails AES-GCM's tag check.
  }
  throw new Error('That is not the passphrase Casescore was locked with.');
}

/**
 * A new random data key protected by the operating system's keychain (desktop): `protect` is the desktop
 * shell's safeStorage, over the IPC contract.
 */
export async function dataKeyForKeychain(
  protect: (raw: string) => Promise<string>,
): Promise<{ key: CryptoKey; stored: StoredDataKey }> {
  const raw = random(32);
  const stored: StoredDataKey = { kind: 'keychain', protected: await protect(toBase64(raw)) };
  return { key: await aesKey(raw), stored };
}

/** Opens a data key kept in the keychain. */
export async function openDataKeyFromKeychain(
  stored: StoredDataKey,
  unprotect: (protectedKey: string) => Promise<string>,
): Promise<CryptoKey> {
  if (stored.kind !== 'keychain') throw new Error('This data key is opened with a passphrase.');
  return aesKey(fromBase64(await unprotect(stored.protected)));
}

/** New keys for an inspection: opened, and wrapped under the data key for the settings. */
export async function newInspectionKeys(
  dataKey: CryptoKey,
  inspectionId: string,
): Promise<{ keys: InspectionKeys; stored: StoredInspectionKey }> {
  const raw = random(64);
  const wrapped = await encryptBytes(dataKey, raw, `inspection-key/${inspectionId}`);
  return { keys: await keysFrom(raw), stored: { wrapped } };
}

/** Opens an inspection's keys; rejects when they are not its keys or the data key is not the one. */
export async function openInspectionKeys(
  dataKey: CryptoKey,
  inspectionId: string,
  stored: StoredInspectionKey,
): Promise<InspectionKeys> {
  const raw = await decryptBytes(dataKey, stored.wrapped, `inspection-key/${inspectionId}`);
  return keysFrom(new Uint8Array(raw));
}

async function keysFrom(raw: Uint8Array<ArrayBuffer>): Promise<InspectionKeys> {
  const content = await aesKey(raw.slice(0, 32));
  const lookup = await crypto.subtle.importKey(
    'raw',
    raw.slice(32),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  raw.fill(0);
  return { content, lookup };
}

/** Encrypts any JSON value for the place it is kept (`cases/<id>/note`, say). */
export async function encryptValue(
  keys: InspectionKeys,
  value: unknown,
  place: string,
): Promise<EncryptedValue> {
  return encryptBytes(keys.content, encoder.encode(JSON.stringify(value)), place);
}

/** Decrypts a value encrypted for `place`; rejects when it was changed or belongs elsewhere. */
export async function decryptValue(
  keys: InspectionKeys,
  value: EncryptedValue,
  place: string,
): Promise<unknown> {
  return JSON.parse(decoder.decode(await decryptBytes(keys.content, value, place))) as unknown;
}

/** The keyed hash a lookup on an encrypted field compares: equal inputs, equal hashes, nothing without the key. */
export async function lookupHash(keys: InspectionKeys, text: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.lookup, encoder.encode(text));
  return toBase64(new Uint8Array(mac)).replace(/=+$/u, '');
}

/** The settings key an inspection's wrapped keys are kept under; erasing the inspection deletes it. */
export function inspectionKeySetting(inspectionId: string): string {
  return `inspectionKey:${inspectionId}`;
}
