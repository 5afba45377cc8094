// An inspection's totals add up case by case, and rate to what rating every case gives: what lets the stored
// summaries be kept by each write's own difference (renderer/db/summary-upkeep.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getFramework } from '#shared/framework';
import {
  addTotals,
  caseTotals,
  emptyTotals,
  figuresOf,
  rateInspection,
  sampleProgress,
  sampleTotals,
  tallyInspection,
  unfinishedWork,
  type CaseInput,
  type DeletedCaseInput,
} from '#shared/scoring';
import { createLondonDemo } from '../../../seeds';
import type { ExportedInspection } from '#shared/interchange';
import { inspectionArbitrary } from '../../helpers/arbitraries';

/** The figures the long way: rating every case, as the screens do. */
function figuresTheLongWay(inspection: ExportedInspection) {
  const framework = getFramework(inspection.framework);
  const rating = rateInspection(inspection, framework);
  const progress = sampleProgress(framework, inspection.options, inspection.cases);
  return {
    score: rating.score,
    maxScore: rating.maxScore,
    rating: rating.rating,
    cases: progress.cases,
    casesComplete: progress.casesComplete,
    answered: progress.answered,
    applicable: progress.applicable,
    standardsNotJudged: unfinishedWork(framework, inspection, rating).standardsNotJudged,
  };
}

describe('sample totals', () => {
  it('rate the six London PDUs exactly as rating every case does', () => {
    for (const inspection of createLondonDemo()) {
      const framework = getFramework(inspection.framework);
      const figures = figuresOf(
        framework,
        inspection,
        sampleTotals(framework, inspection.options, inspection.cases),
      );
      expect(figures).toEqual(figuresTheLongWay(inspection));
    }
  });

  it('of any sample give the same tallies and figures as the scoring counting every case', () => {
    fc.assert(
      fc.property(inspectionArbitrary(12), (inspection) => {
        const framework = getFramework(inspection.framework);
        const totals = sampleTotals(framework, inspection.options, inspection.cases);
        expect(figuresOf(framework, inspection, totals)).toEqual(figuresTheLongWay(inspection));
        for (const [id, tally] of tallyInspection(inspection, framework)) {
          expect(totals.tallies[id]).toEqual([
            tally.yes,
            tally.no,
            tally.notApplicable,
            tally.unanswered,
            tally.cannotApply,
          ]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('change by one case’s own difference when that case is replaced, removed or added', () => {
    fc.assert(
      fc.property(inspectionArbitrary(10), inspectionArbitrary(10), fc.nat(), (inspection, other, pick) => {
        const framework = getFramework(inspection.framework);
        const live = inspection.cases.filter((c) => !c.deleted);
        fc.pre(live.length > 0);
        const i = inspection.cases.indexOf(live[pick % live.length]!);
        // Another case (of another sample, maybe removed) in its place.
        const replacement: CaseInput | DeletedCaseInput = other.cases[
          pick % Math.max(other.cases.length, 1)
        ] ?? { deleted: true };
        const before = inspection.cases[i]!;
        const after: (CaseInput | DeletedCaseInput)[] = [...inspection.cases];
        after[i] = replacement;
        const total = sampleTotals(framework, inspection.options, inspection.cases);
        const stepped = addTotals(
          addTotals(total, caseTotals(framework, inspection.options, before), -1),
          caseTotals(framework, inspection.options, replacement),
        );
        expect(stepped).toEqual(sampleTotals(framework, inspection.options, after));
      }),
      { numRuns: 150 },
    );
  });

  it('of no cases count every question of the framework, at nothing', () => {
    const framework = getFramework({ id: 'hmip-probation-pdu', version: '2021' });
    const none = emptyTotals(framework);
    expect(none.cases).toBe(0);
    expect(Object.values(none.tallies).every((t) => t.every((n) => n === 0))).toBe(true);
    expect(caseTotals(framework, {}, { deleted: true })).toEqual(none);
  });
});
