// What a device sends: only the items it changed after a counter, with the case details and inspection details
// a reader needs, and counters checked against the batch's range.
import { describe, expect, it } from 'vitest';
import type { ExportedInspection } from '#shared/interchange';
import { changesIn, changesSince, counterOutsideRange, highestCounter } from '#shared/sync';

const mine = (counter: number) => ({
  updatedAt: '2026-11-02T09:00:00.000Z',
  by: 'MK',
  device: 'dev-mk',
  counter,
});
const theirs = (counter: number) => ({
  updatedAt: '2026-11-02T09:00:00.000Z',
  by: 'JD',
  device: 'dev-jd',
  counter,
});

const inspection: ExportedInspection = {
  id: 'insp',
  name: 'Southwark PDU',
  framework: { id: 'hmip-probation-pdu', version: '2021' },
  options: { courtWork: false },
  judgements: { leadership: { rating: 'good', ...mine(4) }, staff: { rating: 'good', ...theirs(9) } },
  overrides: { assessment: { rating: 'good', reason: 'context', ...mine(2) } },
  commentary: { leadership: { strengths: 'Clear', ...mine(6) } },
  audit: [{ at: '2026-11-02T09:00:00.000Z', by: 'MK', action: 'answer', before: null, after: 'yes' }],
  cases: [
    {
      id: 'c1',
      reference: 'CR1',
      caseType: 'community',
      attributes: {},
      ...theirs(1),
      answers: { 'q.a': { value: 'yes', ...mine(3) }, 'q.b': { value: 'no', ...theirs(5) } },
    },
    {
      id: 'c2',
      reference: 'CR2',
      caseType: 'licence',
      attributes: {},
      ...mine(7),
      answers: { 'q.a': { value: 'na', ...theirs(2) } },
    },
    { id: 'c3', deleted: true, ...mine(8) },
    { id: 'c4', deleted: true, ...theirs(8) },
    {
      id: 'c5',
      reference: 'CR5',
      caseType: 'community',
      attributes: {},
      answers: { 'q.a': { value: 'yes' } },
    },
  ],
};

describe('changesSince', () => {
  it('keeps only what the device changed after the counter, with its cases’ details', () => {
    const changes = changesSince(inspection, 'dev-mk', 2)!;
    expect(changes.cases).toEqual([
      { ...inspection.cases[0], answers: { 'q.a': { value: 'yes', ...mine(3) } } },
      { ...inspection.cases[1], answers: {} },
      inspection.cases[2],
    ]);
    expect(Object.keys(changes.judgements)).toEqual(['leadership']);
    expect(changes.overrides).toEqual({});
    expect(Object.keys(changes.commentary!)).toEqual(['leadership']);
    expect(changes.audit).toBeUndefined();
    expect(changes.name).toBe('Southwark PDU');
    expect(highestCounter(changes, 'dev-mk')).toBe(8);
  });

  it('is null when the device changed nothing after the counter', () => {
    expect(changesSince(inspection, 'dev-mk', 8)).toBeNull();
    expect(changesSince(inspection, 'dev-nobody', 0)).toBeNull();
    expect(changesSince(inspection, 'dev-jd', 8)).toEqual(
      expect.objectContaining({ judgements: { staff: inspection.judgements.staff } }),
    );
    expect(changesSince(inspection, 'dev-jd', 8)!.commentary).toBeUndefined();
  });
});

describe('counters in a batch', () => {
  it('lists every stamped change with where it is', () => {
    expect(changesIn(inspection).map((c) => c.where)).toContain('case CR1, answer to q.a');
    expect(changesIn(inspection).map((c) => c.where)).toContain('removed case c3');
    expect(changesIn(inspection).map((c) => c.where)).toContain('the commentary on leadership');
  });

  it('finds a change of the batch’s own device outside its range, and ignores other devices’', () => {
    expect(counterOutsideRange({ device: 'dev-mk', firstCounter: 2, lastCounter: 8, inspection })).toBeNull();
    expect(counterOutsideRange({ device: 'dev-mk', firstCounter: 3, lastCounter: 8, inspection })).toBe(
      "the override of assessment has counter 2, outside the batch's 3–8",
    );
  });

  it('carries the device’s own older case row with a newer answer as context, but not a newer row or a removal', () => {
    // The lead made case CR2 long ago (counter 7) and answers it now (counter 12): the case goes with the answer.
    const answered: ExportedInspection = {
      ...inspection,
      judgements: {},
      overrides: {},
      commentary: {},
      cases: [
        {
          ...inspection.cases[1]!,
          answers: { 'q.a': { value: 'yes', ...mine(12) } },
        } as ExportedInspection['cases'][number],
      ],
    };
    expect(
      counterOutsideRange({ device: 'dev-mk', firstCounter: 10, lastCounter: 12, inspection: answered }),
    ).toBeNull();
    expect(
      counterOutsideRange({ device: 'dev-mk', firstCounter: 10, lastCounter: 11, inspection: answered }),
    ).toBe("case CR2, answer to q.a has counter 12, outside the batch's 10–11");
    const newerRow = { ...answered, cases: [{ ...answered.cases[0]!, ...mine(13) }] } as ExportedInspection;
    expect(
      counterOutsideRange({ device: 'dev-mk', firstCounter: 10, lastCounter: 12, inspection: newerRow }),
    ).toBe("case CR2 has counter 13, outside the batch's 10–12");
    const oldRemoval = { ...answered, cases: [inspection.cases[2]!] } as ExportedInspection;
    expect(
      counterOutsideRange({ device: 'dev-mk', firstCounter: 10, lastCounter: 12, inspection: oldRemoval }),
    ).toBe("removed case c3 has counter 8, outside the batch's 10–12");
  });
});
