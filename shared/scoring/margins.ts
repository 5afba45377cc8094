/**
 * How far a key question or standard sits from the next band up and down, in answers: "2 more Yes answers
 * would make Assessment Good", "1 answer changed to No would make it Inadequate". All counts are exact
 * integer solutions of the band-edge inequalities, never estimates from rounded percentages.
 */
import type { Fraction, Framework, KeyQuestionBand, Rating } from '../framework/types';
import type { KeyQuestionResult } from './key-question';
import { ratingAbove, ratingBelow, ratingRank } from './ratings';

/** What it takes to lift a rating one band. */
export interface Lift {
  readonly to: Rating;
  /** Extra Yes answers (cases not yet answered, answered Yes) that would lift it. */
  readonly moreYes: number;
  /** Whether enough cases are still unanswered for `moreYes` to happen without changing any answer. */
  readonly moreYesPossible: boolean;
  /** No answers changed to Yes that would lift it; `null` when there are not enough No answers. */
  readonly noChangedToYes: number | null;
}

/** What it takes to drop a rating one band. */
export interface Drop {
  readonly to: Rating;
  /** Yes answers changed to No that would drop it; `null` when there are not enough Yes answers. */
  readonly yesChangedToNo: number | null;
  /** Extra No answers that would drop it. */
  readonly moreNo: number;
}

/** The margins either side of a rating; `null` at the top (no lift) or the bottom (no drop). */
export interface Margin {
  readonly lift: Lift | null;
  readonly drop: Drop | null;
}

/** Fewest extra Yes answers k with (yes + k) / (applicable + k) at or above the edge. */
export function moreYesToReach(yes: number, applicable: number, edge: Fraction): number {
  const needed = edge.numerator * applicable - yes * edge.denominator;
  if (needed <= 0) return 0;
  const perAnswer = edge.denominator - edge.numerator;
  if (perAnswer <= 0) throw new RangeError('An edge of 100% or more cannot be reached by adding answers');
  return Math.ceil(needed / perAnswer);
}

/** Fewest No answers changed to Yes to reach the edge, or `null` if changing every No is not enough. */
export function noChangedToYesToReach(yes: number, applicable: number, edge: Fraction): number | null {
  const needed = edge.numerator * applicable - yes * edge.denominator;
  const k = needed <= 0 ? 0 : Math.ceil(needed / edge.denominator);
  return k <= applicable - yes ? k : null;
}

/** Fewest Yes answers changed to No to fall below the edge, or `null` if changing every Yes is not enough. */
export function yesChangedToNoToFallBelow(yes: number, applicable: number, edge: Fraction): number | null {
  const surplus = yes * edge.denominator - edge.numerator * applicable;
  if (surplus < 0) return 0;
  const k = Math.floor(surplus / edge.denominator) + 1;
  return k <= yes ? k : null;
}

/** Fewest extra No answers to fall below the edge. The edge must be above zero. */
export function moreNoToFallBelow(yes: number, applicable: number, edge: Fraction): number {
  if (edge.numerator <= 0) throw new RangeError('No share falls below an edge of zero');
  const surplus = yes * edge.denominator - edge.numerator * applicable;
  if (surplus < 0) return 0;
  return Math.floor(surplus / edge.numerator) + 1;
}

function bandOf(framework: Framework, rating: Rating): KeyQuestionBand {
  const band = framework.keyQuestionBands.find((b) => b.rating === rating);
  if (!band) throw new Error(`The framework has no key-question band for ${rating}`);
  return band;
}

/** Margins from a rating, for a key question with these counts, to the bands either side of `rating`. */
function marginAround(framework: Framework, result: KeyQuestionResult, rating: Rating): Margin {
  const { yes, applicable } = result;
  const up = ratingAbove(rating);
  const down = ratingBelow(rating);
  const edgeUp = up ? bandOf(framework, up).lowerEdge : null;
  const edgeHere = bandOf(framework, rating).lowerEdge;
  return {
    lift:
      up && edgeUp
        ? {
            to: up,
            moreYes: moreYesToReach(yes, applicable, edgeUp),
            moreYesPossible: moreYesToReach(yes, applicable, edgeUp) <= result.unanswered,
            noChangedToYes: noChangedToYesToReach(yes, applicable, edgeUp),
          }
        : null,
    drop: down
      ? {
          to: down,
          yesChangedToNo: yesChangedToNoToFallBelow(yes, applicable, edgeHere),
          moreNo: moreNoToFallBelow(yes, applicable, edgeHere),
        }
      : null,
  };
}

/** The margin to the next band up and down for a rated key question; `null` for one not rated. */
export function keyQuestionMargin(framework: Framework, result: KeyQuestionResult): Margin | null {
  if (result.rating === null) return null;
  return marginAround(framework, result, result.rating);
}

/**
 * The margin of a standard rated from its key questions' lowest band. Lifting it needs every key question at
 * that band lifted (the answers add up, as they are different questions); dropping it needs only the key
 * question nearest to falling below the standard's band (the fewest answers of any).
 */
export function standardMargin(
  framework: Framework,
  rating: Rating | null,
  keyQuestions: readonly KeyQuestionResult[],
): Margin | null {
  if (rating === null) return null;
  const rated = keyQuestions.filter((k) => k.rating !== null);
  if (rated.length === 0) return null;
  const up = ratingAbove(rating);
  const down = ratingBelow(rating);
  let lift: Lift | null = null;
  if (up) {
    let moreYes = 0;
    let moreYesPossible = true;
    let noChangedToYes: number | null = 0;
    const edge = bandOf(framework, up).lowerEdge;
    for (const k of rated) {
      if (ratingRank(k.rating as Rating) >= ratingRank(up)) continue;
      const more = moreYesToReach(k.yes, k.applicable, edge);
      moreYes += more;
      moreYesPossible = moreYesPossible && more <= k.unanswered;
      const flips = noChangedToYesToReach(k.yes, k.applicable, edge);
      noChangedToYes = noChangedToYes === null || flips === null ? null : noChangedToYes + flips;
    }
    lift = { to: up, moreYes, moreYesPossible, noChangedToYes };
  }
  let drop: Drop | null = null;
  if (down) {
    const edge = bandOf(framework, rating).lowerEdge;
    let yesChangedToNo: number | null = null;
    let moreNo = Number.POSITIVE_INFINITY;
    for (const k of rated) {
      const flips = yesChangedToNoToFallBelow(k.yes, k.applicable, edge);
      if (flips !== null && (yesChangedToNo === null || flips < yesChangedToNo)) yesChangedToNo = flips;
      moreNo = Math.min(moreNo, moreNoToFallBelow(k.yes, k.applicable, edge));
    }
    drop = { to: down, yesChangedToNo, moreNo };
  }
  return { lift, drop };
}
