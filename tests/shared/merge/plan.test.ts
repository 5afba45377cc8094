// Planning and applying merges, case by case: what the inspectors found (case details dropped, clocks
// deciding, removals of unseen work), and the review's promises (every change listed, counts equal to Apply).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportedCase, ExportedInspection } from '#shared/interchange';
import { VERSIONED_CASE_DETAILS } from '#shared/interchange';
import {
  applyMerge,
  caseVersions,
  covers,
  MergeError,
  planMerge,
  replacing,
  seenBy,
  settleSame,
  standing,
  takesTheirs,
  unresolved,
  type MergePlan,
  type MergeResolutions,
  type MergeSource,
} from '#shared/merge';
import { inspectionArbitrary } from '../../helpers/arbitraries';

const T = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 10, minutes)).toISOString();
const VERIFIED: MergeSource = { verified: true, signedBy: 'AAAA BBBB CCCC DDDD', initials: 'SD' };
const UNVERIFIED: MergeSource = { verified: false, signedBy: 'unsigned' };
const NOW = new Date(Date.UTC(2026, 10, 3));
const options = (source: MergeSource = VERIFIED, localDevice = 'lead') => ({ source, localDevice, now: NOW });

const v = (device: string, counter: number, extra: object = {}) => ({
  by: device.toUpperCase(),
  updatedAt: T(counter),
  device,
  counter,
  ...extra,
});

function sampled(
  id: string,
  reference: string,
  answers: ExportedCase['answers'] = {},
  created = v('lead', 1),
): ExportedCase {
  return {
    id,
    reference,
    caseType: 'community',
    inspector: 'JD',
    attributes: {},
    answers,
    detailVersions: Object.fromEntries(VERSIONED_CASE_DETAILS.map((d) => [d, created])),
    ...created,
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
    options: {},
    judgements: {},
    cases,
    overrides: {},
    ...parts,
  };
}

/** Every undecided item decided one way; clashes joined unless said. */
function decideAll(
  plan: MergePlan,
  side: 'mine' | 'theirs',
  clash: 'join' | 'apart' = 'join',
): MergeResolutions {
  return {
    choices: Object.fromEntries(
      plan.inspections.flatMap((i) => i.items.filter((x) => x.group !== 'taken').map((x) => [x.key, side])),
    ),
    clashes: Object.fromEntries(plan.inspections.flatMap((i) => i.clashes.map((c) => [c.key, clash]))),
  };
}
const resolver = { device: 'lead', counter: 99, by: 'KM', at: T(99) };

describe('versions: no clock is believed', () => {
  it('takes the higher counter from the same device, whatever the times say', () => {
    const earlier = v('sd', 5, { updatedAt: '2030-01-01T00:00:00.000Z' });
    const later = v('sd', 6, { updatedAt: '2020-01-01T00:00:00.000Z' });
    expect(standing(earlier, later, false)).toBe('theirs');
    expect(standing(later, earlier, false)).toBe('ours');
  });

  it('lets a version from another device win only if it names ours as replaced', () => {
    const ours = v('lead', 10);
    expect(standing(ours, v('sd', 3), false)).toBe('conflict');
    expect(standing(ours, v('sd', 3, { replaces: { lead: 10 } }), false)).toBe('theirs');
    expect(standing(ours, v('sd', 3, { replaces: { lead: 9 } }), false)).toBe('conflict');
    expect(standing(v('lead', 11, { replaces: { sd: 3 } }), v('sd', 3), false)).toBe('ours');
  });

  it('never compares times as text: "+14:00" and a fast clock decide nothing', () => {
    const ours = v('lead', 10, { updatedAt: '2026-11-02T10:00:00.000Z' });
    const theirs = v('sd', 1, { updatedAt: '2026-11-02T23:59:00.000+14:00' });
    expect(standing(ours, theirs, false)).toBe('conflict');
  });

  it('names what a new version replaced, as the write path records it', () => {
    expect(replacing([v('lead', 4, { replaces: { sd: 2 } })])).toEqual({ replaces: { lead: 4, sd: 2 } });
    expect(replacing([{ by: 'KM', updatedAt: T(1) }])).toEqual({ supersedes: [`KM@${T(1)}`] });
    expect(seenBy([v('a', 2, { replaces: { a: 1, b: 7 } }), v('b', 3)])).toEqual({ a: 2, b: 7 });
  });

  it('settles two equal versions on the same stamp from either side', () => {
    const a = v('a', 2);
    const b = v('b', 5, { replaces: { c: 1 } });
    const fromA = settleSame(a, b);
    expect(settleSame(b, a)).toEqual(fromA);
    expect(covers(fromA, a) && covers(fromA, b)).toBe(true);
  });
});

