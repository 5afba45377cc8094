/**
 * Signed exports. Each install holds an Ed25519 key pair (WebCrypto, available in Chromium, Electron and Node);
 * every file Casescore writes is signed over its canonical content, so a reader can tell who wrote it and that
 * nothing changed since. A checksum only says a file is intact: anyone can recompute one. A signature says whose
 * key wrote it, and the lead inspector decides which keys belong to the team (by fingerprint, checked by phone).
 *
 * What is signed: the whole file as written, minus the `signature` member itself, as canonical JSON (object
 * keys sorted at every level, no spaces). From export format version 4 the inspections are left out of it too:
 * the file's `checksum`, which is signed, already covers them (and the frameworks), so the signature is taken
 * over a few hundred bytes rather than megabytes, and a reader checks it without writing every answer again; a
 * signed export must then carry its checksum, and whoever believes the signature must compare the checksum with
 * the content (`readExportFile` and `parseExport` always do). It is checked on the file as read, before any
 * upgrade, so a signature stays valid when a later Casescore reads an older file.
 */
import { canonicalJsonBytes } from './canonical-bytes';
import { encodeUtf8 } from './utf8';

/** The `signature` member of a signed file. */
export interface FileSignature {
  readonly algorithm: 'Ed25519';
  /** The signer's public key: 32 bytes, base64. */
  readonly publicKey: string;
  /** The signature over the canonical content: 64 bytes, base64. */
  readonly value: string;
}

/** What checking a file's signature found. */
export type SignatureCheck =
  | { readonly state: 'unsigned' }
  | { readonly state: 'verified'; readonly publicKey: string; readonly fingerprint: string }
  | {
      readonly state: 'changed';
      readonly publicKey: string;
      readonly fingerprint: string;
      readonly problem: string;
    };

/** A signing key pair as WebCrypto holds it, with the public key's raw bytes in base64. */
export interface SigningKeys {
  readonly privateKey: unknown;
  readonly publicKey: string;
}

/** The part of WebCrypto used here (shared/ sees neither DOM nor Node types, so it names what it needs). */
interface Subtle {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
  importKey(
    format: 'raw',
    key: Uint8Array,
    algorithm: { name: 'Ed25519' },
    extractable: boolean,
    usages: readonly string[],
  ): Promise<unknown>;
  generateKey(
    algorithm: { name: 'Ed25519' },
    extractable: boolean,
    usages: readonly string[],
  ): Promise<{ privateKey: unknown; publicKey: unknown }>;
  exportKey(format: 'raw', key: unknown): Promise<ArrayBuffer>;
  sign(algorithm: { name: 'Ed25519' }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithm: { name: 'Ed25519' },
    key: unknown,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
}

const ED25519 = { name: 'Ed25519' } as const;

function subtle(): Subtle {
  const crypto = (globalThis as unknown as { crypto?: { subtle?: Subtle } }).crypto;
  if (!crypto?.subtle)
    throw new Error('WebCrypto is not available here, so files cannot be signed or checked');
  return crypto.subtle;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes as standard base64 (with padding). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : BASE64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : BASE64[n & 63]!;
  }
  return out;
}

/** Standard base64 as bytes, or `null` when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of clean) {
    value = (value << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * JSON with object keys sorted at every level and no spaces: the same data always gives the same text, whatever
 * order its keys were written in. Members whose value is `undefined` are left out, as JSON.stringify does.
 *
 * A file's signature is taken over this text of the whole file, megabytes of it: the data is put in sorted order
 * (each object as it is where its keys already are, as in every file Casescore wrote) and written by the
 * engine's own JSON.stringify, which gives the same text as building it piece by piece (`canonicalJsonByParts`,
 * the definition, kept for what the engine cannot do: see `inSortedOrder`).
 */
export function canonicalJson(value: unknown): string {
  const sorted = inSortedOrder(value);
  if (sorted === UNSORTABLE) return canonicalJsonByParts(value);
  return JSON.stringify(sorted) ?? 'null';
}

