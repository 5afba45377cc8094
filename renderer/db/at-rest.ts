/**
 * Encryption at rest, as one Dexie DBCore middleware: case content is sealed with AES-GCM on its way into
 * IndexedDB and opened on its way out, so every screen, export and test above this layer sees plain rows. On
 * from first start on the desktop (a random data key kept by the OS keychain), and in a browser once the
 * inspector chooses a passphrase (Settings › Data protection); renderer/features/protection switches it on and
 * opens it.
 *
 * What is sealed, each row under its own inspection's key (so erasing that key makes every copy unreadable):
 * - cases: reference, inspector, details, answers, notes, status and second scoring; `referenceKey` (indexed
 *   with the inspection, for "is this reference already in the sample?") becomes a keyed hash (HMAC-SHA-256
 *   under the inspection's lookup key), and a query on that index is rewritten to the hash;
 * - inspections: judgements (with their evidence), overrides and report commentary;
 * - audit entries: their before and after values.
 * Ids, inspection ids, times, stamps and flags stay in clear: the database needs them to find rows.
 *
 * Why the sealing itself is synchronous (AES-GCM and HMAC from the audited `@noble` libraries, the same family
 * the age exports use) rather than WebCrypto's: an IndexedDB transaction commits as soon as it has no request
 * pending, so awaiting WebCrypto inside one (Dexie's cursors and modify() call this layer in the middle of a
 * transaction) would let it commit half-way. Keys are made and opened with WebCrypto outside any transaction
 * (PBKDF2 from a passphrase; the OS keychain on the desktop); inside, only sealing and opening run.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';

/** PBKDF2-SHA-256 iterations for a passphrase (OWASP's figure): about a second a guess on a laptop. */
export const PASSPHRASE_ITERATIONS = 600_000;
/** The shortest passphrase accepted, as for encrypted exports. */
export const SHORTEST_PASSPHRASE = 12;

/** A passphrase's problem, in words, or `null` when it will do. */
export function passphraseProblem(passphrase: string): string | null {
  return [...passphrase].length < SHORTEST_PASSPHRASE
    ? `Use a passphrase of at least ${SHORTEST_PASSPHRASE} characters (four random words are better).`
    : null;
}

/** The settings key of the at-rest record: how the data key is opened. Present means encryption is on. */
export const AT_REST_KEY = 'atRest';
const INSPECTION_KEY_PREFIX = 'atRestKey:';

const SEALED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  cases: [
    'reference',
    'inspector',
    'attributes',
    'answers',
    'note',
    'status',
    'secondScoring',
    'referenceKey',
  ],
  inspections: ['judgements', 'overrides', 'commentary'],
  audit: ['before', 'after'],
  // Only the settings rows that hold case content (see SEALED_SETTINGS); the rest stay in clear.
  settings: ['value'],
};
/**
 * Settings rows holding an inspection's case content: the team server's outbox and inbox (`sync:<id>`) and the
 * team inbox (`team-inbox:<id>`), signed batches with references, answers and notes. Sealed under that
 * inspection's key like its cases; the group is the inspection id.
 */
const SEALED_SETTINGS = /^(?:sync|team-inbox):(.+)$/u;
/** What a sealed field reads as on disk, so the row keeps its shape for the indexes. */
const PLACEHOLDER: Readonly<Record<string, unknown>> = { reference: '', attributes: {}, answers: {} };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Seals bytes with AES-GCM under `key`, bound to `place`: a fresh 96-bit nonce, then ciphertext and tag. */
export function seal(key: Uint8Array, plain: Uint8Array, place: string): string {
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const sealed = gcm(key, nonce, encoder.encode(place)).encrypt(plain);
  const out = new Uint8Array(12 + sealed.length);
  out.set(nonce);
  out.set(sealed, 12);
  return toBase64(out);
}

/** Opens what `seal` made for `place`; throws when it was changed, or sealed for another place or key. */
export function unseal(key: Uint8Array, sealed: string, place: string): Uint8Array {
  const bytes = fromBase64(sealed);
  return gcm(key, bytes.subarray(0, 12), encoder.encode(place)).decrypt(bytes.subarray(12));
}

/** An inspection's two keys: for content, and for lookups. */
interface InspectionKeys {
  readonly content: Uint8Array;
  readonly lookup: Uint8Array;
}

