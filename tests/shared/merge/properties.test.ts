// Model-based properties of merging: random edit histories on two to four devices, with random clock skews and
// random orders of exchange. Merging must be idempotent and order-independent, never drop a version without
// listing it for review or as a conflict, and every copy must converge once conflicts are resolved the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { covers } from '#shared/merge';
import { content, edit, exchange, startingCopies, type Device, type Operation } from './model';

const HOUR = 60 * 60 * 1000;

const operation = (devices: number): fc.Arbitrary<Operation> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('answer' as const),
        device: fc.nat(devices - 1),
        case: fc.nat(2),
        question: fc.nat(3),
        value: fc.constantFrom('yes' as const, 'no' as const, 'na' as const, null),
        note: fc.constantFrom('', 'seen', 'plan on file'),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('detail' as const),
        device: fc.nat(devices - 1),
        case: fc.nat(2),
        detail: fc.constantFrom('rosh' as const, 'inspector' as const, 'caseType' as const, 'note' as const),
        value: fc.nat(2),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('remove' as const),
        device: fc.nat(devices - 1),
        case: fc.nat(2),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('exchange' as const),
        from: fc.nat(devices - 1),
        to: fc.nat(devices - 1),
      }),
    },
  );

const history = fc.integer({ min: 2, max: 4 }).chain((devices) =>
  fc.record({
    devices: fc.constant(devices),
    skews: fc.array(fc.integer({ min: -48 * HOUR, max: 48 * HOUR }), {
      minLength: devices,
      maxLength: devices,
    }),
    operations: fc.array(operation(devices), { maxLength: 40 }),
  }),
);

function run(h: { devices: number; skews: number[]; operations: Operation[] }): Device[] {
  const devices = startingCopies(h.devices, h.skews);
  for (const op of h.operations) {
    if (op.kind === 'exchange') exchange(devices, op.from, op.to);
    else edit(devices, op);
  }
  return devices;
}

/** Each thing a copy holds and where a plan would name it: detail, answer, or whether the case is removed. */
function things(device: Device): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of device.copy.cases) {
    out.set(`insp|${c.id}|removed`, c.deleted ? 'removed' : 'live');
    if (c.deleted) continue;
    const details = {
      reference: c.reference,
      caseType: c.caseType,
      inspector: c.inspector,
      rosh: c.attributes.rosh,
      note: c.note,
    };
    for (const [d, v] of Object.entries(details))
      out.set(`insp|${c.id}|detail:${d}`, JSON.stringify(v ?? null));
    for (const [q, a] of Object.entries(c.answers))
      out.set(`insp|${c.id}|${q}`, JSON.stringify([a.value, a.note ?? '']));
  }
  return out;
}

describe('merging random edit histories', () => {
  it('is idempotent: the same file again changes nothing and lists nothing', () => {
    fc.assert(
      fc.property(history, fc.nat(3), fc.nat(3), (h, from, to) => {
        const devices = run(h);
        if (from % devices.length === to % devices.length) return;
        exchange(devices, from, to);
        const after = structuredClone(devices[to % devices.length]!.copy);
        const again = exchange(devices, from, to)!;
        expect(again.inspections[0]!.items).toEqual([]);
        expect(content(devices[to % devices.length]!.copy)).toEqual(content(after));
      }),
      { numRuns: 150 },
    );
  });

  it('never changes anything a plan did not list, and takes without asking only what replaced ours', () => {
    fc.assert(
      fc.property(history, fc.nat(3), fc.nat(3), (h, from, to) => {
        const devices = run(h);
        const receiver = devices[to % devices.length]!;
        const before = things(receiver);
        const plan = exchange(devices, from, to);
        if (!plan) return;
        const listed = new Set(plan.inspections.flatMap((i) => i.items.map((item) => item.key)));
        for (const item of plan.inspections.flatMap((i) => i.items)) {
          if (item.group === 'taken' && item.mine)
            expect(covers(item.theirs.version, item.mine.version)).toBe(true);
        }
        for (const [key, value] of things(receiver)) {
          if (before.get(key) === value) continue;
          const listedAs = [...listed].some((k) => k === key || (key.endsWith('|removed') && k === key));
          const caseAdded =
            !before.has(key) && [...listed].some((k) => key.startsWith(k.replace(/\|case$/, '|')));
          const detailOfRestored = [...listed].some(
            (k) => k.endsWith('|removed') && key.startsWith(k.slice(0, -'removed'.length)),
          );
          expect(listedAs || caseAdded || detailOfRestored, `${key} changed without being listed`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result whichever order two colleagues’ files arrive in', () => {
    fc.assert(
      fc.property(
        history.filter((h) => h.devices >= 3),
        (h) => {
          const first = run(h);
          const second = structuredClone(first);
          exchange(first, 1, 0);
          exchange(first, 2, 0);
          exchange(second, 2, 0);
          exchange(second, 1, 0);
          expect(content(first[0]!.copy)).toEqual(content(second[0]!.copy));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('brings every copy to the same content once every copy has met every other', () => {
    fc.assert(
      fc.property(history, (h) => {
        const devices = run(h);
        for (let round = 0; round < 3; round += 1) {
          for (let from = 0; from < devices.length; from += 1) {
            for (let to = 0; to < devices.length; to += 1) exchange(devices, from, to);
          }
        }
        const expected = content(devices[0]!.copy);
        for (const device of devices) expect(content(device.copy)).toEqual(expected);
        // Settled: one more round lists nothing anywhere.
        for (let from = 0; from < devices.length; from += 1) {
          for (let to = 0; to < devices.length; to += 1) {
            const plan = exchange(devices, from, to);
            if (plan) expect(plan.inspections[0]!.items).toEqual([]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
