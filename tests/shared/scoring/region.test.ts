import { describe, expect, it } from 'vitest';
import { RegionMixError, rollUpRegion } from '#shared/scoring';
import { probationInspection, sampleWith } from '../../helpers/inspections';

describe('the region roll-up', () => {
  it('refuses inspections of different frameworks, naming both', () => {
    const youth = {
      ...probationInspection(),
      name: 'Lambeth YOS',
      framework: { id: 'hmip-youth', version: '2018' },
      options: {},
    };
    expect(() => rollUpRegion([probationInspection(), youth])).toThrow(RegionMixError);
    expect(() => rollUpRegion([probationInspection(), youth])).toThrow(
      'Lambeth YOS uses Youth offending service inspections 2018–2021, and the first uses Probation Delivery Unit inspections 2021–2023',
    );
  });

  it('refuses an empty region', () => {
    expect(() => rollUpRegion([])).toThrow(/at least one inspection/);
  });

  it("splits a non-rated question's total PDU by PDU", () => {
    const a = probationInspection({
      cases: sampleWith({ 'management-oversight': { yes: 2, no: 5, na: 1 } }),
    });
    const b = probationInspection({ cases: sampleWith({ 'management-oversight': { yes: 3, no: 1 } }) });
    const oversight = rollUpRegion([a, b]).questions.find((q) => q.question.id === 'management-oversight');
    expect(oversight?.total).toMatchObject({ yes: 5, no: 6, notApplicable: 1 });
    expect(oversight?.byInspection.map((t) => [t.yes, t.yes + t.no])).toEqual([
      [2, 7],
      [3, 4],
    ]);
  });
});