/** How the data key is kept, in the settings. */
export type AtRestRecord =
  | {
      readonly kind: 'passphrase';
      readonly salt: string;
      readonly iterations: number;
      readonly check: string;
    }
  | { readonly kind: 'keychain'; readonly sealed: string; readonly check: string };

const CHECK = 'casescore at rest';

/** The open session: the data key and the inspection keys opened so far. Empty while locked. */
const session = {
  /** Encryption is switched on in this database (the settings hold an at-rest record). */
  enabled: false,
  dataKey: null as Uint8Array | null,
  keys: new Map<string, InspectionKeys>(),
};

/** Raised for a read or write of case content while the keys are closed (locked, or not yet unlocked). */
export class AtRestLockedError extends Error {
  constructor() {
    super('Casescore is locked: unlock it to read or change case details.');
    this.name = 'AtRestLockedError';
  }
}

const changeListeners = new Set<() => void>();
/** Counts each time the keys are opened or closed, so screens can read again once they are open. */
let generation = 0;

function changed(): void {
  generation += 1;
  for (const listener of changeListeners) listener();
}

/** Hears the keys being opened or closed; returns a function that stops listening. */
export function onAtRestChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** How many times the keys have been opened or closed (a dependency for reads that must run again). */
export function atRestGeneration(): number {
  return generation;
}

/** Writes passed to IndexedDB and not yet answered: the lock waits for them before it forgets the keys. */
const writesInFlight = new Set<Promise<unknown>>();

/**
 * Counts work that will write (the window's queue of answers, which starts each write only when the one before
 * has committed) as a write on its way until it settles, so the lock waits for all of it, not only for what has
 * reached IndexedDB when it looks.
 */
export function whileWriting<T>(work: Promise<T>): Promise<T> {
  const tracked = work.then(
    () => undefined,
    () => undefined,
  );
  writesInFlight.add(tracked);
  void tracked.then(() => writesInFlight.delete(tracked));
  return work;
}

/** Resolves once no write this layer sealed is still on its way (those started meanwhile included). */
export async function writesSettled(): Promise<void> {
  while (writesInFlight.size > 0) await Promise.allSettled([...writesInFlight]);
}

/** Says whether encryption is on in this database, as read from the settings at start. */
export function markAtRest(enabled: boolean): void {
  if (session.enabled === enabled) return;
  session.enabled = enabled;
  changed();
}

/** Whether encryption at rest is on here. */
export function atRestEnabled(): boolean {
  return session.enabled;
}

/** Whether the data key is open (encryption on and unlocked). */
export function atRestOpen(): boolean {
  return session.dataKey !== null;
}

/** Forgets every key (the lock, with encryption on): nothing sealed can be read until it is opened again. */
export function closeAtRest(): void {
  session.dataKey?.fill(0);
  for (const keys of session.keys.values()) {
    keys.content.fill(0);
    keys.lookup.fill(0);
  }
  const wasOpen = session.dataKey !== null;
  session.dataKey = null;
  session.keys.clear();
  if (wasOpen) changed();
}

/**
 * A copy of the open data key, for the app's own export worker (same origin, made for one request and ended
 * after it), which opens the database itself; `null` when encryption is off or locked.
 */
export function shareDataKey(): Uint8Array | null {
  return session.dataKey ? session.dataKey.slice() : null;
}

/** Takes up a data key the window shared (in the export worker), checked against the record as any other. */
export function adoptDataKey(record: AtRestRecord, key: Uint8Array): void {
  checkDataKey(record, key);
  openWith(key);
}

function checkDataKey(record: AtRestRecord, key: Uint8Array): void {
  try {
    if (decoder.decode(unseal(key, record.check, 'check')) !== CHECK) throw new Error('check');
  } catch {
    throw new Error(
      record.kind === 'passphrase'
        ? 'That is not the passphrase Casescore was protected with.'
        : 'The keychain gave Casescore a key that does not open its data.',
    );
  }
}

function openWith(key: Uint8Array): void {
  session.dataKey?.fill(0);
  for (const keys of session.keys.values()) {
    keys.content.fill(0);
    keys.lookup.fill(0);
  }
  session.keys.clear();
  session.dataKey = key;
  session.enabled = true;
  changed();
}

