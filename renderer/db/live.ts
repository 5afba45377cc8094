/**
 * Live queries: React hooks that re-render whenever the rows they read change, in this window or another.
 * Screens read the database only through these.
 */
import { useLiveQuery } from './live-query';
import { keepSameEntries, keepSameRows, useKeptLiveQuery } from './kept-query';
import { database } from './database';
import type { StoredCase, StoredInspection } from './entities';
import { readBin, type BinContents } from './bin';
import { readInitials } from './settings';
import { readSummaries, type StoredSummary } from './summaries';

export { useCasesOf } from './inspection-cases';

/**
 * Every inspection not deleted, newest fieldwork first; `undefined` while loading. Kept in memory between
 * screens (renderer/db/kept-query.ts), so going back to the list draws it at once.
 */
export function useInspections(): StoredInspection[] | undefined {
  return useKeptLiveQuery('inspections', ['inspections'], readInspections, keepSameRows);
}

async function readInspections(): Promise<StoredInspection[]> {
  const all = await database().inspections.toArray();
  return all
    .filter((i) => !i.deletedAt)
    .sort(
      (a, b) =>
        (b.fieldworkStart ?? '').localeCompare(a.fieldworkStart ?? '') || a.name.localeCompare(b.name),
    );
}

/** Every live case of every inspection, grouped by inspection id; for the list's progress and ratings. */
export function useAllCases(): Map<string, StoredCase[]> | undefined {
  return useLiveQuery(async () => {
    const byInspection = new Map<string, StoredCase[]>();
    await database().cases.each((c) => {
      const list = byInspection.get(c.inspectionId) ?? [];
      list.push(c);
      byInspection.set(c.inspectionId, list);
    });
    return byInspection;
  });
}

/**
 * Every inspection's summary (counts, progress, score, rating), by inspection id; `undefined` while loading.
 * Kept in memory between screens, as the inspections are.
 */
export function useSummaries(): Map<string, StoredSummary> | undefined {
  return useKeptLiveQuery('summaries', ['summaries'], readSummaries, keepSameEntries);
}

/** One inspection (`null` when there is none, `undefined` while loading). */
export function useInspection(id: string | undefined): StoredInspection | null | undefined {
  return useLiveQuery(async () => {
    const row = id ? await database().inspections.get(id) : undefined;
    // An inspection in the bin is not there for screens: it can only be restored from the bin.
    return row && !row.deletedAt ? row : null;
  }, [id]);
}

/** The inspector's initials (`null` before first run's prompt is answered, `undefined` while loading). */
export function useInitials(): string | null | undefined {
  return useLiveQuery(readInitials);
}

/** What the bin holds; `undefined` while loading. */
export function useBin(): BinContents | undefined {
  return useLiveQuery(readBin);
}
