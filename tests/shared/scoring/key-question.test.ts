import { describe, expect, it } from 'vitest';
import { PROBATION_PDU_2021 } from '#shared/framework';
import { bandFor, rateInspection } from '#shared/scoring';
import { probationInspection, sampleWith } from '../../helpers/inspections';

const framework = PROBATION_PDU_2021;

describe('key-question bands on the exact ratio', () => {
  it.each([
    [12, 25, 'inadequate', 'Minority'],
    [13, 26, 'requires-improvement', 'Too few'],
    [129, 200, 'requires-improvement', 'Too few'], // 64.5% must not round up to 65%
    [13, 20, 'good', 'Reasonable majority'],
    [31, 39, 'good', 'Reasonable majority'], // 79.49%
    [16, 20, 'outstanding', 'Large majority'],
    [0, 1, 'inadequate', 'Minority'],
    [1, 1, 'outstanding', 'Large majority'],
    [649, 1000, 'requires-improvement', 'Too few'],
    [65, 100, 'good', 'Reasonable majority'],
    [799, 1000, 'good', 'Reasonable majority'],
    [4, 5, 'outstanding', 'Large majority'],
    [49, 99, 'inadequate', 'Minority'],
    [1, 2, 'requires-improvement', 'Too few'],
  ] as const)('%i of %i is %s (%s)', (yes, applicable, rating, name) => {
    const band = bandFor(framework, yes, applicable);
    expect(band?.rating).toBe(rating);
    expect(band?.name).toBe(name);
  });

  it('gives no band when nothing applicable was answered', () => {
    expect(bandFor(framework, 0, 0)).toBeNull();
  });
});

describe('tallies and shares', () => {
  it('leaves Not applicable and unanswered cases out of the denominator', () => {
    const inspection = probationInspection({
      cases: sampleWith({ 'assessment.engagement': { yes: 13, no: 7, na: 5, unanswered: 4 } }),
    });
    const assessment = rateInspection(inspection).standards.find((s) => s.id === 'assessment');
    const engagement = assessment?.keyQuestions.find((k) => k.id === 'assessment.engagement');
    expect(engagement).toMatchObject({ yes: 13, no: 7, notApplicable: 5, unanswered: 4, applicable: 20 });
    expect(engagement?.share).toBe(13 / 20);
    expect(engagement?.rating).toBe('good');
  });

  it('counts a cleared answer (null) as unanswered', () => {
    const inspection = probationInspection({ cases: sampleWith({ 'planning.safety': { yes: 2 } }) });
    const first = inspection.cases[0];
    if (!first || first.deleted) throw new Error('expected a live case');
    first.answers['planning.safety'] = { value: null };
    const safety = rateInspection(inspection)
      .standards.find((s) => s.id === 'planning')
      ?.keyQuestions.find((k) => k.id === 'planning.safety');
    expect(safety).toMatchObject({ yes: 1, unanswered: 1, applicable: 1 });
  });

  it('ignores removed cases entirely', () => {
    const inspection = probationInspection({
      cases: [
        ...sampleWith({ 'reviewing.safety': { yes: 1, no: 1 } }),
        { id: 'gone', deleted: true, updatedAt: '2022-09-05T10:00:00.000Z', by: 'KM' },
      ],
    });
    const safety = rateInspection(inspection)
      .standards.find((s) => s.id === 'reviewing')
      ?.keyQuestions.find((k) => k.id === 'reviewing.safety');
    expect(safety).toMatchObject({ yes: 1, no: 1, unanswered: 0 });
  });
});
