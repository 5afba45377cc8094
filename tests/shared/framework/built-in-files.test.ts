// The built-in frameworks rate identically as files: each one written out with `framework export` and read back
// through the same path as any framework file reproduces annexe two of the London letter, the London demo's
// every rating, every key-question band edge by the rule as it stood before frameworks were files, and every
// score of every published table.
import { describe, expect, it } from 'vitest';
import { createLondonDemo, loadAnnexeTwo } from '../../../seeds';
import {
  checkFrameworkText,
  frameworkFileText,
  PROBATION_PDU_2021,
  ratedStandards,
  RATINGS,
  YOUTH_2018,
  type Framework,
  type Rating,
} from '#shared/framework';
import { bandFor, overallRating, rateInspection, scoreStandardRatings } from '#shared/scoring';

/** The framework as another copy of Casescore would read it: exported as a file, then loaded. */
function reloaded(framework: Framework): Framework {
  const checked = checkFrameworkText(frameworkFileText(framework));
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  expect(checked.framework).not.toBe(framework);
  return checked.framework;
}

const probation = reloaded(PROBATION_PDU_2021);
const youth = reloaded(YOUTH_2018);

/** The key-question rule before frameworks were files: below 50% Inadequate, then 65% and 80%, exactly. */
function bandBefore(yes: number, applicable: number): Rating {
  if (yes * 100 >= 80 * applicable) return 'outstanding';
  if (yes * 100 >= 65 * applicable) return 'good';
  if (yes * 100 >= 50 * applicable) return 'requires-improvement';
  return 'inadequate';
}

describe('the built-in frameworks, exported and loaded as files', () => {
  it.each(loadAnnexeTwo().map((pdu) => [pdu.name, pdu] as const))('reproduce annexe two: %s', (_, pdu) => {
    const standards = ratedStandards(probation, { courtWork: pdu.courtWork });
    const result = scoreStandardRatings(
      probation,
      standards.map((s) => pdu.ratings[s.id] ?? null),
    );
    expect([result.score, result.maxScore, result.rating, result.basis]).toEqual([
      pdu.publishedScore,
      pdu.publishedMaxScore,
      pdu.publishedRating,
      'published-table',
    ]);
  });

  it('rate every London demo inspection exactly as the built-in framework does', () => {
    for (const inspection of createLondonDemo()) {
      const before = rateInspection(inspection, PROBATION_PDU_2021);
      const after = rateInspection(inspection, probation);
      expect(after.standards).toEqual(before.standards);
      expect([after.score, after.maxScore, after.rating, after.ratingBasis]).toEqual([
        before.score,
        before.maxScore,
        before.rating,
        before.ratingBasis,
      ]);
      expect(after.domains).toEqual(before.domains);
    }
  });

  it('band every share of up to 120 cases as before, on the exact ratio', () => {
    for (const framework of [probation, youth]) {
      for (let applicable = 1; applicable <= 120; applicable += 1) {
        for (let yes = 0; yes <= applicable; yes += 1) {
          expect(bandFor(framework, yes, applicable)?.rating).toBe(bandBefore(yes, applicable));
        }
      }
    }
  });

  it('rate every score of every published table, and every maximum without one, as before', () => {
    for (const [before, after] of [
      [PROBATION_PDU_2021, probation],
      [YOUTH_2018, youth],
    ] as const) {
      for (let maxScore = 1; maxScore <= 36; maxScore += 1) {
        for (let score = 0; score <= maxScore; score += 1) {
          expect(overallRating(after, score, maxScore)).toEqual(overallRating(before, score, maxScore));
        }
      }
      expect(after.overall.publishedTables.map((t) => t.lowestScore)).toEqual(
        before.overall.publishedTables.map((t) => t.lowestScore),
      );
    }
    expect(RATINGS).toHaveLength(4);
  });
});
