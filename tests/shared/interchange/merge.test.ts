import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMerge,
  compareVersions,
  MergeError,
  planMerge,
  unresolved,
  type ExportedCase,
  type ExportedInspection,
  type MergePlan,
  type MergeResolutions,
} from '../../../shared/interchange';
import { inspectionArbitrary } from '../../helpers/arbitraries';

const T1 = '2026-11-02T10:00:00.000Z';
const T2 = '2026-11-02T11:00:00.000Z';

function sampled(
  id: string,
  reference: string,
  answers: ExportedCase['answers'],
  inspector = 'KM',
): ExportedCase {
  return {
    id,
    reference,
    caseType: 'community',
    inspector,
    attributes: {},
    answers,
    updatedAt: T1,
    by: inspector,
  };
}

function inspection(
  cases: ExportedInspection['cases'],
  parts: Partial<ExportedInspection> = {},
): ExportedInspection {
  return {
    id: 'insp',
    name: 'Croydon PDU',
    framework: { id: 'hmip-probation-pdu', version: '2021' },
    options: { courtWork: false },
    judgements: {},
    cases,
    overrides: {},
    ...parts,
  };
}

const answer = (value: 'yes' | 'no' | 'na' | null, by: string, updatedAt: string, note?: string) => ({
  value,
  by,
  updatedAt,
  ...(note ? { note } : {}),
});

const takeAll = (
  plan: MergePlan,
  side: 'mine' | 'theirs',
  clash: 'join' | 'apart' = 'join',
): MergeResolutions => ({
  conflicts: Object.fromEntries(
    plan.inspections.flatMap((i) =>
      i.items.filter((x) => x.outcome === 'conflict').map((x) => [x.key, side]),
    ),
  ),
  clashes: Object.fromEntries(plan.inspections.flatMap((i) => i.clashes.map((c) => [c.key, clash]))),
});

describe('comparing two versions of one answer', () => {
  it.each([
    ['the same value and note', answer('yes', 'KM', T1), answer('yes', 'SD', T2), null],
    ['only theirs', undefined, answer('yes', 'SD', T2), 'add'],
    ['only mine', answer('yes', 'KM', T1), undefined, null],
    ['different inspectors, different values', answer('yes', 'KM', T1), answer('no', 'SD', T2), 'conflict'],
    ['different notes only', answer('yes', 'KM', T1, 'a'), answer('yes', 'SD', T1, 'b'), 'conflict'],
    ['the same inspector, theirs newer', answer('yes', 'KM', T1), answer('no', 'KM', T2), 'take-theirs'],
    ['the same inspector, mine newer', answer('yes', 'KM', T2), answer('no', 'KM', T1), null],
    [
      'mine already chosen over theirs',
      { ...answer('yes', 'KM', T1), supersedes: ['SD@' + T2] },
      answer('no', 'SD', T2),
      null,
    ],
    [
      'theirs already chosen over mine',
      answer('yes', 'KM', T1),
      { ...answer('no', 'SD', T2), supersedes: ['KM@' + T1] },
      'take-theirs',
    ],
    ['a cleared answer against a value', answer(null, 'KM', T2), answer('yes', 'SD', T1), 'conflict'],
  ] as const)('%s -> %s', (_, mine, theirs, outcome) => {
    expect(compareVersions(mine, theirs)).toBe(outcome);
  });
});

