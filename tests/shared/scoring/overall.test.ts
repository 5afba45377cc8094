import { describe, expect, it } from 'vitest';
import { PROBATION_PDU_2021, RATINGS, YOUTH_2018, type Framework, type Rating } from '#shared/framework';
import { overallRating, scoreStandardRatings } from '#shared/scoring';

/** docs/framework.md's published tables: inclusive score ranges per rating. */
const TABLES: { framework: Framework; maxScore: number; ranges: Record<Rating, [number, number]> }[] = [
  {
    framework: PROBATION_PDU_2021,
    maxScore: 24,
    ranges: { inadequate: [0, 4], 'requires-improvement': [5, 12], good: [13, 20], outstanding: [21, 24] },
  },
  {
    framework: PROBATION_PDU_2021,
    maxScore: 27,
    ranges: { inadequate: [0, 4], 'requires-improvement': [5, 13], good: [14, 22], outstanding: [23, 27] },
  },
  {
    framework: YOUTH_2018,
    maxScore: 36,
    ranges: { inadequate: [0, 6], 'requires-improvement': [7, 18], good: [19, 30], outstanding: [31, 36] },
  },
];

describe.each(TABLES)('the overall band table out of $maxScore', ({ framework, maxScore, ranges }) => {
  const expected = (score: number): Rating =>
    RATINGS.find((r) => score >= ranges[r][0] && score <= ranges[r][1]) as Rating;

  it.each(Array.from({ length: maxScore + 1 }, (_, score) => score))(
    `rates %i/${maxScore} as published`,
    (score) => {
      const result = overallRating(framework, score, maxScore);
      expect(result.rating).toBe(expected(score));
      expect(result.basis).toBe('published-table');
    },
  );

  it('agrees with the proportional rule it was derived from at every score', () => {
    const withoutTables: Framework = {
      ...framework,
      overall: { ...framework.overall, publishedTables: [] },
    };
    for (let score = 0; score <= maxScore; score += 1) {
      expect(overallRating(withoutTables, score, maxScore).rating).toBe(expected(score));
    }
  });
});

describe('an unusual maximum', () => {
  it('is rated by the proportional rule and says so', () => {
    // Out of 21 (one standard not rated): Inadequate to 3, Requires improvement to 10, Good to 17.
    const at = (score: number) => overallRating(PROBATION_PDU_2021, score, 21);
    expect([3, 4, 10, 11, 17, 18].map((s) => at(s).rating)).toEqual([
      'inadequate',
      'requires-improvement',
      'requires-improvement',
      'good',
      'good',
      'outstanding',
    ]);
    expect(at(4).basis).toBe('proportional-rule');
  });

  it('gives no rating when nothing was rated', () => {
    expect(overallRating(PROBATION_PDU_2021, 0, 0)).toMatchObject({ rating: null, basis: null });
  });

  it('refuses a score outside 0 to the maximum', () => {
    expect(() => overallRating(PROBATION_PDU_2021, 25, 24)).toThrow(/25 cannot stand out of 24/);
    expect(() => overallRating(PROBATION_PDU_2021, -1, 24)).toThrow(RangeError);
  });
});

describe('scoring standard ratings alone', () => {
  it('scores 0, 1, 2 and 3 points and skips standards not rated', () => {
    const result = scoreStandardRatings(PROBATION_PDU_2021, [
      'inadequate',
      'requires-improvement',
      'good',
      'outstanding',
      null,
    ]);
    expect(result).toMatchObject({ score: 6, maxScore: 12 });
  });
});
