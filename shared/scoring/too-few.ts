/**
 * A rating from very few cases is a fact about those cases more than about the service: one out-of-court case
 * answered No makes a standard Inadequate. Such a rating stands (the rules give it) but is flagged wherever it
 * shows. The minimum is a setting; 5 unless the inspector chooses otherwise.
 */
import type { StandardResult } from './standard';

/** The fewest cases a standard is rated from before it is flagged, unless the setting says otherwise. */
export const DEFAULT_MINIMUM_CASES = 5;

/** The flag's words, the same everywhere. */
export const TOO_FEW_CASES = 'too few cases to rate with confidence';

/** Whether a case-sampled standard's computed rating rests on fewer cases than `minimum`. */
export function tooFewCases(standard: StandardResult, minimum: number): boolean {
  return (
    standard.method === 'case-sample' && standard.computedRating !== null && standard.casesRated < minimum
  );
}

/** "Rated from 1 case: too few cases to rate with confidence", or `null` when there are enough. */
export function describeTooFewCases(standard: StandardResult, minimum: number): string | null {
  if (!tooFewCases(standard, minimum)) return null;
  const n = standard.casesRated;
  return `Rated from ${n} ${n === 1 ? 'case' : 'cases'}: ${TOO_FEW_CASES}`;
}
