import { describe, expect, it } from 'vitest';
import { rateInspection } from '#shared/scoring';
import { allJudged, probationInspection, sampleWith } from '../../helpers/inspections';

function standard(inspection: ReturnType<typeof probationInspection>, id: string) {
  const found = rateInspection(inspection).standards.find((s) => s.id === id);
  if (!found) throw new Error(`no standard ${id}`);
  return found;
}

describe("a case-sampled standard's rating", () => {
  it('is its lowest key-question band, naming the key question that set it', () => {
    const inspection = probationInspection({
      cases: sampleWith({
        'planning.engagement': { yes: 17, no: 3 }, // 85% Outstanding
        'planning.desistance': { yes: 14, no: 6 }, // 70% Good
        'planning.safety': { yes: 11, no: 9 }, // 55% Requires improvement
      }),
    });
    const planning = standard(inspection, 'planning');
    expect(planning.computedRating).toBe('requires-improvement');
    expect(planning.rating).toBe('requires-improvement');
    expect(planning.setBy).toEqual(['planning.safety']);
    expect(planning.points).toBe(1);
  });

  it('names every key question tied at the lowest band', () => {
    const inspection = probationInspection({
      cases: sampleWith({
        'reviewing.engagement': { yes: 4, no: 6 },
        'reviewing.desistance': { yes: 9, no: 1 },
        'reviewing.safety': { yes: 3, no: 7 },
      }),
    });
    expect(standard(inspection, 'reviewing').setBy).toEqual(['reviewing.engagement', 'reviewing.safety']);
  });

  it('leaves a key question with no applicable answers out of the lowest-band rule', () => {
    const inspection = probationInspection({
      cases: sampleWith({
        'implementation.engagement': { yes: 9, no: 1 },
        'implementation.desistance': { na: 10 },
        'implementation.safety': { yes: 7, no: 3 },
      }),
    });
    const implementation = standard(inspection, 'implementation');
    expect(implementation.keyQuestions.find((k) => k.id === 'implementation.desistance')?.rating).toBeNull();
    expect(implementation.computedRating).toBe('good');
  });

  it('is not rated when no key question has an applicable answer, and the maximum drops by 3', () => {
    const allRated = probationInspection({
      judgements: allJudged('good'),
      cases: sampleWith({
        'assessment.engagement': { yes: 1 },
        'planning.engagement': { yes: 1 },
        'implementation.engagement': { yes: 1 },
        'reviewing.engagement': { yes: 1 },
      }),
    });
    expect(rateInspection(allRated).maxScore).toBe(24);

    const reviewingNotRated = probationInspection({
      judgements: allJudged('good'),
      cases: sampleWith({
        'assessment.engagement': { yes: 1 },
        'planning.engagement': { yes: 1 },
        'implementation.engagement': { yes: 1 },
        'reviewing.engagement': { na: 1 },
      }),
    });
    const rated = rateInspection(reviewingNotRated);
    const reviewing = rated.standards.find((s) => s.id === 'reviewing');
    expect(reviewing?.rating).toBeNull();
    expect(reviewing?.points).toBeNull();
    expect(rated.maxScore).toBe(21);
    expect(rated.score).toBe(8 + 9);
  });
});

describe('judged standards', () => {
  it('take the judgement as the rating, and an absent judgement leaves the standard not rated', () => {
    const inspection = probationInspection({ judgements: { leadership: 'good', staff: null } });
    const rated = rateInspection(inspection);
    const byId = Object.fromEntries(rated.standards.map((s) => [s.id, s]));
    expect(byId.leadership?.rating).toBe('good');
    expect(byId.leadership?.method).toBe('judgement');
    expect(byId.staff?.rating).toBeNull();
    expect(byId.services?.rating).toBeNull();
    expect(rated.domains[0]).toMatchObject({ score: 2, maxScore: 3 });
  });
});

describe('domain subtotals', () => {
  it('add up their standards, and the overall score is their sum', () => {
    const inspection = probationInspection({
      judgements: {
        leadership: 'requires-improvement',
        staff: 'good',
        services: 'requires-improvement',
        information: 'good',
      },
      cases: sampleWith({
        'assessment.safety': { yes: 1, no: 3 },
        'planning.safety': { yes: 3, no: 1 },
        'implementation.safety': { yes: 4 },
        'reviewing.safety': { yes: 2, no: 2 },
      }),
    });
    const rated = rateInspection(inspection);
    expect(rated.domains.map((d) => [d.number, d.score, d.maxScore])).toEqual([
      ['1', 6, 12],
      ['2', 0 + 2 + 3 + 1, 12],
    ]);
    expect(rated.score).toBe(12);
    expect(rated.maxScore).toBe(24);
    expect(rated.rating).toBe('requires-improvement');
  });
});
