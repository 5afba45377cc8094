/**
 * Switching encryption at rest on, and opening it at start or after the lock (renderer/db/at-rest.ts does the
 * sealing). On the desktop it is switched on at first start with the keychain; in a browser when the inspector
 * chooses a passphrase.
 */
import { database } from './database';
import {
  adoptDataKey,
  AT_REST_KEY,
  closeAtRest,
  writesSettled,
  markAtRest,
  newKeychainRecord,
  newPassphraseRecord,
  openAtRest,
  openInspectionKeys,
  PASSPHRASE_ITERATIONS,
  type AtRestRecord,
} from './at-rest';

/** How the data key is kept here, or `null` when encryption at rest is off. */
export async function readAtRest(): Promise<AtRestRecord | null> {
  const value = (await database().settings.get(AT_REST_KEY))?.value;
  const record = value && typeof value === 'object' ? (value as AtRestRecord) : null;
  markAtRest(record !== null);
  return record;
}

/**
 * Switches encryption at rest on: a new data key (from the passphrase in a browser, sealed by the keychain on
 * the desktop), then every inspection, case and audit entry sealed again under its inspection's new key, in one
 * transaction (a failure leaves everything as it was, in clear).
 */
export async function switchOnAtRest(
  secret: { passphrase: string; iterations?: number } | { protect: (key: string) => Promise<string> },
): Promise<void> {
  const db = database();
  if (await readAtRest()) throw new Error('Encryption at rest is already on.');
  const record =
    'passphrase' in secret
      ? await newPassphraseRecord(secret.passphrase, secret.iterations ?? PASSPHRASE_ITERATIONS)
      : await newKeychainRecord(secret.protect);
  try {
    await db.transaction('rw', [db.inspections, db.cases, db.audit, db.settings], async () => {
      // Read in clear (nothing is sealed yet), written back sealed.
      const inspections = await db.inspections.toArray();
      const cases = await db.cases.toArray();
      const audit = await db.audit.toArray();
      // The team server's outbox and inbox hold case content too (sealed settings rows, at-rest.ts).
      const teamRows = await db.settings.filter((row) => /^(?:sync|team-inbox):/u.test(row.key)).toArray();
      await db.inspections.bulkPut(inspections);
      await db.cases.bulkPut(cases);
      await db.audit.bulkPut(audit);
      await db.settings.bulkPut(teamRows);
      await db.settings.put({ key: AT_REST_KEY, value: record });
    });
  } catch (error) {
    closeAtRest();
    markAtRest(false);
    throw error;
  }
}

/** Opens encryption at rest (at start, or on unlock) with the passphrase, or through the keychain. */
export async function unlockAtRest(
  secret: { passphrase: string } | { unprotect: (sealed: string) => Promise<string> },
): Promise<void> {
  const record = await readAtRest();
  if (!record) return;
  await openAtRest(record, secret);
  openInspectionKeys(await database().settings.toArray());
}

/**
 * Opens the store in the export worker with the data key the window shared (checked against the record), and
 * every inspection's keys; without a key (in place, where the window's session is open already) only says how
 * the key is kept. `null` when encryption is off.
 */
export async function adoptAtRest(dataKey: Uint8Array | undefined): Promise<AtRestRecord | null> {
  const record = await readAtRest();
  if (!record || !dataKey) return record;
  adoptDataKey(record, dataKey);
  openInspectionKeys(await database().settings.toArray());
  return record;
}

/**
 * Forgets the keys (the lock): first lets what was being saved as the app locked reach IndexedDB, so nothing
 * typed is refused, then drops the data key and every inspection key from memory.
 */
export function lockAtRest(stillLocked: () => boolean = () => true): Promise<void> {
  pendingLock = (async () => {
    // The autosaved boxes start their saves as the lock is announced; give them a moment to reach the store.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await writesSettled();
    // Unlocked again meanwhile (the keychain answers at once): the keys stay.
    if (stillLocked()) closeAtRest();
  })();
  return pendingLock;
}

/** The lock's forgetting of the keys, while it waits for typing to be saved; settled when there is none. */
let pendingLock: Promise<void> = Promise.resolve();

/**
 * Resolves once the lock has finished forgetting the keys (if it is doing so). An unlock waits for it, so a
 * passphrase is always checked against closed keys, never waved through while the keys are still open.
 */
export function lockSettled(): Promise<void> {
  return pendingLock.catch(() => undefined);
}
