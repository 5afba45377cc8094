import { describe, expect, it } from 'vitest';
import { createLondonDemo, loadAnnexeTwo, LONDON_REGIONAL_FIGURES } from '../../seeds';
import { createExport, serialiseExport, validateExport } from '#shared/interchange';
import { rateInspection, rollUpRegion } from '#shared/scoring';

const demo = createLondonDemo();
const annexe = loadAnnexeTwo();

describe('the London 2022 demo samples', () => {
  it('hold 248 cases across the six PDUs, as the letter says', () => {
    expect(demo).toHaveLength(6);
    expect(demo.reduce((n, i) => n + i.cases.length, 0)).toBe(248);
    for (const inspection of demo) expect(inspection.cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(annexe.map((pdu, i) => [pdu.name, pdu, i] as const))(
    '%s: computed ratings reproduce annexe two, standard by standard',
    (_, pdu, index) => {
      const rated = rateInspection(demo[index]!);
      expect(rated.score).toBe(pdu.publishedScore);
      expect(rated.maxScore).toBe(pdu.publishedMaxScore);
      expect(rated.rating).toBe(pdu.publishedRating);
      for (const standard of rated.standards) {
        expect({ id: standard.id, rating: standard.rating }).toEqual({
          id: standard.id,
          rating: pdu.ratings[standard.id],
        });
        // Case-sampled standards are computed, not overridden.
        expect(standard.override).toBeNull();
      }
    },
  );

  it("add up to the letter's regional figures for the non-rated questions", () => {
    const region = rollUpRegion(demo);
    for (const [id, figure] of Object.entries(LONDON_REGIONAL_FIGURES)) {
      const total = region.questions.find((q) => q.question.id === id)?.total;
      expect({ id, yes: total?.yes, applicable: (total?.yes ?? 0) + (total?.no ?? 0) }).toEqual({
        id,
        ...figure,
      });
    }
    const oversight = region.questions.find((q) => q.question.id === 'management-oversight');
    expect(oversight?.byInspection.reduce((n, t) => n + t.yes, 0)).toBe(51);
  });

  it('are the same every time they are made', () => {
    expect(createLondonDemo()).toEqual(demo);
  });

  it('are a valid export: every answer applies to its case', () => {
    expect(() => validateExport(JSON.parse(serialiseExport(createExport(demo, new Date()))))).not.toThrow();
  });

  it('find about 85% of HFKCW assessments insufficient on keeping others safe, as the letter says', () => {
    const hfkcw = rateInspection(demo[0]!).standards.find((s) => s.id === 'assessment');
    const safety = hfkcw?.keyQuestions.find((k) => k.id === 'assessment.safety');
    const insufficient = 1 - (safety?.share ?? 0);
    expect(insufficient).toBeGreaterThan(0.84);
    expect(insufficient).toBeLessThan(0.87);
  });
});
