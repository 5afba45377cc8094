/**
 * From standard ratings to a score and an overall rating. The published band table for the maximum is the
 * rule; for a maximum no table covers (a standard could not be rated) the proportional rule the tables follow
 * is used, and the result says so.
 */
import { RATINGS, type Framework, type Rating } from '../framework/types';
import { atOrBelow } from './fractions';

/** Where an overall rating came from. */
export type OverallBasis = 'published-table' | 'proportional-rule';

/** A score, its maximum and the overall rating they give. */
export interface OverallResult {
  readonly score: number;
  readonly maxScore: number;
  /** `null` when nothing was rated (maximum 0). */
  readonly rating: Rating | null;
  readonly basis: OverallBasis | null;
}

/** The overall rating for a score out of a maximum. */
export function overallRating(framework: Framework, score: number, maxScore: number): OverallResult {
  if (maxScore <= 0) return { score, maxScore, rating: null, basis: null };
  if (score < 0 || score > maxScore || !Number.isInteger(score)) {
    throw new RangeError(`A score of ${score} cannot stand out of ${maxScore}`);
  }
  const table = framework.overall.publishedTables.find((t) => t.maxScore === maxScore);
  if (table) {
    let rating: Rating = 'inadequate';
    for (const candidate of RATINGS) {
      if (score >= table.lowestScore[candidate]) rating = candidate;
    }
    return { score, maxScore, rating, basis: 'published-table' };
  }
  const edges = framework.overall.proportionalUpperEdges;
  const rating: Rating = atOrBelow(score, maxScore, edges.inadequate)
    ? 'inadequate'
    : atOrBelow(score, maxScore, edges['requires-improvement'])
      ? 'requires-improvement'
      : atOrBelow(score, maxScore, edges.good)
        ? 'good'
        : 'outstanding';
  return { score, maxScore, rating, basis: 'proportional-rule' };
}

/**
 * Score, maximum and overall rating from standard ratings alone (as a published letter gives them). A standard
 * with a `null` rating is not rated: it adds nothing to the score and 3 less to the maximum.
 */
export function scoreStandardRatings(
  framework: Framework,
  ratings: readonly (Rating | null)[],
): OverallResult {
  const points = framework.overall.points;
  const topPoints = points.outstanding;
  let score = 0;
  let maxScore = 0;
  for (const rating of ratings) {
    if (rating === null) continue;
    score += points[rating];
    maxScore += topPoints;
  }
  return overallRating(framework, score, maxScore);
}
