/**
 * How sure each rating is. A sample of 40–60 cases estimates each key question's share of Yes; the Wilson
 * interval says how far the share in the whole caseload could plausibly be from it. Where an interval crosses a
 * band edge the band is not settled: a different sample could have given a different band.
 *
 * Definitions (docs/interchange.md, "How sure each rating is"):
 * - A key question's band is settled at a level when both ends of its Wilson interval at that level fall in the
 *   same band (the ends judged like shares: a lower edge belongs to the band above it).
 * - A standard's rating is the lowest of its key questions' bands, so the ratings its key questions' intervals
 *   allow run from the lowest band of their lower ends to the lowest band of their upper ends. It is settled
 *   when those are the same band.
 * - "More cases to settle it": the fewest further cases, each answering every rated key question of the
 *   standard Yes or No in today's proportions, after which the standard would be settled. `null` when no
 *   number would (a share sitting exactly on a band edge stays across it) or when more than
 *   MAX_MORE_CASES would be needed.
 */
import type { Framework, KeyQuestionBand } from '../framework/types';
import { wilsonInterval, type Interval } from '../statistics';
import type { KeyQuestionResult } from './key-question';

/** The two levels every key question's share is shown at. */
export const SHOWN_LEVELS = [0.8, 0.95] as const;

/** Beyond this many further cases the answer is "more than a sample could give". */
export const MAX_MORE_CASES = 2000;

/** The band a share (not a count) falls in: the highest band whose lower edge it reaches. */
export function bandOfShare(framework: Framework, share: number): KeyQuestionBand {
  let found = framework.keyQuestionBands[0] as KeyQuestionBand;
  for (const band of framework.keyQuestionBands) {
    // The tiny tolerance keeps an upper limit computed as 0.6499999999 for an exact 65% in the right band.
    if (share >= band.lowerEdge.numerator / band.lowerEdge.denominator - 1e-12) found = band;
  }
  return found;
}

function bandIndex(framework: Framework, share: number): number {
  return framework.keyQuestionBands.indexOf(bandOfShare(framework, share));
}

/** A key question's share with its intervals and whether its band is settled. */
export interface KeyQuestionCertainty {
  readonly id: string;
  /** The Wilson intervals at 80% and 95%. */
  readonly intervals: readonly Interval[];
  /** The level `settled` is judged at. */
  readonly level: number;
  /** Lowest and highest band the interval at `level` reaches. */
  readonly lowestBand: KeyQuestionBand;
  readonly highestBand: KeyQuestionBand;
  readonly settled: boolean;
}

/** Certainty for a rated key question; `null` when it has no Yes or No answers. */
export function keyQuestionCertainty(
  framework: Framework,
  keyQuestion: Pick<KeyQuestionResult, 'id' | 'yes' | 'applicable'>,
  level: number,
): KeyQuestionCertainty | null {
  const { yes, applicable } = keyQuestion;
  if (applicable <= 0) return null;
  const judged = wilsonInterval(yes, applicable, level);
  const lowestBand = bandOfShare(framework, judged.lower);
  const highestBand = bandOfShare(framework, judged.upper);
  return {
    id: keyQuestion.id,
    intervals: SHOWN_LEVELS.map((l) => wilsonInterval(yes, applicable, l)),
    level,
    lowestBand,
    highestBand,
    settled: lowestBand === highestBand,
  };
}

/** A standard's certainty: the range of ratings its key questions' intervals allow, and what would settle it. */
export interface StandardCertainty {
  readonly level: number;
  readonly lowestBand: KeyQuestionBand;
  readonly highestBand: KeyQuestionBand;
  readonly settled: boolean;
  /** 0 when settled; the further cases that would settle it; `null` when no number up to MAX_MORE_CASES would. */
  readonly moreCasesToSettle: number | null;
}

type Counts = Pick<KeyQuestionResult, 'yes' | 'applicable'>;

/** The band range at `level` for key questions holding their shares over `extra` more cases each. */
function rangeWith(
  framework: Framework,
  rated: readonly Counts[],
  level: number,
  extra: number,
): [number, number] {
  let low = Infinity;
  let high = Infinity;
  for (const { yes, applicable } of rated) {
    const n = applicable + extra;
    const interval = wilsonInterval((yes / applicable) * n, n, level);
    low = Math.min(low, bandIndex(framework, interval.lower));
    high = Math.min(high, bandIndex(framework, interval.upper));
  }
  return [low, high];
}

/** Whether a share sits exactly on a band edge (then no sample size settles it). */
function onAnEdge(framework: Framework, { yes, applicable }: Counts): boolean {
  return framework.keyQuestionBands
    .slice(1)
    .some((band) => yes * band.lowerEdge.denominator === band.lowerEdge.numerator * applicable);
}

/** Certainty for a case-sampled standard from its key questions; `null` when none is rated. */
export function standardCertainty(
  framework: Framework,
  keyQuestions: readonly Counts[],
  level: number,
): StandardCertainty | null {
  const rated = keyQuestions.filter((k) => k.applicable > 0);
  if (rated.length === 0) return null;
  const [low, high] = rangeWith(framework, rated, level, 0);
  const bands = framework.keyQuestionBands;
  const result = {
    level,
    lowestBand: bands[low] as KeyQuestionBand,
    highestBand: bands[high] as KeyQuestionBand,
  };
  if (low === high) return { ...result, settled: true, moreCasesToSettle: 0 };
  return { ...result, settled: false, moreCasesToSettle: moreCasesToSettle(framework, rated, level) };
}

function moreCasesToSettle(framework: Framework, rated: readonly Counts[], level: number): number | null {
  // The standard's lowest possible band is set by the key question whose share is lowest in band terms; a key
  // question sitting on an edge that could set the rating never settles, whatever the sample.
  const lowestShareBand = Math.min(...rated.map((k) => bandIndex(framework, k.yes / k.applicable)));
  const edgeBlocks = rated.some(
    (k) => onAnEdge(framework, k) && bandIndex(framework, k.yes / k.applicable) === lowestShareBand,
  );
  if (edgeBlocks) return null;
  for (let extra = 1; extra <= MAX_MORE_CASES; extra++) {
    const [low, high] = rangeWith(framework, rated, level, extra);
    if (low === high) return extra;
  }
  return null;
}
