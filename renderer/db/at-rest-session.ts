/**
 * Switching encryption at rest on, and opening it at start or after the lock (renderer/db/at-rest.ts does the
 * sealing). Off unless someone switches it on; the lead decides when it is on by default.
 */
import { database } from './database';
import {
  AT_REST_KEY,
  closeAtRest,
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
      await db.inspections.bulkPut(inspections);
      await db.cases.bulkPut(cases);
      await db.audit.bulkPut(audit);
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
