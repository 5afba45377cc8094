import { describe, expect, it } from 'vitest';
import type { ExportedInspection } from '#shared/interchange';
import { rateInspection } from '#shared/scoring';
import { sampleWith } from '../../helpers/inspections';

function youthInspection(parts: Partial<ExportedInspection>): ExportedInspection {
  return {
    id: 'yos-1',
    name: 'Test YOS',
    framework: { id: 'hmip-youth', version: '2018' },
    options: {},
    judgements: {},
    cases: [],
    overrides: {},
    ...parts,
  };
}

describe('the youth framework, end to end', () => {
  const court = sampleWith(
    {
      'court-assessment.desistance': { yes: 16, no: 4 }, // 80% Outstanding
      'court-assessment.child-safety': { yes: 14, no: 6 }, // 70% Good
      'court-assessment.others-safety': { yes: 13, no: 7 }, // 65% Good
      'court-planning.desistance': { yes: 10, no: 10 }, // 50% Requires improvement
      'court-implementation.desistance': { yes: 17, no: 3 }, // Outstanding
      'court-reviewing.others-safety': { yes: 9, no: 11 }, // 45% Inadequate
    },
    { caseType: 'court-disposal' },
  );
  const outOfCourt = sampleWith(
    {
      'ooc-assessment.desistance': { yes: 8, no: 2 }, // Outstanding
      'ooc-planning.child-safety': { yes: 7, no: 3 }, // Good
      'ooc-implementation.others-safety': { yes: 6, no: 4 }, // Requires improvement
    },
    { caseType: 'out-of-court-disposal' },
  );
  const inspection = youthInspection({
    judgements: {
      governance: { rating: 'good' },
      staff: { rating: 'outstanding' },
      partnerships: { rating: 'good' },
      information: { rating: 'requires-improvement' },
      'ooc-policy': { rating: 'good' },
    },
    cases: [...court, ...outOfCourt],
  });
  const rated = rateInspection(inspection);

  it('rates all 12 standards in 3 domains, numbered by domain', () => {
    expect(rated.standards.map((s) => `${s.number} ${s.id} ${s.rating}`)).toEqual([
      '1.1 governance good',
      '1.2 staff outstanding',
      '1.3 partnerships good',
      '1.4 information requires-improvement',
      '2.1 court-assessment good',
      '2.2 court-planning requires-improvement',
      '2.3 court-implementation outstanding',
      '2.4 court-reviewing inadequate',
      '3.1 ooc-assessment outstanding',
      '3.2 ooc-planning good',
      '3.3 ooc-implementation requires-improvement',
      '3.4 ooc-policy good',
    ]);
  });

  it('scores out of 36 with the published youth table', () => {
    // 2+3+2+1 + 2+1+3+0 + 3+2+1+2 = 22: Good (19 to 30).
    expect(rated).toMatchObject({ score: 22, maxScore: 36, rating: 'good', ratingBasis: 'published-table' });
    expect(rated.domains.map((d) => `${d.score}/${d.maxScore}`)).toEqual(['8/12', '6/12', '8/12']);
  });

  it('applies court standards only to court disposals and out-of-court ones only to out-of-court disposals', () => {
    const assessment = rated.standards.find((s) => s.id === 'court-assessment');
    const desistance = assessment?.keyQuestions.find((k) => k.id === 'court-assessment.desistance');
    expect(desistance).toMatchObject({ yes: 16, no: 4, unanswered: 0 });
    expect(rated.tallies.get('court-assessment.desistance')?.cannotApply).toBe(outOfCourt.length);
    expect(rated.tallies.get('ooc-assessment.desistance')?.cannotApply).toBe(court.length);
  });

  it('never scores an answer given where the standard cannot apply', () => {
    const misfiled = youthInspection({
      cases: sampleWith({ 'ooc-assessment.desistance': { no: 5 } }, { caseType: 'court-disposal' }),
    });
    const ooc = rateInspection(misfiled).standards.find((s) => s.id === 'ooc-assessment');
    expect(ooc?.rating).toBeNull();
    expect(ooc?.keyQuestions[0]).toMatchObject({ yes: 0, no: 0 });
  });
});
