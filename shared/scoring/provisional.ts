/**
 * Whether ratings are provisional: only while work is unfinished (a sampled case not fully answered, a judged
 * standard not yet rated). A standard left unrated because the sample has no cases of its kind, or because
 * every answer was N/A, is a fact of the sample and never makes the ratings provisional.
 */
import type { Framework } from '../framework/types';
import { getFramework } from '../framework/registry';
import { rateInspection, type InspectionRating } from './inspection';
import type { InspectionInput } from './inputs';
import { sampleProgress } from './progress';

/** The work still to do before the ratings are final. */
export interface UnfinishedWork {
  /** Live cases in the sample. */
  readonly cases: number;
  /** Of those, cases with a required question (key or non-rated) still unanswered. */
  readonly casesNotFinished: number;
  /** Judged standards the inspector has not rated yet, by number and name ("1.1 Leadership"). */
  readonly standardsNotJudged: readonly string[];
}

/** What is unfinished in an inspection. */
export function unfinishedWork(
  framework: Framework,
  inspection: InspectionInput,
  rating: InspectionRating,
): UnfinishedWork {
  const progress = sampleProgress(framework, inspection.options, inspection.cases);
  return {
    cases: progress.cases,
    casesNotFinished: progress.cases - progress.casesComplete,
    standardsNotJudged: rating.standards
      .filter((s) => s.method === 'judgement' && s.rating === null)
      .map((s) => `${s.number} ${s.name}`),
  };
}

/** Whether anything is unfinished. */
export function isProvisional(work: UnfinishedWork): boolean {
  return work.cases === 0 || work.casesNotFinished > 0 || work.standardsNotJudged.length > 0;
}

/**
 * "Provisional: 4 of 12 cases not finished", with judged standards still to rate after it; `null` once
 * everything is finished.
 */
export function describeProvisional(work: UnfinishedWork): string | null {
  if (!isProvisional(work)) return null;
  const parts: string[] = [];
  if (work.cases === 0) parts.push('no cases in the sample yet');
  else if (work.casesNotFinished > 0) {
    parts.push(
      `${work.casesNotFinished} of ${work.cases} ${work.cases === 1 ? 'case' : 'cases'} not finished`,
    );
  }
  const unjudged = work.standardsNotJudged.length;
  if (unjudged > 0) {
    parts.push(`${unjudged} judged ${unjudged === 1 ? 'standard' : 'standards'} not rated yet`);
  }
  return `Provisional: ${parts.join('; ')}`;
}

/** How far a sample has got, as the export's derived `progress` and `rate --json` carry it. */
export interface ProgressFigures {
  readonly provisional: boolean;
  /** "Provisional: 4 of 12 cases not finished", or `null` once everything is finished. */
  readonly provisionalNote: string | null;
  readonly cases: number;
  readonly casesNotFinished: number;
  standardsNotJudged: string[];
}

/** The unfinished work of an inspection in the words and counts an export or `rate --json` carries. */
export function progressFigures(work: UnfinishedWork): ProgressFigures {
  const note = describeProvisional(work);
  return {
    provisional: note !== null,
    provisionalNote: note,
    cases: work.cases,
    casesNotFinished: work.casesNotFinished,
    standardsNotJudged: [...work.standardsNotJudged],
  };
}

/** An inspection's progress figures, rating it first (for a caller that has not). */
export function inspectionProgress(inspection: InspectionInput): ProgressFigures {
  const framework = getFramework(inspection.framework);
  return progressFigures(unfinishedWork(framework, inspection, rateInspection(inspection, framework)));
}
