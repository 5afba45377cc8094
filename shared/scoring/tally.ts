/**
 * Counting a sample's answers, question by question. A case counts towards a question only where the
 * question can apply to it; an answer where it cannot apply is never scored.
 */
import { getFramework } from '../framework/registry';
import { caseQuestions, questionApplies } from '../framework/questions';
import type { Framework } from '../framework/types';
import type { CaseInput, InspectionInput } from './inputs';

/** How one question was answered across a sample. */
export interface Tally {
  readonly yes: number;
  readonly no: number;
  /** Answered Not applicable, in cases the question could apply to. */
  readonly notApplicable: number;
  /** Not yet answered, in cases the question applies to. */
  readonly unanswered: number;
  /** Cases the question cannot apply to (court work without a court report, pre-release without release…). */
  readonly cannotApply: number;
}

/** A tally with every count zero. */
export const EMPTY_TALLY: Tally = { yes: 0, no: 0, notApplicable: 0, unanswered: 0, cannotApply: 0 };

/** The sum of two tallies. */
export function addTallies(a: Tally, b: Tally): Tally {
  return {
    yes: a.yes + b.yes,
    no: a.no + b.no,
    notApplicable: a.notApplicable + b.notApplicable,
    unanswered: a.unanswered + b.unanswered,
    cannotApply: a.cannotApply + b.cannotApply,
  };
}

interface MutableTally {
  yes: number;
  no: number;
  notApplicable: number;
  unanswered: number;
  cannotApply: number;
}

/** Tallies of every case question (key questions, prompts, non-rated questions) for one inspection. */
export function tallyInspection(
  inspection: InspectionInput,
  framework: Framework = getFramework(inspection.framework),
): ReadonlyMap<string, Tally> {
  const questions = caseQuestions(framework);
  const counts = new Map<string, MutableTally>();
  for (const question of questions) counts.set(question.id, { ...EMPTY_TALLY });
  for (const sampled of inspection.cases) {
    if (sampled.deleted) continue;
    const context = applicabilityContext(inspection, sampled);
    for (const question of questions) {
      const tally = counts.get(question.id) as MutableTally;
      if (!questionApplies(question, context)) {
        tally.cannotApply += 1;
        continue;
      }
      const value = sampled.answers[question.id]?.value ?? null;
      if (value === 'yes') tally.yes += 1;
      else if (value === 'no') tally.no += 1;
      else if (value === 'na') tally.notApplicable += 1;
      else tally.unanswered += 1;
    }
  }
  return counts;
}

/** The facts that decide what applies to one case of an inspection. */
export function applicabilityContext(inspection: InspectionInput, sampled: CaseInput) {
  return {
    options: inspection.options as Readonly<Record<string, boolean>>,
    caseType: sampled.caseType,
    attributes: sampled.attributes,
  };
}