/** Returned by `inSortedOrder` for data JSON.stringify cannot write in sorted order. */
const UNSORTABLE = Symbol('unsortable');

/** A key JavaScript always keeps first among an object's keys, in numeric order, whatever order it was set in. */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/**
 * The value with every object's keys in sorted order: the same object wherever they already are. UNSORTABLE
 * for an object with a key that is an array index ("0", "12": JavaScript puts those first in numeric order, not
 * in sorted order), or anything that is not plain JSON data (JSON.stringify would write a Date or a function
 * otherwise than the definition does).
 */
function inSortedOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
      ? UNSORTABLE
      : value;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const sorted = inSortedOrder(item);
      if (sorted === UNSORTABLE) return UNSORTABLE;
      // An undefined item is written as null either way.
      if (sorted !== item) (copy ??= value.slice())[i] = sorted;
    }
    return copy ?? value;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return UNSORTABLE;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let changed = false;
  let previous: string | undefined;
  const values: unknown[] = [];
  for (const key of keys) {
    if (isArrayIndex(key)) return UNSORTABLE;
    if (previous !== undefined && previous > key) changed = true;
    previous = key;
    const item = record[key];
    const sorted = inSortedOrder(item);
    if (sorted === UNSORTABLE) return UNSORTABLE;
    if (sorted !== item) changed = true;
    values.push(sorted);
  }
  if (!changed) return record;
  const order = keys.map((key, i) => [key, values[i]] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  // Without a prototype, so a member named "__proto__" is set as a member like any other, not taken as the
  // object's prototype and lost.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of order) out[key] = item;
  return out;
}

