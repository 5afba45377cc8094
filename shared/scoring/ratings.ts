/** Ordering and comparing the four ratings, which are ordered by their place in `RATINGS`. */
import { RATINGS, type Rating } from '../framework/types';

/** 0 for Inadequate up to 3 for Outstanding. */
export function ratingRank(rating: Rating): number {
  return RATINGS.indexOf(rating);
}

/** The lower of two ratings. */
export function lowerRating(a: Rating, b: Rating): Rating {
  return ratingRank(a) <= ratingRank(b) ? a : b;
}

/** The rating one above, or `null` above Outstanding. */
export function ratingAbove(rating: Rating): Rating | null {
  return RATINGS[ratingRank(rating) + 1] ?? null;
}

/** The rating one below, or `null` below Inadequate. */
export function ratingBelow(rating: Rating): Rating | null {
  return ratingRank(rating) > 0 ? (RATINGS[ratingRank(rating) - 1] ?? null) : null;
}

/** How the inspectorate writes a rating. */
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  inadequate: 'Inadequate',
  'requires-improvement': 'Requires improvement',
  good: 'Good',
  outstanding: 'Outstanding',
};
