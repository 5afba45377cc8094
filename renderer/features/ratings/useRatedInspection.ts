// An inspection's ratings, recomputed by the scoring module whenever its rows change, and only then.
import { useMemo } from 'react';
import { getFramework, type Framework } from '#shared/framework';
import type { ExportedInspection } from '#shared/interchange';
import { rateInspection, unfinishedWork, type InspectionRating, type UnfinishedWork } from '#shared/scoring';
import { toExportedInspection, type StoredCase, type StoredInspection } from '../../db';

export interface RatedInspection {
  readonly framework: Framework;
  readonly exported: ExportedInspection;
  readonly rating: InspectionRating;
  /** Cases not finished and standards not judged: while any remain the ratings are provisional. */
  readonly unfinished: UnfinishedWork;
}

/** Rates an inspection from its stored rows; `undefined` until both are loaded. */
export function useRatedInspection(
  inspection: StoredInspection | null | undefined,
  cases: readonly StoredCase[] | undefined,
): RatedInspection | undefined {
  return useMemo(() => {
    if (!inspection || !cases) return undefined;
    return rateStored(inspection, cases);
  }, [inspection, cases]);
}

/** Rates stored rows directly (for lists that rate many inspections at once). */
export function rateStored(inspection: StoredInspection, cases: readonly StoredCase[]): RatedInspection {
  const framework = getFramework(inspection.framework);
  const exported = toExportedInspection(inspection, cases);
  const rating = rateInspection(exported, framework);
  return { framework, exported, rating, unfinished: unfinishedWork(framework, exported, rating) };
}