/** Canonical JSON built piece by piece: the definition, for what `inSortedOrder` cannot put in order. */
export function canonicalJsonByParts(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJsonByParts).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJsonByParts(record[key])}`);
  return `{${members.join(',')}}`;
}

/** The export format's name (as schema.ts has it; repeated so signing other formats needs no export schema). */
const EXPORT_FORMAT = 'casescore.inspections';
/** The first export format version whose signature covers the checksum in place of the inspections. */
export const CHECKSUM_SIGNED_FROM_VERSION = 4;

/**
 * Whether a file is an export whose signature covers its checksum, not its inspections (version 4 on). The
 * version is itself signed, so a file cannot be made to be checked by the other rule.
 */
export function signsChecksum(file: Readonly<Record<string, unknown>>): boolean {
  return (
    file.format === EXPORT_FORMAT &&
    typeof file.formatVersion === 'number' &&
    file.formatVersion >= CHECKSUM_SIGNED_FROM_VERSION
  );
}

/**
 * The bytes a file's signature covers: the file without its `signature`, as canonical JSON; for an export of
 * version 4 on, without its `inspections` too (its signed checksum covers them).
 */
export function signedBytes(file: Readonly<Record<string, unknown>>): Uint8Array {
  const { signature: _signature, ...content } = file;
  if (signsChecksum(content)) {
    const { inspections: _covered, ...header } = content;
    return encodeUtf8(canonicalJson(header));
  }
  return encodeUtf8(canonicalJson(content));
}

/**
 * The bytes a file's signature covers, from the file's text (`signedBytes` of the file it holds), made without
 * building the data's canonical copy; `null` where the text is not as JSON.stringify writes it (see
 * canonical-bytes.ts), to be made from the data. For files whose signature covers the whole file (every
 * format before export version 4).
 */
export function signedBytesOfText(text: string): Uint8Array | null {
  return canonicalJsonBytes(text, 'signature');
}

/**
 * A public key's fingerprint, to read aloud and compare by phone: the first 8 bytes of its SHA-256 in upper-case
 * hex, in groups of four ("3F2A 9C1B 77D0 45EE").
 */
export async function fingerprintOf(publicKey: string): Promise<string> {
  const bytes = fromBase64(publicKey);
  if (!bytes) throw new Error('the public key is not base64');
  const digest = new Uint8Array(await subtle().digest('SHA-256', bytes));
  const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
  return hex.match(/.{4}/g)!.join(' ');
}

/** Makes a new signing key pair; the private key cannot be read out, only used (and stored in IndexedDB). */
export async function makeSigningKeys(): Promise<SigningKeys> {
  const pair = await subtle().generateKey(ED25519, false, ['sign', 'verify']);
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: toBase64(raw) };
}

/** The file with its `signature` member set, over everything else in it. */
export async function signFile<T extends Record<string, unknown>>(
  file: T,
  keys: SigningKeys,
): Promise<T & { signature: FileSignature }> {
  const { signature: _old, ...content } = file;
  return { ...(content as T), signature: await signBytes(signedBytes(content), keys) };
}

/** The signature over `bytes`, the bytes `signedBytes` gives for a file (made another way by a writer). */
export async function signBytes(bytes: Uint8Array, keys: SigningKeys): Promise<FileSignature> {
  const value = new Uint8Array(await subtle().sign(ED25519, keys.privateKey, bytes));
  return { algorithm: 'Ed25519', publicKey: keys.publicKey, value: toBase64(value) };
}

function readSignature(value: unknown): FileSignature | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'the signature is not an object';
  const s = value as Record<string, unknown>;
  if (s.algorithm !== 'Ed25519') return 'the signature is not Ed25519';
  if (typeof s.publicKey !== 'string' || fromBase64(s.publicKey)?.length !== 32)
    return "the signature's public key is not 32 bytes of base64";
  if (typeof s.value !== 'string' || fromBase64(s.value)?.length !== 64)
    return "the signature's value is not 64 bytes of base64";
  return { algorithm: 'Ed25519', publicKey: s.publicKey, value: s.value };
}

/**
 * Checks a file's signature on the file as read (a parsed JSON object, before upgrade or validation).
 * `changed` means the content no longer matches what the key signed (or the signature is malformed).
 * `fromText` gives the bytes signed, where a reader can make them from the file's text (`signedBytesOfText`),
 * or `null` to make them from the file; it is not asked for an export of version 4 on, whose signed bytes are
 * its header. For such an export `verified` vouches for its checksum: the caller must still compare the
 * checksum with the content (a signed one with no checksum is `changed`).
 */
export async function checkSignature(
  file: unknown,
  fromText?: () => Uint8Array | null,
): Promise<SignatureCheck> {
  if (file === null || typeof file !== 'object' || Array.isArray(file)) return { state: 'unsigned' };
  const record = file as Record<string, unknown>;
  if (record.signature === undefined) return { state: 'unsigned' };
  const signature = readSignature(record.signature);
  if (typeof signature === 'string') {
    return { state: 'changed', publicKey: '', fingerprint: '', problem: signature };
  }
  const fingerprint = await fingerprintOf(signature.publicKey);
  const checksumSigned = signsChecksum(record);
  if (checksumSigned && typeof record.checksum !== 'string') {
    return {
      state: 'changed',
      publicKey: signature.publicKey,
      fingerprint,
      problem: 'the file is signed but carries no checksum, which its signature must cover',
    };
  }
  let valid = false;
  try {
    const key = await subtle().importKey('raw', fromBase64(signature.publicKey)!, ED25519, false, ['verify']);
    const bytes = (checksumSigned ? null : fromText?.()) ?? signedBytes(record);
    valid = await subtle().verify(ED25519, key, fromBase64(signature.value)!, bytes);
  } catch {
    valid = false;
  }
  return valid
    ? { state: 'verified', publicKey: signature.publicKey, fingerprint }
    : {
        state: 'changed',
        publicKey: signature.publicKey,
        fingerprint,
        problem: 'the file was changed after it was signed',
      };
}
