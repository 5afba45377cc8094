// An inspection's ratings, recomputed by the scoring module whenever its rows change, and only then.
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { getFramework, type Framework } from '#shared/framework';
import type { ExportedInspection } from '#shared/interchange';
import {
  rateInspection,
  sampleProgress,
  unfinishedWork,
  type InspectionFigures,
  type InspectionRating,
  type UnfinishedWork,
} from '#shared/scoring';
import {
  toExportedInspection,
  useCasesOf,
  useInspection,
  type StoredCase,
  type StoredInspection,
} from '../../db';

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

/**
 * The inspection the address names (its `:inspectionId`), its cases and its ratings, as every screen of one
 * inspection reads them: each `undefined` while loading, the inspection `null` where there is none.
 */
export function useAddressedInspection() {
  const { inspectionId } = useParams();
  const inspection = useInspection(inspectionId);
  // An answer saved in this window comes back as the row it wrote, in the task that marks it saved, with no
  // read (renderer/db/inspection-cases.ts): the page, its progress and the ratings are drawn once, at once.
  const cases = useCasesOf(inspectionId);
  const rated = useRatedInspection(inspection, cases);
  return { inspection, cases, rated };
}

/** Rates stored rows directly (for lists that rate many inspections at once). */
export function rateStored(inspection: StoredInspection, cases: readonly StoredCase[]): RatedInspection {
  const framework = getFramework(inspection.framework);
  const exported = toExportedInspection(inspection, cases);
  const rating = rateInspection(exported, framework);
  return { framework, exported, rating, unfinished: unfinishedWork(framework, exported, rating) };
}

/**
 * What the inspections list shows of a rated inspection (progress, score, rating, standards not judged): the
 * figures an inspection's summary holds, worked out here from every case instead.
 */
export function figuresOfRated(rated: RatedInspection): InspectionFigures {
  const progress = sampleProgress(rated.framework, rated.exported.options, rated.exported.cases);
  return {
    score: rated.rating.score,
    maxScore: rated.rating.maxScore,
    rating: rated.rating.rating,
    cases: progress.cases,
    casesComplete: progress.casesComplete,
    answered: progress.answered,
    applicable: progress.applicable,
    standardsNotJudged: rated.unfinished.standardsNotJudged,
  };
}