async function passphraseBytes(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    256,
  );
  return new Uint8Array(bits);
}

/** A new data key from a passphrase: opened now, and the record that opens it again. */
export async function newPassphraseRecord(
  passphrase: string,
  iterations = PASSPHRASE_ITERATIONS,
): Promise<AtRestRecord> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new Error(problem);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await passphraseBytes(passphrase, salt, iterations);
  openWith(key);
  return {
    kind: 'passphrase',
    salt: toBase64(salt),
    iterations,
    check: seal(key, encoder.encode(CHECK), 'check'),
  };
}

/** A new random data key sealed by the OS keychain (`protect`, the desktop shell's safeStorage). */
export async function newKeychainRecord(protect: (key: string) => Promise<string>): Promise<AtRestRecord> {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const sealed = await protect(toBase64(key));
  openWith(key);
  return { kind: 'keychain', sealed, check: seal(key, encoder.encode(CHECK), 'check') };
}

/** Opens the data key: with the passphrase, or through the keychain. Rejects, in words, when it is not the one. */
export async function openAtRest(
  record: AtRestRecord,
  secret: { passphrase: string } | { unprotect: (sealed: string) => Promise<string> },
): Promise<void> {
  const key =
    record.kind === 'passphrase' && 'passphrase' in secret
      ? await passphraseBytes(secret.passphrase, fromBase64(record.salt), record.iterations)
      : record.kind === 'keychain' && 'unprotect' in secret
        ? fromBase64(await secret.unprotect(record.sealed))
        : null;
  if (!key) throw new Error('This computer keeps Casescore’s key another way.');
  checkDataKey(record, key);
  openWith(key);
}

/** Opens the sealed inspection keys read from the settings (all rows; others are passed over). */
export function openInspectionKeys(rows: readonly { key: string; value: unknown }[]): void {
  const dataKey = session.dataKey;
  if (!dataKey) throw lockedError();
  for (const row of rows) {
    if (!row.key.startsWith(INSPECTION_KEY_PREFIX) || typeof row.value !== 'string') continue;
    const raw = unseal(dataKey, row.value, row.key);
    session.keys.set(row.key.slice(INSPECTION_KEY_PREFIX.length), {
      content: raw.slice(0, 32),
      lookup: raw.slice(32),
    });
  }
}

/** Wipes an inspection's keys from memory (it is being erased; its sealed keys are deleted with it). */
export function forgetInspectionKeys(inspectionId: string): void {
  const keys = session.keys.get(inspectionId);
  keys?.content.fill(0);
  keys?.lookup.fill(0);
  session.keys.delete(inspectionId);
}

/** The settings key an inspection's sealed keys are kept under; erasing the inspection deletes it. */
export function inspectionKeySetting(inspectionId: string): string {
  return `${INSPECTION_KEY_PREFIX}${inspectionId}`;
}

function lookupHash(keys: InspectionKeys, text: string): string {
  return toBase64(hmac(sha256, keys.lookup, encoder.encode(text))).replace(/=+$/u, '');
}

function lockedError(): Error {
  return new AtRestLockedError();
}

/**
 * Seals a part of a backup: under the data key (`inspectionId` null: what belongs to no one inspection), or
 * under that inspection's content key, so erasing the inspection makes this part unreadable too. The keys must
 * be open (all inspections' keys are opened on unlock).
 */
export function sealPart(inspectionId: string | null, text: string, place: string): string {
  return seal(partKey(inspectionId), encoder.encode(text), place);
}

/** Opens a backup part; `null` when its inspection's key is gone (the inspection was erased since). */
export function openPart(inspectionId: string | null, sealed: string, place: string): string | null {
  if (inspectionId !== null && session.dataKey && !session.keys.has(inspectionId)) return null;
  return decoder.decode(unseal(partKey(inspectionId), sealed, place));
}

function partKey(inspectionId: string | null): Uint8Array {
  const key = inspectionId === null ? session.dataKey : session.keys.get(inspectionId)?.content;
  if (!key) throw lockedError();
  return key;
}