describe('case details merge like answers (finding 1)', () => {
  it('shows a colleague’s change of type, release, risk and inspector, and applies it', () => {
    const mine = inspection([sampled('c1', 'CR0001')]);
    const base = sampled('c1', 'CR0001');
    const changed: ExportedCase = {
      ...base,
      caseType: 'licence',
      inspector: 'SD',
      attributes: { rosh: 'medium', releasedOnLicence: true },
      detailVersions: {
        ...base.detailVersions,
        caseType: v('sd', 2, replacing([v('lead', 1)])),
        inspector: v('sd', 3, replacing([v('lead', 1)])),
        rosh: v('sd', 4, replacing([v('lead', 1)])),
        releasedOnLicence: v('sd', 5, replacing([v('lead', 1)])),
      },
    };
    const plan = planMerge([mine], [inspection([changed])], options());
    const details = plan.inspections[0]!.items.filter((i) => i.kind === 'detail');
    expect(details.map((d) => [d.target, d.group, d.mine?.value, d.theirs.value])).toEqual([
      ['caseType', 'taken', 'community', 'licence'],
      ['inspector', 'taken', 'JD', 'SD'],
      ['rosh', 'taken', undefined, 'medium'],
      ['releasedOnLicence', 'taken', undefined, true],
    ]);
    const merged = applyMerge([mine], [inspection([changed])], plan, decideAll(plan, 'theirs'), {
      claimedIn: 'x',
    });
    const c = merged.inspections[0]!.cases[0] as ExportedCase;
    expect([c.caseType, c.inspector, c.attributes.rosh, c.attributes.releasedOnLicence]).toEqual([
      'licence',
      'SD',
      'medium',
      true,
    ]);
    expect(merged.applied).toBe(4);
  });

  it('makes two inspectors’ different changes to one detail a conflict, side by side', () => {
    const mine = sampled('c1', 'CR0001');
    const ours = {
      ...mine,
      attributes: { rosh: 'high' as const },
      detailVersions: { ...mine.detailVersions, rosh: v('lead', 5, replacing([v('lead', 1)])) },
    };
    const theirs = {
      ...mine,
      attributes: { rosh: 'low' as const },
      detailVersions: { ...mine.detailVersions, rosh: v('sd', 2, replacing([v('lead', 1)])) },
    };
    const plan = planMerge([inspection([ours])], [inspection([theirs])], options());
    expect(plan.inspections[0]!.items).toEqual([
      expect.objectContaining({
        kind: 'detail',
        target: 'rosh',
        group: 'conflicts',
        mine: expect.objectContaining({ value: 'high' }),
      }),
    ]);
    // Keeping ours is recorded as the lead's change replacing both: the same file is quiet next time.
    const merged = applyMerge([inspection([ours])], [inspection([theirs])], plan, decideAll(plan, 'mine'), {
      resolver,
      claimedIn: 'x',
    });
    expect(merged.applied).toBe(0);
    expect(planMerge(merged.inspections, [inspection([theirs])], options()).inspections[0]!.items).toEqual(
      [],
    );
  });
});

