/**
 * The bin: deleted inspections and removed cases stay restorable for 30 days, then are emptied for good. Emptying
 * erases content: an inspection goes with its cases and audit trail; a removed case keeps only a tombstone (its
 * id and when it was removed, so a merge can tell "removed" from "never there"), and its audit entries keep who,
 * when and what kind of change, without the old values.
 */
import { database } from './database';
import type { StoredCase, StoredInspection } from './entities';

/** How long things stay in the bin. */
export const BIN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A removed case in the bin, with the inspection it was removed from. */
export interface BinnedCase {
  readonly sampled: StoredCase;
  readonly inspection: StoredInspection;
  readonly removedAt: string;
}

/** What the bin holds, newest first. */
export interface BinContents {
  readonly inspections: readonly StoredInspection[];
  readonly cases: readonly BinnedCase[];
}

/** When something put in the bin at `at` is emptied. */
export function emptiedAfter(at: string): Date {
  return new Date(Date.parse(at) + BIN_DAYS * DAY_MS);
}

/** The bin's contents. */
export async function readBin(): Promise<BinContents> {
  const db = database();
  return db.transaction('r', db.inspections, db.cases, async () => {
    const inspections = await db.inspections.toArray();
    const byId = new Map(inspections.map((i) => [i.id, i]));
    const removed = await db.cases.filter((c) => c.deleted === true && !c.purged).toArray();
    return {
      inspections: inspections
        .filter((i) => i.deletedAt)
        .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')),
      cases: removed
        .flatMap((sampled) => {
          const inspection = byId.get(sampled.inspectionId);
          // A case of a binned inspection comes back with it; it is not listed on its own.
          return inspection && !inspection.deletedAt
            ? [{ sampled, inspection, removedAt: sampled.updatedAt }]
            : [];
        })
        .sort((a, b) => b.removedAt.localeCompare(a.removedAt)),
    };
  });
}

/**
 * Empties what has been in the bin longer than 30 days before `now`: deleted inspections with their cases and
 * audit trails, and the content of removed cases. Returns how many inspections and cases were emptied.
 */
export async function emptyExpiredBin(
  now: Date = new Date(),
): Promise<{ inspections: number; cases: number }> {
  const db = database();
  const before = new Date(now.getTime() - BIN_DAYS * DAY_MS).toISOString();
  return db.transaction('rw', db.inspections, db.cases, db.audit, async () => {
    const expired = await db.inspections.filter((i) => !!i.deletedAt && i.deletedAt < before).toArray();
    for (const inspection of expired) {
      await db.cases.where('inspectionId').equals(inspection.id).delete();
      await db.audit.where('inspectionId').equals(inspection.id).delete();
      await db.inspections.delete(inspection.id);
    }
    const removed = await db.cases
      .filter((c) => c.deleted === true && !c.purged && c.updatedAt < before)
      .toArray();
    for (const sampled of removed) await eraseCase(sampled);
    return { inspections: expired.length, cases: removed.length };
  });
}

/** Replaces a removed case by its tombstone and strips the old values from its audit entries. */
async function eraseCase(sampled: StoredCase): Promise<void> {
  const db = database();
  await db.cases.put({
    id: sampled.id,
    inspectionId: sampled.inspectionId,
    reference: '',
    referenceKey: '',
    caseType: sampled.caseType,
    attributes: {},
    answers: {},
    createdAt: sampled.createdAt,
    updatedAt: sampled.updatedAt,
    by: sampled.by,
    ...(sampled.device !== undefined ? { device: sampled.device, counter: sampled.counter } : {}),
    deleted: true,
    purged: true,
  });
  await db.audit
    .where('inspectionId')
    .equals(sampled.inspectionId)
    .filter((entry) => entry.caseId === sampled.id)
    .modify((entry) => {
      (entry as { before: unknown }).before = null;
      (entry as { after: unknown }).after = null;
    });
}
