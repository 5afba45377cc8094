/**
 * How far a key question or standard sits from a change of rating, in answers: "2 more Yes answers would make
 * Assessment Good", "1 answer changed from Yes to No would make it Requires improvement". All counts are exact
 * integer solutions of the band-edge inequalities, never estimates from rounded percentages, and the rating
 * each change gives is worked out from the changed counts (a change can skip a band), never assumed.
 */
import type { Fraction, Framework, KeyQuestionBand, Rating } from '../framework/types';
import { bandFor, type KeyQuestionResult } from './key-question';
import { ratingAbove, ratingBelow, ratingRank } from './ratings';

/**
 * How answers would change: more Yes or more No (cases not yet answered, or failing those N/A answers, answered
 * Yes or No), or answers changed from No to Yes or from Yes to No.
 */
export type MarginChange = 'more-yes' | 'no-to-yes' | 'more-no' | 'yes-to-no';

/** One change of answers that moves a rating, and the rating it would give: never a guess at the next band. */
export interface MarginStep {
  readonly change: MarginChange;
  /** How many answers change: the fewest that move the rating at all. */
  readonly count: number;
  /**
   * For more Yes or more No: how many must be N/A answers answered instead, because too few cases are still
   * unanswered (unanswered cases are counted first). Always 0 for answers changed from Yes or No.
   */
  readonly fromNotApplicable: number;
  /** The rating the change gives (it can skip a band: 4 Yes of 5 changed to 3 of 5 falls from 80% to 60%). */
  readonly to: Rating;
  /** For a standard: the key questions whose answers change, by label. Empty for a single key question. */
  readonly keyQuestions: readonly string[];
}

/** What would lift a rating (`up`) and what would drop it (`down`); a kind of change that cannot happen is absent. */
export interface Margin {
  readonly up: readonly MarginStep[];
  readonly down: readonly MarginStep[];
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

/** The rating `yes` of `applicable` gives; Inadequate stands in for "not rated" (it cannot arise here). */
function ratingOf(framework: Framework, yes: number, applicable: number): Rating {
  return bandFor(framework, yes, applicable)?.rating ?? 'inadequate';
}

/** Counts a change applies to: a rated key question's answers. */
type Counts = Pick<KeyQuestionResult, 'yes' | 'no' | 'notApplicable' | 'unanswered' | 'applicable'>;

/** A key question's counts after `count` answers change in this way. */
function afterChange(
  counts: Counts,
  change: MarginChange,
  count: number,
): { yes: number; applicable: number } {
  switch (change) {
    case 'more-yes':
      return { yes: counts.yes + count, applicable: counts.applicable + count };
    case 'no-to-yes':
      return { yes: counts.yes + count, applicable: counts.applicable };
    case 'more-no':
      return { yes: counts.yes, applicable: counts.applicable + count };
    case 'yes-to-no':
      return { yes: counts.yes - count, applicable: counts.applicable };
  }
}

/**
 * The fewest answers of one kind of change that take one key question past `edge` (up to it, or below it),
 * or `null` when there are not enough answers to change.
 */
function fewestFor(counts: Counts, change: MarginChange, edge: Fraction): number | null {
  const { yes, applicable } = counts;
  const spare = counts.unanswered + counts.notApplicable;
  switch (change) {
    case 'more-yes': {
      const k = moreYesToReach(yes, applicable, edge);
      return k <= spare ? k : null;
    }
    case 'no-to-yes':
      return noChangedToYesToReach(yes, applicable, edge);
    case 'more-no': {
      const k = moreNoToFallBelow(yes, applicable, edge);
      return k <= spare ? k : null;
    }
    case 'yes-to-no':
      return yesChangedToNoToFallBelow(yes, applicable, edge);
  }
}

const UP: readonly MarginChange[] = ['more-yes', 'no-to-yes'];
const DOWN: readonly MarginChange[] = ['more-no', 'yes-to-no'];

/** How many of `count` new answers must be N/A answers changed, once the unanswered cases are used up. */
function fromNotApplicable(counts: Counts, change: MarginChange, count: number): number {
  return change === 'more-yes' || change === 'more-no' ? Math.max(0, count - counts.unanswered) : 0;
}

/** The margin of a rated key question: each kind of change, its fewest answers, and the rating it gives. */
export function keyQuestionMargin(framework: Framework, result: KeyQuestionResult): Margin | null {
  if (result.rating === null) return null;
  return standardMargin(framework, result.rating, [result], false);
}

/**
 * The margin of a standard rated from its key questions' lowest band. Lifting it needs every key question
 * below the next band lifted (the answers add up, as they are different questions); dropping it needs only
 * the key question nearest to falling below the standard's band. Each step's `to` is the standard's rating
 * after exactly that change, worked out from the changed counts.
 */
export function standardMargin(
  framework: Framework,
  rating: Rating | null,
  keyQuestions: readonly KeyQuestionResult[],
  nameKeyQuestions = true,
): Margin | null {
  if (rating === null) return null;
  const rated = keyQuestions.filter((k) => k.rating !== null);
  if (rated.length === 0) return null;
  const ratingWith = (changed: KeyQuestionResult, yes: number, applicable: number): Rating =>
    rated
      .map((k) => (k === changed ? ratingOf(framework, yes, applicable) : (k.rating as Rating)))
      .reduce((low, r) => (ratingRank(r) < ratingRank(low) ? r : low));
  const names = (ks: readonly KeyQuestionResult[]) => (nameKeyQuestions ? ks.map((k) => k.label) : []);

  const up: MarginStep[] = [];
  const above = ratingAbove(rating);
  if (above) {
    const edge = bandOf(framework, above).lowerEdge;
    const below = rated.filter((k) => ratingRank(k.rating as Rating) < ratingRank(above));
    for (const change of UP) {
      let count = 0;
      let fromNa = 0;
      let possible = true;
      const after = new Map<KeyQuestionResult, Rating>();
      for (const k of below) {
        const n = fewestFor(k, change, edge);
        if (n === null) {
          possible = false;
          break;
        }
        count += n;
        fromNa += fromNotApplicable(k, change, n);
        const changed = afterChange(k, change, n);
        after.set(k, ratingOf(framework, changed.yes, changed.applicable));
      }
      if (!possible || count === 0) continue;
      const to = rated
        .map((k) => after.get(k) ?? (k.rating as Rating))
        .reduce((low, r) => (ratingRank(r) < ratingRank(low) ? r : low));
      up.push({ change, count, fromNotApplicable: fromNa, to, keyQuestions: names(below) });
    }
  }

  const down: MarginStep[] = [];
  if (ratingBelow(rating)) {
    const edge = bandOf(framework, rating).lowerEdge;
    for (const change of DOWN) {
      let best: MarginStep | null = null;
      for (const k of rated) {
        const n = fewestFor(k, change, edge);
        if (n === null || n === 0) continue;
        const changed = afterChange(k, change, n);
        const to = ratingWith(k, changed.yes, changed.applicable);
        // Fewest answers first; between equals, the gentler fall, so the sentence never overstates it.
        if (best === null || n < best.count || (n === best.count && ratingRank(to) > ratingRank(best.to))) {
          best = {
            change,
            count: n,
            fromNotApplicable: fromNotApplicable(k, change, n),
            to,
            keyQuestions: names([k]),
          };
        }
      }
      if (best) down.push(best);
    }
  }
  return { up, down };
}
