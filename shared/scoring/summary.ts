/**
 * An inspection's figures without its cases: totals that add up case by case (so one changed case changes
 * them by its own difference, and they never need every case read again), and what they rate to. Counts only:
 * no reference, answer of any one case, or note is in them, so they are not case content.
 *
 * `sampleTotals(...)` summed case by case with `addTotals` always equals the totals of the whole sample, and
 * `figuresOf` on them equals what `rateInspection`, `sampleProgress` and `unfinishedWork` give for the sample
 * (tests/shared/scoring/summary.test.ts).
 */
import { declaredCaseDetails } from '../framework/case-details';
import { caseQuestions, questionApplies } from '../framework/questions';
import type { Framework, Rating } from '../framework/types';
import type { CaseInput, DeletedCaseInput, InspectionInput } from './inputs';
import { rateInspection } from './inspection';
import type { Tally } from './tally';

/** One question's counts: yes, no, not applicable, unanswered (where it applies), cannot apply. */
export type TallyCounts = readonly [number, number, number, number, number];

/** What a sample adds up to; each count is the sum of its cases' own. */
export interface SampleTotals {
  /** Live cases (removed ones count nowhere). */
  readonly cases: number;
  /** Live cases with every required question that applies answered. */
  readonly casesComplete: number;
  /** Required questions (key and non-rated) answered, and that apply, over the live cases. */
  readonly answered: number;
  readonly applicable: number;
  /** Every case question's counts, by question id (every question of the framework, zeros included). */
  readonly tallies: Readonly<Record<string, TallyCounts>>;
}

/** What the inspections list shows for an inspection. */
export interface InspectionFigures {
  readonly score: number;
  readonly maxScore: number;
  readonly rating: Rating | null;
  readonly cases: number;
  readonly casesComplete: number;
  readonly answered: number;
  readonly applicable: number;
  /** Judged standards not rated yet, by number and name ("1.1 Leadership"), as `unfinishedWork` gives them. */
  readonly standardsNotJudged: readonly string[];
}

/** Totals of no cases at all. */
export function emptyTotals(framework: Framework): SampleTotals {
  const tallies: Record<string, TallyCounts> = {};
  for (const question of caseQuestions(framework)) tallies[question.id] = [0, 0, 0, 0, 0];
  return { cases: 0, casesComplete: 0, answered: 0, applicable: 0, tallies };
}

/**
 * One case's own totals, as the scoring counts it: a removed case counts nowhere, and only the case details the
 * framework declares decide what applies (as an exported case carries them).
 */
export function caseTotals(
  framework: Framework,
  options: Readonly<Partial<Record<string, boolean>>>,
  sampled: CaseInput | DeletedCaseInput,
): SampleTotals {
  if (sampled.deleted) return emptyTotals(framework);
  const context = {
    options: options as Readonly<Record<string, boolean>>,
    caseType: sampled.caseType,
    attributes: declaredCaseDetails(framework, sampled.attributes),
  };
  const tallies: Record<string, TallyCounts> = {};
  let answered = 0;
  let applicable = 0;
  for (const question of caseQuestions(framework)) {
    if (!questionApplies(question, context)) {
      tallies[question.id] = [0, 0, 0, 0, 1];
      continue;
    }
    const value = sampled.answers[question.id]?.value ?? null;
    tallies[question.id] =
      value === 'yes'
        ? [1, 0, 0, 0, 0]
        : value === 'no'
          ? [0, 1, 0, 0, 0]
          : value === 'na'
            ? [0, 0, 1, 0, 0]
            : [0, 0, 0, 1, 0];
    if (question.kind === 'prompt') continue;
    applicable += 1;
    if (value !== null) answered += 1;
  }
  const complete = answered >= applicable;
  return { cases: 1, casesComplete: complete ? 1 : 0, answered, applicable, tallies };
}

/** `a + sign × b`, count by count (sign −1 takes a case's totals back out). */
export function addTotals(a: SampleTotals, b: SampleTotals, sign: 1 | -1 = 1): SampleTotals {
  const tallies: Record<string, TallyCounts> = {};
  for (const id of new Set([...Object.keys(a.tallies), ...Object.keys(b.tallies)])) {
    const x = a.tallies[id] ?? [0, 0, 0, 0, 0];
    const y = b.tallies[id] ?? [0, 0, 0, 0, 0];
    tallies[id] = [
      x[0] + sign * y[0],
      x[1] + sign * y[1],
      x[2] + sign * y[2],
      x[3] + sign * y[3],
      x[4] + sign * y[4],
    ];
  }
  return {
    cases: a.cases + sign * b.cases,
    casesComplete: a.casesComplete + sign * b.casesComplete,
    answered: a.answered + sign * b.answered,
    applicable: a.applicable + sign * b.applicable,
    tallies,
  };
}

/** The totals of a whole sample, case by case. */
export function sampleTotals(
  framework: Framework,
  options: Readonly<Partial<Record<string, boolean>>>,
  cases: readonly (CaseInput | DeletedCaseInput)[],
): SampleTotals {
  let totals = emptyTotals(framework);
  for (const sampled of cases) {
    if (!sampled.deleted) totals = addTotals(totals, caseTotals(framework, options, sampled));
  }
  return totals;
}

/** The tallies the scoring takes, from the totals' counts. */
function talliesOf(totals: SampleTotals): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const [id, [yes, no, notApplicable, unanswered, cannotApply]] of Object.entries(totals.tallies)) {
    tallies.set(id, { yes, no, notApplicable, unanswered, cannotApply });
  }
  return tallies;
}

/**
 * What the inspection rates to and how far it has got, from its totals and its own row (framework, options,
 * judgements, overrides): the same figures as rating every case.
 * @throws OverrideError when an override has no reason (as `rateInspection` does).
 */
export function figuresOf(
  framework: Framework,
  inspection: Omit<InspectionInput, 'cases'>,
  totals: SampleTotals,
): InspectionFigures {
  const rating = rateInspection({ ...inspection, cases: [] }, framework, talliesOf(totals));
  return {
    score: rating.score,
    maxScore: rating.maxScore,
    rating: rating.rating,
    cases: totals.cases,
    casesComplete: totals.casesComplete,
    answered: totals.answered,
    applicable: totals.applicable,
    standardsNotJudged: rating.standards
      .filter((s) => s.method === 'judgement' && s.rating === null)
      .map((s) => `${s.number} ${s.name}`),
  };
}