describe('planning a merge', () => {
  it('adds their new cases and answers, leaves identical ones, and flags real conflicts', () => {
    const mine = inspection([
      sampled('c1', 'C-001', {
        'assessment.engagement': answer('yes', 'KM', T1),
        'planning.safety': answer('no', 'KM', T1),
      }),
    ]);
    const theirs = inspection([
      sampled('c1', 'C-001', {
        'assessment.engagement': answer('yes', 'KM', T1),
        'planning.safety': answer('yes', 'SD', T2, 'Plan seen in NDelius'),
        'reviewing.safety': answer('na', 'SD', T2),
      }),
      sampled('c2', 'C-002', { 'assessment.engagement': answer('no', 'SD', T2) }, 'SD'),
    ]);
    const plan = planMerge([mine], [theirs]);
    expect(plan.totals).toEqual({ added: 2, changed: 0, left: 1, conflicts: 1 });
    const [first] = plan.inspections;
    expect(first?.newCases.map((c) => c.reference)).toEqual(['C-002']);
    const conflict = first?.items.find((i) => i.outcome === 'conflict');
    expect(conflict).toMatchObject({
      target: 'planning.safety',
      reference: 'C-001',
      mine: { value: 'no', by: 'KM' },
      theirs: { value: 'yes', by: 'SD', note: 'Plan seen in NDelius' },
    });
  });

  it('adds a whole inspection that is not here', () => {
    const plan = planMerge([], [inspection([sampled('c1', 'C-1', {})])]);
    expect(plan.inspections[0]?.isNew).toBe(true);
    expect(plan.totals.added).toBe(1);
  });

  it('flags a case with our reference under another id, for the lead to join or keep apart', () => {
    const mine = inspection([sampled('mine-1', 'NEW-014', { 'assessment.safety': answer('yes', 'KM', T1) })]);
    const theirs = inspection([
      sampled('theirs-1', 'new-014', { 'assessment.safety': answer('no', 'SD', T2) }, 'SD'),
    ]);
    const plan = planMerge([mine], [theirs]);
    expect(plan.inspections[0]?.clashes).toEqual([
      expect.objectContaining({
        reference: 'new-014',
        mineCaseId: 'mine-1',
        theirsCaseId: 'theirs-1',
        mineInspector: 'KM',
        theirsInspector: 'SD',
      }),
    ]);
    expect(unresolved(plan, { conflicts: {}, clashes: {} })).toEqual({ conflicts: 0, clashes: 1 });
    // Joined: their answers merge into our case, and the differing answer becomes a conflict to resolve.
    expect(
      unresolved(plan, { conflicts: {}, clashes: { [plan.inspections[0]!.clashes[0]!.key]: 'join' } }),
    ).toEqual({
      conflicts: 1,
      clashes: 0,
    });
    const joined = applyMerge([mine], [theirs], plan, takeAll(plan, 'theirs', 'join')).inspections[0]!;
    expect(joined.cases).toHaveLength(1);
    expect((joined.cases[0] as ExportedCase).answers['assessment.safety']?.value).toBe('no');
    const apart = applyMerge([mine], [theirs], plan, takeAll(plan, 'theirs', 'apart')).inspections[0]!;
    expect(apart.cases.map((c) => (c as ExportedCase).reference)).toEqual(['NEW-014', 'new-014 (SD)']);
  });

  it('applies their removal of a case only when it is newer than our last change', () => {
    const mine = inspection([sampled('c1', 'C-1', {}), sampled('c2', 'C-2', {})]);
    const theirs = inspection([
      { id: 'c1', deleted: true, updatedAt: T2, by: 'SD' },
      { id: 'c2', deleted: true, updatedAt: '2020-01-01T00:00:00.000Z', by: 'SD' },
    ]);
    const plan = planMerge([mine], [theirs]);
    expect(plan.totals).toMatchObject({ changed: 1, left: 1 });
    const merged = applyMerge([mine], [theirs], plan, takeAll(plan, 'theirs')).inspections[0]!;
    expect(merged.cases.map((c) => [c.id, !!c.deleted])).toEqual([
      ['c1', true],
      ['c2', false],
    ]);
  });

  it('merges judgements and overrides the same way', () => {
    const mine = inspection([], { judgements: { staff: { rating: 'good', by: 'KM', updatedAt: T1 } } });
    const theirs = inspection([], {
      judgements: {
        staff: { rating: 'requires-improvement', by: 'SD', updatedAt: T2 },
        leadership: { rating: 'good', by: 'SD', updatedAt: T2 },
      },
      overrides: { assessment: { rating: 'good', reason: 'Band edge', by: 'SD', updatedAt: T2 } },
    });
    const plan = planMerge([mine], [theirs]);
    expect(plan.totals).toEqual({ added: 2, changed: 0, left: 0, conflicts: 1 });
    const merged = applyMerge([mine], [theirs], plan, takeAll(plan, 'mine')).inspections[0]!;
    expect(merged.judgements.staff?.rating).toBe('good');
    expect(merged.judgements.leadership?.rating).toBe('good');
    expect(merged.overrides.assessment?.reason).toBe('Band edge');
    // Keeping ours remembers theirs: the same file merges quietly next time.
    expect(planMerge([merged], [theirs]).totals).toEqual({ added: 0, changed: 0, left: 3, conflicts: 0 });
  });

  it('refuses unresolved conflicts, and an inspection under another framework', () => {
    const mine = inspection([sampled('c1', 'C-1', { 'assessment.safety': answer('yes', 'KM', T1) })]);
    const theirs = inspection([sampled('c1', 'C-1', { 'assessment.safety': answer('no', 'SD', T2) })]);
    const plan = planMerge([mine], [theirs]);
    expect(() => applyMerge([mine], [theirs], plan, { conflicts: {}, clashes: {} })).toThrow(MergeError);
    expect(() =>
      planMerge([mine], [{ ...theirs, framework: { id: 'hmip-youth', version: '2018' }, options: {} }]),
    ).toThrow(/uses hmip-youth 2018, but the inspection here uses hmip-probation-pdu 2021/);
  });
});

describe('merge properties', () => {
  const twoCopies = inspectionArbitrary(6).chain((base) =>
    fc.tuple(
      fc.constant(base),
      inspectionArbitrary(6).map((other) => ({
        ...other,
        id: base.id,
        framework: base.framework,
        options: base.options,
      })),
    ),
  );

  it('merging a file into the same data changes nothing', () => {
    fc.assert(
      fc.property(inspectionArbitrary(6), (copy) => {
        const plan = planMerge([copy], [copy]);
        expect(plan.totals).toMatchObject({ added: 0, changed: 0, conflicts: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it('merging the same file a second time changes nothing, whatever was chosen the first time', () => {
    fc.assert(
      fc.property(
        twoCopies,
        fc.constantFrom<'mine' | 'theirs'>('mine', 'theirs'),
        fc.constantFrom<'join' | 'apart'>('join', 'apart'),
        ([mine, theirs], side, clash) => {
          const plan = planMerge([mine], [theirs]);
          const once = applyMerge([mine], [theirs], plan, takeAll(plan, side, clash)).inspections;
          const again = planMerge(once, [theirs]);
          expect(again.totals.added + again.totals.changed + again.totals.conflicts).toBe(0);
        },
      ),
      { numRuns: 80 },
    );
  });
});
