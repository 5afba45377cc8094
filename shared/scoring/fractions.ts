/**
 * Share comparisons on exact ratios. Band edges are fractions and shares are counts, so every comparison is
 * integer cross-multiplication: 129/200 is below 65/100 however it would round.
 */
import type { Fraction } from '../framework/types';

/** Whether yes/applicable is at or above the edge. `applicable` must be positive. */
export function reachesEdge(yes: number, applicable: number, edge: Fraction): boolean {
  return yes * edge.denominator >= edge.numerator * applicable;
}

/** Whether score/max is at or below the edge (for overall ratings' upper edges). */
export function atOrBelow(score: number, maxScore: number, edge: Fraction): boolean {
  return score * edge.denominator <= edge.numerator * maxScore;
}