/** The middleware. `down` is the core below; it is only ever given sealed rows. */
export const atRestMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'casescore-at-rest',
  create(down) {
    const settings = down.table('settings');

    /**
     * Runs `next` once the keys of these inspections are open: at once when they are (the usual case: all are
     * opened on unlock), or after reading them from the settings, making (and sealing into the settings) those
     * of new inspections when `create`. No `await` here: Dexie keeps its transaction through its own promises'
     * `then`, not through a native await, so the chain stays on them.
     */
    function withKeys<T>(
      trans: DBCoreTransaction,
      ids: readonly string[],
      create: boolean,
      next: () => T | PromiseLike<T>,
    ): T | PromiseLike<T> {
      // Nothing sealed in the rows (a settings row in clear, or none found): no key needed, locked or not.
      if (ids.length === 0) return next();
      const dataKey = session.dataKey;
      if (!dataKey) throw lockedError();
      const missing = [...new Set(ids)].filter((id) => !session.keys.has(id));
      if (missing.length === 0) return next();
      const settingKeys = missing.map(inspectionKeySetting);
      return settings.getMany({ trans, keys: settingKeys }).then(
        (rows: unknown[]) => {
          const made: { key: string; value: string }[] = [];
          missing.forEach((id, i) => {
            const row = rows[i] as { value?: unknown } | undefined;
            let raw: Uint8Array;
            if (row && typeof row.value === 'string') raw = unseal(dataKey, row.value, settingKeys[i]!);
            else if (create) {
              raw = crypto.getRandomValues(new Uint8Array(64));
              made.push({ key: settingKeys[i]!, value: seal(dataKey, raw, settingKeys[i]!) });
            } else return;
            session.keys.set(id, { content: raw.slice(0, 32), lookup: raw.slice(32) });
          });
          return made.length ? settings.mutate({ trans, type: 'put', values: made }).then(next) : next();
        },
        () => {
          // The settings are not in this transaction: only keys opened earlier can be used.
          if (create) throw lockedError();
          return next();
        },
      );
    }

    function inspectionOf(table: string, row: Record<string, unknown>): string {
      if (table === 'settings') return SEALED_SETTINGS.exec(String(row['key']))?.[1] ?? '';
      return String(table === 'inspections' ? row['id'] : row['inspectionId']);
    }

    function placeOf(table: string, row: Record<string, unknown>): string {
      const id = table === 'audit' ? row['at'] : table === 'settings' ? row['key'] : row['id'];
      return `${table}/${inspectionOf(table, row)}/${String(id)}`;
    }

    /** Whether a row of this table is sealed: every row, but in the settings only those of SEALED_SETTINGS. */
    function sealable(table: string, row: Record<string, unknown>): boolean {
      return table !== 'settings' || SEALED_SETTINGS.test(String(row['key']));
    }

    function sealRow(table: string, row: Record<string, unknown>) {
      const keys = session.keys.get(inspectionOf(table, row));
      if (!keys) throw lockedError();
      const content: Record<string, unknown> = {};
      const out: Record<string, unknown> = { ...row };
      for (const field of SEALED_FIELDS[table]!) {
        if (field in row) content[field] = row[field];
        if (field in PLACEHOLDER) out[field] = PLACEHOLDER[field];
        else delete out[field];
      }
      if (table === 'cases' && typeof row['referenceKey'] === 'string' && row['referenceKey'] !== '') {
        out['referenceKey'] = lookupHash(keys, row['referenceKey']);
      }
      out['sealed'] = seal(keys.content, encoder.encode(JSON.stringify(content)), placeOf(table, row));
      return out;
    }

    function openRow(table: string, row: unknown): unknown {
      if (!row || typeof row !== 'object' || !('sealed' in row)) return row;
      const sealedRow = row as Record<string, unknown>;
      const keys = session.keys.get(inspectionOf(table, sealedRow));
      // A settings row of an inspection erased since (its key is gone): nothing of it can be read.
      if (!keys && table === 'settings' && session.dataKey) return { key: sealedRow['key'] };
      if (!keys) throw lockedError();
      const content = JSON.parse(
        decoder.decode(unseal(keys.content, String(sealedRow['sealed']), placeOf(table, sealedRow))),
      ) as Record<string, unknown>;
      const { sealed: _sealed, ...rest } = sealedRow;
      return { ...rest, ...content };
    }

    /** The inspections a batch of sealed rows belongs to. */
    function ownersOf(table: string, rows: readonly unknown[]): string[] {
      return rows.flatMap((row) =>
        row && typeof row === 'object' && 'sealed' in row
          ? [inspectionOf(table, row as Record<string, unknown>)]
          : [],
      );
    }

    function wrap(table: DBCoreTable): DBCoreTable {
      const name = table.name;
      if (!(name in SEALED_FIELDS)) return table;

      /** A range on [inspectionId+referenceKey] rewritten to the keyed hash (keys opened on unlock). */
      function hashedRange(index: string | null, range: DBCoreKeyRange): DBCoreKeyRange {
        if (name !== 'cases' || index !== '[inspectionId+referenceKey]') return range;
        const rewrite = (bound: unknown) => {
          if (!Array.isArray(bound) || typeof bound[1] !== 'string' || bound[1] === '') return bound;
          const keys = session.keys.get(String(bound[0]));
          return keys ? [bound[0], lookupHash(keys, bound[1])] : bound;
        };
        return { ...range, lower: rewrite(range.lower), upper: rewrite(range.upper) };
      }

      return {
        ...table,
        mutate(req) {
          if (!session.enabled || (req.type !== 'add' && req.type !== 'put')) return table.mutate(req);
          const rows = req.values as Record<string, unknown>[];
          const sealed = rows.filter((row) => sealable(name, row));
          if (sealed.length === 0) return table.mutate(req);
          // Encryption on but locked: nothing is written in clear.
          if (!session.dataKey) return Promise.reject(lockedError());
          // The promise Dexie gave (not a native one), so its transaction carries on through it.
          const written = withKeys(
            req.trans,
            sealed.map((row) => inspectionOf(name, row)),
            true,
            () =>
              table.mutate({
                ...req,
                values: rows.map((row) => (sealable(name, row) ? sealRow(name, row) : row)),
              }),
          ) as Promise<DBCoreMutateResponse>;
          const tracked = Promise.resolve(written).catch(() => undefined);
          writesInFlight.add(tracked);
          void tracked.then(() => writesInFlight.delete(tracked));
          return written;
        },
        get(req) {
          if (!session.enabled) return table.get(req);
          return table
            .get(req)
            .then((row) => withKeys(req.trans, ownersOf(name, [row]), false, () => openRow(name, row)));
        },
        getMany(req) {
          if (!session.enabled) return table.getMany(req);
          return table
            .getMany(req)
            .then((rows) =>
              withKeys(req.trans, ownersOf(name, rows), false, () => rows.map((row) => openRow(name, row))),
            );
        },
        query(req) {
          if (!session.enabled) return table.query(req);
          const range = hashedRange(req.query.index.name, req.query.range);
          return table.query({ ...req, query: { ...req.query, range } }).then((response) =>
            req.values
              ? withKeys(req.trans, ownersOf(name, response.result), false, () => ({
                  ...response,
                  result: response.result.map((row) => openRow(name, row)),
                }))
              : response,
          );
        },
        count(req) {
          if (!session.enabled) return table.count(req);
          return table.count({
            ...req,
            query: { ...req.query, range: hashedRange(req.query.index.name, req.query.range) },
          });
        },
        openCursor(req) {
          if (!session.enabled) return table.openCursor(req);
          const range = hashedRange(req.query.index.name, req.query.range);
          return table.openCursor({ ...req, query: { ...req.query, range } }).then((cursor) => {
            if (!cursor || req.values === false) return cursor;
            // Rows are opened as the cursor reaches them (keys were opened on unlock: opening must not wait).
            let opened: { value: unknown; from: unknown } | null = null;
            return new Proxy(cursor, {
              get(target, property) {
                if (property === 'value') {
                  const raw = target.value as unknown;
                  if (!opened || opened.from !== raw) opened = { value: openRow(name, raw), from: raw };
                  return opened.value;
                }
                const value = Reflect.get(target, property, target) as unknown;
                return typeof value === 'function'
                  ? (value as (...a: unknown[]) => unknown).bind(target)
                  : value;
              },
              set(target, property, value) {
                return Reflect.set(target, property, value, target);
              },
            });
          });
        },
      };
    }

    return { ...down, table: (name) => wrap(down.table(name)) };
  },
};