describe('who the file is from (finding 2)', () => {
  const mine = inspection([sampled('c1', 'CR0001', { q1: { value: 'no', ...v('lead', 5) } })]);
  const forged = inspection([sampled('c1', 'CR0001', { q1: { value: 'yes', ...v('lead', 500), by: 'KM' } })]);

  it('holds every change from an unverified file for review', () => {
    const newer = inspection([
      sampled('c1', 'CR0001', { q1: { value: 'yes', ...v('sd', 2, { replaces: { lead: 5 } }) } }),
    ]);
    const plan = planMerge([mine], [newer], options(UNVERIFIED));
    expect(plan.totals).toMatchObject({ taken: 0, toReview: 1, conflicts: 0 });
    expect(() =>
      applyMerge([mine], [newer], plan, { choices: {}, clashes: {} }, { claimedIn: 'unsigned' }),
    ).toThrow(MergeError);
  });

  it('makes a version claiming this computer’s device, that it never held, a conflict even when signed', () => {
    const plan = planMerge([mine], [forged], options(VERIFIED, 'lead'));
    expect(plan.inspections[0]!.items).toEqual([
      expect.objectContaining({ group: 'conflicts', claimsThisDevice: true }),
    ]);
  });

  it('lists a removal dated 9999 for review, flagged as far ahead of the clock', () => {
    const tombstone = {
      id: 'c1',
      deleted: true as const,
      ...v('sd', 3),
      updatedAt: '9999-12-31T00:00:00.000Z',
      replaces: seenBy(caseVersions(mine.cases[0]!)),
    };
    const plan = planMerge([mine], [inspection([tombstone])], options());
    expect(plan.inspections[0]!.items).toEqual([
      expect.objectContaining({ kind: 'removal', group: 'toReview', aheadOfClock: true }),
    ]);
  });
});

describe('forged versions never win on their own (hostile review)', () => {
  const ours = inspection([sampled('c1', 'CR0001', { q1: { value: 'yes', ...v('jp', 3) } })]);

  it('never rewrites stored stamps from an unverified file, even where the values agree', () => {
    const forged = inspection([
      sampled('c1', 'CR0001', {
        q1: { value: 'yes', ...v('x', 1, { replaces: { jp: Number.MAX_SAFE_INTEGER } }) },
      }),
    ]);
    const plan = planMerge([ours], [forged], options(UNVERIFIED));
    expect(plan.inspections[0]!.settlements).toEqual([]);
    // And where neither knew of the other, the settled stamp names the other version itself, never what the
    // other claims to have replaced.
    const settled = settleSame(v('z', 3), v('x', 1, { replaces: { y: 50 } }));
    expect(covers(settled, v('x', 1)) && covers(settled, v('z', 3))).toBe(true);
    expect(covers(settled, v('y', 50))).toBe(false);
  });

  it('makes a file claiming to have seen a change of ours that was never made a conflict, even when signed', () => {
    const mine = inspection([sampled('c1', 'CR0001', { q1: { value: 'no', ...v('lead', 5) } })]);
    const forged = inspection([
      sampled('c1', 'CR0001', { q1: { value: 'yes', ...v('sd', 1, { replaces: { lead: 999 } }) } }),
    ]);
    const plan = planMerge([mine], [forged], { ...options(VERIFIED, 'lead'), localCounter: 7 });
    expect(plan.inspections[0]!.items).toEqual([
      expect.objectContaining({ group: 'conflicts', claimsThisDevice: true }),
    ]);
  });

  it('makes two versions that each claim to replace the other a conflict', () => {
    expect(standing(v('jp', 9, { replaces: { jp: 10 } }), v('jp', 10), false)).toBe('conflict');
  });

  it('holds a case brought back, and an inspection deleted here, for review even from a verified file', () => {
    const tombstone = { id: 'c1', deleted: true as const, ...v('lead', 10) };
    const back = sampled('c1', 'CR0001');
    const restored = {
      ...back,
      detailVersions: { ...back.detailVersions, removed: v('sd', 4, { replaces: { lead: 10 } }) },
    };
    const plan = planMerge([inspection([tombstone])], [inspection([restored])], options());
    expect(plan.inspections[0]!.items.map((i) => [i.kind, i.group])).toEqual([['restoration', 'toReview']]);
    const deleted = planMerge([], [inspection([])], { ...options(), binned: new Set(['insp']) });
    expect(deleted.inspections[0]!.items).toEqual([
      expect.objectContaining({ kind: 'inspection', group: 'toReview', inBin: true }),
    ]);
  });
});

