/**
 * The inspectorate's rating rules that both of its frameworks share: key-question bands and the points each
 * standard rating earns. Kept as data (docs/framework.md says where each comes from and how sure we are of it),
 * so a correction is a one-line change.
 */
import type { KeyQuestionBand, OverallRule } from './types';

/** Key-question bands on the exact share of Yes among Yes and No answers; lower edges inclusive. */
export const HMIP_KEY_QUESTION_BANDS: readonly KeyQuestionBand[] = [
  { name: 'Minority', rating: 'inadequate', lowerEdge: { numerator: 0, denominator: 1 } },
  { name: 'Too few', rating: 'requires-improvement', lowerEdge: { numerator: 50, denominator: 100 } },
  { name: 'Reasonable majority', rating: 'good', lowerEdge: { numerator: 65, denominator: 100 } },
  { name: 'Large majority', rating: 'outstanding', lowerEdge: { numerator: 80, denominator: 100 } },
];

/** Points per standard rating: Inadequate 0, Requires improvement 1, Good 2, Outstanding 3. */
export const HMIP_POINTS: OverallRule['points'] = {
  inadequate: 0,
  'requires-improvement': 1,
  good: 2,
  outstanding: 3,
};

/**
 * The rule the published tables follow: Inadequate if 6·score ≤ max, Requires improvement if 2·score ≤ max,
 * Good if 6·score ≤ 5·max, else Outstanding. Used only for a maximum that no published table covers (when a
 * standard could not be rated), and the result says so.
 */
export const HMIP_PROPORTIONAL_UPPER_EDGES: OverallRule['proportionalUpperEdges'] = {
  inadequate: { numerator: 1, denominator: 6 },
  'requires-improvement': { numerator: 1, denominator: 2 },
  good: { numerator: 5, denominator: 6 },
};
