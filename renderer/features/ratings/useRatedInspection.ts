// An inspection's ratings, recomputed by the scoring module whenever its rows change, and only then.
import { useMemo } from 'react';
import { getFramework, type Framework } from '../../../shared/framework';
import type { ExportedInspection } from '../../../shared/interchange';
import { rateInspection, type InspectionRating } from '../../../shared/scoring';
import { toExportedInspection, type StoredCase, type StoredInspection } from '../../db';

export interface RatedInspection {
  readonly framework: Framework;
  readonly exported: ExportedInspection;
  readonly rating: InspectionRating;
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
  return { framework, exported, rating: rateInspection(exported, framework) };
}
