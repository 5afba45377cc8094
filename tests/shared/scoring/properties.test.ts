import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseQuestions, getFramework, PROBATION_PDU_2021, type Rating } from '#shared/framework';
import type { ExportedInspection } from '#shared/interchange';
import {
  addTallies,
  EMPTY_TALLY,
  rateInspection,
  ratingRank,
  rollUpRegion,
  tallyInspection,
} from '#shared/scoring';
import { inspectionArbitrary } from '../../helpers/arbitraries';

const rank = (r: Rating | null) => (r === null ? -1 : ratingRank(r));

/** Every (case index, question id) answered No in the inspection. */
function noAnswers(inspection: ExportedInspection): [number, string][] {
  return inspection.cases.flatMap((c, i) =>
    c.deleted
      ? []
      : Object.entries(c.answers)
          .filter(([, a]) => a.value === 'no')
          .map(([q]) => [i, q] as [number, string]),
  );
}

describe('scoring properties', () => {
  it('changing a No to a Yes never lowers any key question, standard or overall rating', () => {
    const withANo = inspectionArbitrary(10).filter((i) => noAnswers(i).length > 0);
    fc.assert(
      fc.property(withANo, fc.nat(), (inspection, pick) => {
        const nos = noAnswers(inspection);
        const [caseIndex, questionId] = nos[pick % nos.length] as [number, string];
        const flipped: ExportedInspection = structuredClone(inspection);
        const target = flipped.cases[caseIndex];
        if (!target || target.deleted) throw new Error('expected a live case');
        target.answers[questionId] = { value: 'yes' };
        const before = rateInspection({ ...inspection, overrides: {} });
        const after = rateInspection({ ...flipped, overrides: {} });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(rank(after.rating)).toBeGreaterThanOrEqual(rank(before.rating));
        before.standards.forEach((standard, s) => {
          const later = after.standards[s];
          expect(rank(later?.rating ?? null)).toBeGreaterThanOrEqual(rank(standard.rating));
          standard.keyQuestions.forEach((k, q) => {
            expect(rank(later?.keyQuestions[q]?.rating ?? null)).toBeGreaterThanOrEqual(rank(k.rating));
          });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the score within 0 to the maximum, and the maximum at 3 points a rated standard', () => {
    fc.assert(
      fc.property(inspectionArbitrary(10), (inspection) => {
        const rated = rateInspection(inspection);
        expect(rated.score).toBeGreaterThanOrEqual(0);
        expect(rated.score).toBeLessThanOrEqual(rated.maxScore);
        expect(rated.maxScore).toBe(3 * rated.standards.filter((s) => s.rating !== null).length);
        expect(rated.rating === null).toBe(rated.maxScore === 0);
      }),
      { numRuns: 150 },
    );
  });

  it('rolls up a region to the sum of its parts, and to the tally of all its cases together', () => {
    const region = fc
      .boolean()
      .chain((courtWork) =>
        fc.array(
          inspectionArbitrary(8, [PROBATION_PDU_2021]).map((i) => ({ ...i, options: { courtWork } })),
          { minLength: 1, maxLength: 5 },
        ),
      )
      .map((inspections) =>
        inspections.map((inspection, n) => ({
          ...inspection,
          id: `inspection-${n}`,
          // Options are shared across the region here so the pooled tally below is comparable.
          cases: inspection.cases.map((c) => (c.deleted ? c : { ...c, id: `${n}-${c.id}` })),
        })),
      );
    fc.assert(
      fc.property(region, (inspections) => {
        const rollUp = rollUpRegion(inspections);
        const pooled = tallyInspection({ ...inspections[0]!, cases: inspections.flatMap((i) => i.cases) });
        for (const total of rollUp.questions) {
          const summed = inspections
            .map((i) => tallyInspection(i).get(total.question.id) ?? EMPTY_TALLY)
            .reduce(addTallies, EMPTY_TALLY);
          expect(total.total).toEqual(summed);
          expect(total.total).toEqual(pooled.get(total.question.id));
          expect(total.byInspection).toHaveLength(inspections.length);
        }
        expect(rollUp.inspections.map((r) => r.score)).toEqual(
          inspections.map((i) => rateInspection(i).score),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('counts every live case exactly once for every question', () => {
    fc.assert(
      fc.property(inspectionArbitrary(10), (inspection) => {
        const live = inspection.cases.filter((c) => !c.deleted).length;
        const framework = getFramework(inspection.framework);
        const tallies = tallyInspection(inspection);
        for (const question of caseQuestions(framework)) {
          const t = tallies.get(question.id);
          expect(t && t.yes + t.no + t.notApplicable + t.unanswered + t.cannotApply).toBe(live);
        }
      }),
      { numRuns: 100 },
    );
  });
});
