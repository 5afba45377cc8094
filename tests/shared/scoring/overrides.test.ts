import { describe, expect, it } from 'vitest';
import { OverrideError, overrideProblem, rateInspection } from '#shared/scoring';
import { allJudged, probationInspection, sampleWith } from '../../helpers/inspections';

const cases = sampleWith({
  'assessment.engagement': { yes: 12, no: 13 }, // 48%: Inadequate
  'planning.engagement': { yes: 20 },
  'implementation.engagement': { yes: 20 },
  'reviewing.engagement': { yes: 20 },
});

describe('professional-discretion overrides', () => {
  it('make the final rating count, and keep the computed rating beside it', () => {
    const inspection = probationInspection({
      judgements: allJudged('requires-improvement'),
      cases,
      overrides: {
        assessment: {
          rating: 'requires-improvement',
          reason: 'One case short of the band edge; strong evidence from the other key questions.',
          by: 'lead inspector',
        },
      },
    });
    const rated = rateInspection(inspection);
    const assessment = rated.standards.find((s) => s.id === 'assessment');
    expect(assessment?.computedRating).toBe('inadequate');
    expect(assessment?.rating).toBe('requires-improvement');
    expect(assessment?.override?.by).toBe('lead inspector');
    expect(assessment?.points).toBe(1);
    // 4 judged at 1 point, assessment overridden to 1, three Outstanding standards at 3.
    expect(rated.score).toBe(4 + 1 + 9);
  });

  it('change the score compared with the same inspection without the override', () => {
    const without = rateInspection(probationInspection({ judgements: allJudged('good'), cases }));
    const withOverride = rateInspection(
      probationInspection({
        judgements: allJudged('good'),
        cases,
        overrides: { assessment: { rating: 'good', reason: 'Evidence beyond the sample', by: 'KM' } },
      }),
    );
    expect(withOverride.score - without.score).toBe(2);
  });

  it.each(['', '   ', '\n\t'])('are refused without a reason (%j)', (reason) => {
    const inspection = probationInspection({
      cases,
      overrides: { assessment: { rating: 'good', reason, by: 'KM' } },
    });
    expect(() => rateInspection(inspection)).toThrow(OverrideError);
    expect(() => rateInspection(inspection)).toThrow(/Assessment: .*needs a reason/);
    expect(overrideProblem({ rating: 'good', reason })).toMatch(/needs a reason/);
  });

  it('accept any non-blank reason', () => {
    expect(overrideProblem({ rating: 'good', reason: 'Band edge' })).toBeNull();
  });
});
