/**
 * The bin: deleted inspections and removed cases stay restorable for 30 days, then are emptied for good (or
 * sooner, by "Delete for good"). Emptying erases content as erasure.ts describes: an inspection goes with its
 * cases and audit trail; a removed case keeps only a tombstone (its id and when it was removed, so a merge can
 * tell "removed" from "never there"), and its audit entries keep who, when and what kind of change, without
 * the old values.
 */
import { database } from './database';
import type { StoredCase, StoredInspection } from './entities';
import { eraseCase, eraseInspection, logErasure } from './erasure';
import { readSummaries } from './summaries';
import { audited } from './write';

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

/**
 * Removed cases not yet erased (of those removed before `before`, when given), read only from the inspections
 * whose summary counts any in the bin (or that have no summary), so a large archive is not read case by case.
 * Call inside a transaction over inspections, cases and summaries.
 */
async function binnedCases(inspections: readonly StoredInspection[], before?: string): Promise<StoredCase[]> {
  const db = database();
  const summaries = await readSummaries();
  const found: StoredCase[] = [];
  for (const inspection of inspections) {
    if ((summaries.get(inspection.id)?.binned ?? 1) === 0) continue;
    const rows = await db.cases
      .where('inspectionId')
      .equals(inspection.id)
      .filter((c) => c.deleted === true && !c.purged && (before === undefined || c.updatedAt < before))
      .toArray();
    found.push(...rows);
  }
  return found;
}

/** The bin's contents. */
export async function readBin(): Promise<BinContents> {
  const db = database();
  return db.transaction('r', db.inspections, db.cases, db.summaries, async () => {
    const inspections = await db.inspections.toArray();
    const byId = new Map(inspections.map((i) => [i.id, i]));
    const removed = await binnedCases(inspections);
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
 * audit trails, and the content of removed cases (see erasure.ts for what stays). Returns how many inspections
 * and cases were emptied. `by` is who the erasure log and audit name: whoever is using the app when it runs.
 */
export async function emptyExpiredBin(
  now: Date = new Date(),
  by = 'Casescore',
): Promise<{ inspections: number; cases: number }> {
  const db = database();
  const before = new Date(now.getTime() - BIN_DAYS * DAY_MS).toISOString();
  const due = await db.transaction('r', db.inspections, db.cases, db.summaries, async () => {
    const inspections = await db.inspections.toArray();
    return {
      inspections: inspections.filter((i) => !!i.deletedAt && i.deletedAt < before).length,
      cases: (await binnedCases(inspections, before)).length,
    };
  });
  // Nothing due: no write, so starting the app does not stamp a change.
  if (due.inspections === 0 && due.cases === 0) return due;
  return audited(by, [db.inspections, db.cases, db.summaries], async (write) => {
    const expired = await db.inspections.filter((i) => !!i.deletedAt && i.deletedAt < before).toArray();
    for (const inspection of expired) {
      await eraseInspection(inspection.id);
      await logErasure({ inspectionId: inspection.id, at: write.at, by });
    }
    const removed = await binnedCases(await db.inspections.toArray(), before);
    for (const sampled of removed) {
      await eraseCase(sampled);
      await write.record({
        inspectionId: sampled.inspectionId,
        caseId: sampled.id,
        action: 'case-purged',
        before: null,
        after: null,
      });
    }
    return { inspections: expired.length, cases: removed.length };
  });
}