describe('a removal removes only what it saw', () => {
  const original = sampled('c1', 'CR0001', { q1: { value: 'yes', ...v('lead', 2) } });

  it('asks before removing a case with answers the remover had not seen, and names them', () => {
    const later = {
      ...original,
      answers: { ...original.answers, q2: { value: 'no' as const, ...v('lead', 7) } },
    };
    const tombstone = {
      id: 'c1',
      deleted: true as const,
      ...v('sd', 3),
      replaces: seenBy(caseVersions(original)),
    };
    const plan = planMerge([inspection([later])], [inspection([tombstone])], options());
    expect(plan.inspections[0]!.items).toEqual([
      expect.objectContaining({ kind: 'removal', group: 'conflicts', unseen: ['the answer to q2'] }),
    ]);
    const kept = applyMerge([inspection([later])], [inspection([tombstone])], plan, decideAll(plan, 'mine'), {
      resolver,
      claimedIn: 'x',
    });
    expect(kept.inspections[0]!.cases[0]!.deleted).toBeFalsy();
    expect(planMerge(kept.inspections, [inspection([tombstone])], options()).inspections[0]!.items).toEqual(
      [],
    );
  });

  it('lists a removal of what the remover had seen as a removal to review, and applies it only when taken', () => {
    const tombstone = {
      id: 'c1',
      deleted: true as const,
      ...v('sd', 3),
      replaces: seenBy(caseVersions(original)),
    };
    const plan = planMerge([inspection([original])], [inspection([tombstone])], options());
    expect(plan.totals).toMatchObject({ toReview: 1, byKind: { removal: 1 } });
    const left = applyMerge(
      [inspection([original])],
      [inspection([tombstone])],
      plan,
      decideAll(plan, 'mine'),
      { claimedIn: 'x' },
    );
    expect(left.inspections[0]!.cases[0]!.deleted).toBeFalsy();
    const taken = applyMerge(
      [inspection([original])],
      [inspection([tombstone])],
      plan,
      decideAll(plan, 'theirs'),
      { claimedIn: 'x' },
    );
    expect(taken.inspections[0]!.cases[0]!.deleted).toBe(true);
  });
});

