// What a device applies on its own from the team server: only the plan's taken items and quiet settlements,
// while conflicts, changes to review and reference clashes wait for the lead.
import { describe, expect, it } from 'vitest';
import { takenOnly, takesAnything, waitsForLead, type MergeItem, type MergePlan } from '#shared/merge';

const item = (key: string, group: MergeItem['group'], extra: Partial<MergeItem> = {}): MergeItem => ({
  key,
  inspectionId: 'insp',
  kind: 'answer',
  group,
  theirs: { value: 'yes', version: { device: 'jd', counter: 1 } },
  ...extra,
});

function plan(
  items: MergeItem[],
  settlements: MergePlan['inspections'][number]['settlements'] = [],
): MergePlan {
  const count = (group: MergeItem['group']) => items.filter((i) => i.group === group).length;
  return {
    source: { verified: true, signedBy: 'AAAA' },
    inspections: [
      {
        id: 'insp',
        name: 'Southwark PDU',
        isNew: false,
        items,
        clashes: [
          { key: 'clash', inspectionId: 'insp', reference: 'CR1', mineCaseId: 'a', theirsCaseId: 'b' },
        ],
        settlements,
        left: 0,
        claims: 0,
        claimsLeftOut: 0,
      },
    ],
    totals: {
      taken: count('taken'),
      toReview: count('toReview'),
      conflicts: count('conflicts'),
      clashes: 1,
      left: 0,
      claims: 0,
      byKind: {},
    },
  };
}

describe('the part of a plan taken without the lead', () => {
  it('keeps taken items only, none of a clash, and says what waits', () => {
    const full = plan([
      item('a', 'taken'),
      item('b', 'conflicts'),
      item('c', 'toReview', { kind: 'removal' }),
      item('d', 'taken', { clashKey: 'clash' }),
    ]);
    expect(waitsForLead(full)).toBe(true);
    const taken = takenOnly(full);
    expect(taken.inspections[0]!.items.map((i) => i.key)).toEqual(['a']);
    expect(taken.inspections[0]!.clashes).toEqual([]);
    expect(waitsForLead(taken)).toBe(false);
    expect(takesAnything(full)).toBe(true);
  });

  it('writes nothing when nothing is taken, unless stamps are to be settled', () => {
    expect(takesAnything(plan([item('b', 'conflicts'), item('d', 'taken', { clashKey: 'clash' })]))).toBe(
      false,
    );
    expect(
      takesAnything(
        plan([], [{ kind: 'answer', caseId: 'c', target: 'q', version: { device: 'mk', counter: 2 } }]),
      ),
    ).toBe(true);
  });
});
