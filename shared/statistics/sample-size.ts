/**
 * How many cases to sample to estimate a share of Yes to within a margin at a confidence level: Cochran's
 * formula n0 = z²·p(1 − p) / e² with the finite-population correction n = n0 / (1 + (n0 − 1) / N) (Cochran,
 * Sampling Techniques, 3rd ed. 1977, §4.4). p = 0.5 unless told: the largest sample, safe when the share is not
 * yet known.
 */
import { zForLevel } from './normal';

export interface SampleSizeQuestion {
  /** Cases in the population the sample is drawn from (for a PDU, its caseload in the period). */
  readonly population: number;
  /** Confidence level, 0.80 for 80%. */
  readonly level: number;
  /** The margin either side, as a share: 0.10 for ±10 points. */
  readonly margin: number;
  /** The expected share of Yes; 0.5 when unknown. */
  readonly expectedShare?: number;
}

export interface SampleSize {
  /** Cases needed from an unlimited population (Cochran's n0, unrounded). */
  readonly unlimited: number;
  /** Cases needed from this population, rounded up; never more than the population. */
  readonly cases: number;
}

/** The cases needed; throws a RangeError naming the bad input. */
export function sampleSizeForShare(question: SampleSizeQuestion): SampleSize {
  const { population, level, margin } = question;
  const p = question.expectedShare ?? 0.5;
  if (!(Number.isInteger(population) && population >= 1)) {
    throw new RangeError(`The population must be a whole number of cases, at least 1, not ${population}`);
  }
  if (!(margin > 0 && margin < 1))
    throw new RangeError(`The margin must be between 0 and 100 points, not ${margin * 100}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`The expected share must be between 0 and 1, not ${p}`);
  const z = zForLevel(level);
  const unlimited = (z * z * p * (1 - p)) / (margin * margin);
  const corrected = unlimited / (1 + (unlimited - 1) / population);
  // A hair of tolerance so 322.0000000001 does not become 323.
  const cases = Math.min(population, Math.max(1, Math.ceil(corrected - 1e-9)));
  return { unlimited, cases };
}