describe('the review and Apply agree', () => {
  it('adds a whole new inspection only when taken, with its audit as the file’s claims', () => {
    const theirs = inspection([sampled('c1', 'C-1')], {
      audit: [{ at: T(1), by: 'SD', action: 'case-added', before: null, after: 'C-1' }],
    });
    const plan = planMerge([], [theirs], options(UNVERIFIED));
    expect(plan.totals).toMatchObject({ toReview: 1, claims: 1, byKind: { inspection: 1 } });
    expect(
      applyMerge([], [theirs], plan, decideAll(plan, 'mine'), { claimedIn: 'unsigned' }).inspections,
    ).toEqual([]);
    const taken = applyMerge([], [theirs], plan, decideAll(plan, 'theirs'), { claimedIn: 'unsigned' });
    expect(taken.inspections[0]!.audit).toEqual([
      expect.objectContaining({ claimedIn: 'unsigned', by: 'SD' }),
    ]);
  });

  it('flags a case with our reference under another id, for the lead to join or keep apart', () => {
    const mine = inspection([sampled('mine-1', 'NEW-014', { q1: { value: 'yes', ...v('lead', 2) } })]);
    const theirs = inspection([
      sampled('theirs-1', 'new-014', { q1: { value: 'no', ...v('sd', 2) } }, v('sd', 1)),
    ]);
    const plan = planMerge([mine], [theirs], options());
    expect(plan.inspections[0]!.clashes).toEqual([
      expect.objectContaining({ reference: 'new-014', mineCaseId: 'mine-1', theirsCaseId: 'theirs-1' }),
    ]);
    expect(unresolved(plan, { choices: {}, clashes: {} })).toEqual({ conflicts: 0, toReview: 0, clashes: 1 });
    const joined = applyMerge([mine], [theirs], plan, decideAll(plan, 'theirs', 'join'), {
      resolver,
      claimedIn: 'x',
    });
    expect(joined.inspections[0]!.cases).toHaveLength(1);
    expect((joined.inspections[0]!.cases[0] as ExportedCase).answers.q1?.value).toBe('no');
    const apart = applyMerge([mine], [theirs], plan, decideAll(plan, 'theirs', 'apart'), {
      resolver,
      claimedIn: 'x',
    });
    expect(apart.inspections[0]!.cases.map((c) => (c as ExportedCase).reference)).toEqual([
      'NEW-014',
      'new-014 (JD)',
    ]);
  });

  it('caps the audit a file may add, and counts what it left out', () => {
    const big = Array.from({ length: 6000 }, (_, i) => ({
      at: T(1),
      by: 'X',
      action: 'answer',
      key: `k${i}`,
      before: null,
      after: 'x'.repeat(100),
    }));
    const plan = planMerge([inspection([])], [inspection([], { audit: big })], options());
    expect(plan.inspections[0]!.claims).toBeLessThanOrEqual(5000);
    expect(plan.inspections[0]!.claims + plan.inspections[0]!.claimsLeftOut).toBe(6000);
  });

  it('refuses an inspection under another framework', () => {
    expect(() =>
      planMerge(
        [inspection([])],
        [inspection([], { framework: { id: 'hmip-youth', version: '2018' } })],
        options(),
      ),
    ).toThrow(/uses hmip-youth 2018, but the inspection here uses hmip-probation-pdu 2021/);
  });

  it('merges judgements, overrides and commentary by version', () => {
    const mine = inspection([], { judgements: { staff: { rating: 'good', ...v('lead', 3) } } });
    const theirs = inspection([], {
      judgements: {
        staff: { rating: 'requires-improvement', ...v('sd', 2) },
        leadership: { rating: 'good', ...v('sd', 3) },
      },
      overrides: { assessment: { rating: 'good', reason: 'Band edge', ...v('sd', 4) } },
      commentary: { assessment: { strengths: 'Thorough', ...v('sd', 5) } },
    });
    const plan = planMerge([mine], [theirs], options());
    expect(plan.totals).toMatchObject({ taken: 3, conflicts: 1 });
    const merged = applyMerge([mine], [theirs], plan, decideAll(plan, 'mine'), { resolver, claimedIn: 'x' })
      .inspections[0]!;
    expect([merged.judgements.staff?.rating, merged.judgements.leadership?.rating]).toEqual(['good', 'good']);
    expect(merged.overrides.assessment?.reason).toBe('Band edge');
    expect(merged.commentary?.assessment?.strengths).toBe('Thorough');
    expect(planMerge([merged], [theirs], options()).totals).toMatchObject({
      taken: 0,
      toReview: 0,
      conflicts: 0,
    });
  });

  it('changes exactly as many things as the review counts, for any two copies and any decisions', () => {
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
    fc.assert(
      fc.property(
        twoCopies,
        fc.boolean(),
        fc.constantFrom<'mine' | 'theirs'>('mine', 'theirs'),
        fc.constantFrom<'join' | 'apart'>('join', 'apart'),
        ([mine, theirs], verified, side, clash) => {
          const plan = planMerge([mine], [theirs], options(verified ? VERIFIED : UNVERIFIED));
          const resolutions = decideAll(plan, side, clash);
          const result = applyMerge([mine], [theirs], plan, resolutions, { resolver, claimedIn: 'x' });
          const counted =
            plan.inspections.flatMap((i) => i.items).filter((item) => takesTheirs(item, resolutions)).length +
            plan.inspections.flatMap((i) => i.clashes).filter((c) => resolutions.clashes[c.key] === 'apart')
              .length;
          expect(result.applied).toBe(counted);
          const again = planMerge(
            result.inspections.length ? result.inspections : [mine],
            [theirs],
            options(VERIFIED),
          );
          if (side === 'theirs' && clash === 'join')
            expect(again.totals.taken + again.totals.conflicts).toBe(0);
        },
      ),
      { numRuns: 80 },
    );
  });
});
