/**
 * How far the scoring of a case has got: of the key questions and non-rated questions that apply to it, how
 * many are answered. Prompts are optional and do not count towards a case being complete.
 */
import { caseQuestions, questionApplies } from '../framework/questions';
import type { Framework } from '../framework/types';
import type { CaseInput } from './inputs';

/** Where a case or an inspection has got to. */
export type ProgressStatus = 'not-started' | 'in-progress' | 'complete';

/** Answered of applicable, and what that makes the status. */
export interface Progress {
  readonly answered: number;
  readonly applicable: number;
  readonly status: ProgressStatus;
}

function statusOf(answered: number, applicable: number): ProgressStatus {
  if (answered === 0) return applicable === 0 ? 'complete' : 'not-started';
  return answered >= applicable ? 'complete' : 'in-progress';
}

/** Progress of one case: required questions (key and non-rated) that apply to it, and how many are answered. */
export function caseProgress(
  framework: Framework,
  options: Readonly<Partial<Record<string, boolean>>>,
  sampled: Pick<CaseInput, 'caseType' | 'attributes' | 'answers'>,
): Progress {
  const context = {
    options: options as Readonly<Record<string, boolean>>,
    caseType: sampled.caseType,
    attributes: sampled.attributes,
  };
  let applicable = 0;
  let answered = 0;
  for (const question of caseQuestions(framework)) {
    if (question.kind === 'prompt' || !questionApplies(question, context)) continue;
    applicable += 1;
    const value = sampled.answers[question.id]?.value;
    if (value === 'yes' || value === 'no' || value === 'na') answered += 1;
  }
  return { answered, applicable, status: statusOf(answered, applicable) };
}

/** Progress of a whole sample: the sum over its live cases. */
export function sampleProgress(
  framework: Framework,
  options: Readonly<Partial<Record<string, boolean>>>,
  cases: readonly (CaseInput | { readonly deleted: true })[],
): Progress & { readonly casesComplete: number; readonly cases: number } {
  let answered = 0;
  let applicable = 0;
  let casesComplete = 0;
  let count = 0;
  for (const sampled of cases) {
    if (sampled.deleted) continue;
    const progress = caseProgress(framework, options, sampled);
    answered += progress.answered;
    applicable += progress.applicable;
    count += 1;
    if (progress.status === 'complete') casesComplete += 1;
  }
  return {
    answered,
    applicable,
    status: count === 0 ? 'not-started' : statusOf(answered, applicable),
    casesComplete,
    cases: count,
  };
}
