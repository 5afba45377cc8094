/**
 * A standard's rating. Case-sampled: the lowest band among its rated key questions, naming the key questions
 * that set it; professional discretion may override it with a reason, and the computed rating is kept beside
 * the final one. Judged: the inspector's judgement, entered directly.
 */
import { casesMeeting, standardLabel } from '../framework/labels';
import type { Framework, Rating, Standard } from '../framework/types';
import type { JudgementInput, OverrideInput } from './inputs';
import { rateKeyQuestion, type KeyQuestionResult } from './key-question';
import { lowerRating, ratingRank } from './ratings';
import type { Tally } from './tally';
import { EMPTY_TALLY } from './tally';
import { caseSampledNotRated, type NotRatedReason } from './not-rated';

/** A standard's result. */
export interface StandardResult {
  readonly id: string;
  readonly name: string;
  /** The name with its domain where another standard reads alike ("Assessment (out-of-court disposals)"). */
  readonly label: string;
  /** Derived display number ("2.2"). */
  readonly number: string;
  readonly domainId: string;
  readonly method: Standard['method'];
  /** The rating that counts: the override where there is one, else the computed or judged rating. */
  readonly rating: Rating | null;
  /** For case-sampled standards, the rating the answers give; for judged ones, the judgement. */
  readonly computedRating: Rating | null;
  /** The professional-discretion override, where one was made. */
  readonly override: OverrideInput | null;
  /** Points the final rating earns; `null` when not rated. */
  readonly points: number | null;
  /** Case-sampled standards' key questions (empty for judged standards). */
  readonly keyQuestions: readonly KeyQuestionResult[];
  /** The key questions at the lowest band, which set the computed rating. */
  readonly setBy: readonly string[];
  /** Why the computed (or judged) rating is missing; `null` when there is one. */
  readonly notRated: NotRatedReason | null;
  /**
   * The most cases any of its key questions was rated from (answered Yes or No); 0 for judged standards. A
   * rating from fewer cases than the inspection's minimum is flagged (see `tooFewCases`).
   */
  readonly casesRated: number;
  /** Rated outside the score and the overall rating (youth resettlement from 2021); absent when it counts. */
  readonly ratedSeparately?: true;
}

/** Raised when an override is not a valid professional-discretion departure. */
export class OverrideError extends Error {
  constructor(
    readonly standardId: string,
    message: string,
  ) {
    super(message);
    this.name = 'OverrideError';
  }
}

/** Why an override cannot be accepted, or `null` when it can. A reason is always required. */
export function overrideProblem(override: OverrideInput): string | null {
  if (override.reason.trim() === '') {
    return 'A professional-discretion override needs a reason';
  }
  return null;
}

/** Where a standard sits in the inspection: its number and domain. */
export interface StandardPlace {
  readonly number: string;
  readonly domainId: string;
}

/** Rates a case-sampled standard from its key questions' tallies, then applies any override. */
export function rateCaseSampledStandard(
  framework: Framework,
  standard: Standard,
  place: StandardPlace,
  tallies: ReadonlyMap<string, Tally>,
  override: OverrideInput | undefined,
): StandardResult {
  const standardTallies = standard.keyQuestions.map((k) => tallies.get(k.id) ?? EMPTY_TALLY);
  const keyQuestions = standard.keyQuestions.map((k, n) =>
    rateKeyQuestion(framework, k, standardTallies[n] ?? EMPTY_TALLY),
  );
  let computed: Rating | null = null;
  for (const k of keyQuestions) {
    if (k.rating !== null) computed = computed === null ? k.rating : lowerRating(computed, k.rating);
  }
  const setBy =
    computed === null
      ? []
      : keyQuestions
          .filter((k) => k.rating !== null && ratingRank(k.rating) === ratingRank(computed))
          .map((k) => k.id);
  if (override) {
    const problem = overrideProblem(override);
    if (problem) throw new OverrideError(standard.id, `${standard.name}: ${problem}`);
  }
  return {
    ...standardAndRating(framework, standard, place, override?.rating ?? computed),
    computedRating: computed,
    override: override ?? null,
    keyQuestions,
    setBy,
    notRated:
      computed === null
        ? caseSampledNotRated(
            standardTallies,
            standard.method === 'case-sample' ? casesMeeting(framework, standard.appliesToCase) : null,
          )
        : null,
    casesRated: keyQuestions.reduce((most, k) => Math.max(most, k.applicable), 0),
  };
}

/** A judged standard's result: the judgement is the rating. */
export function rateJudgedStandard(
  framework: Framework,
  standard: Standard,
  place: StandardPlace,
  judgement: JudgementInput | undefined,
): StandardResult {
  const rating = judgement?.rating ?? null;
  return {
    ...standardAndRating(framework, standard, place, rating),
    computedRating: rating,
    override: null,
    keyQuestions: [],
    setBy: [],
    notRated: rating === null ? { kind: 'not-judged-yet' } : null,
    casesRated: 0,
  };
}

/** What every standard's result says of the standard itself, its rating and the points that rating is worth. */
function standardAndRating(
  framework: Framework,
  standard: Standard,
  place: StandardPlace,
  rating: Rating | null,
) {
  return {
    id: standard.id,
    name: standard.name,
    label: standardLabel(framework, standard),
    number: place.number,
    domainId: place.domainId,
    method: standard.method,
    rating,
    points: rating === null ? null : framework.overall.points[rating],
  };
}
