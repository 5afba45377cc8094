// The export schema's compiled form (shared/interchange/compiled-schema.ts) must agree with zod on every value:
// valid where zod says valid, giving the same value (the same keys in the same order, so the same text), and
// never valid where zod is not. Random valid files, the committed fixtures, and the same files broken at a random
// place with hostile values are fed to both.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createExport, exportFileSchema, safeParseExportFile, upgradeToCurrent } from '#shared/interchange';
import { compileSchema } from '#shared/interchange/compiled-schema.ts';
import { createLondonDemo } from '../../../seeds';
import { inspectionArbitrary } from '../../helpers/arbitraries';

const compiled = compileSchema(exportFileSchema);

/** Whether a value holds an own `__proto__` key anywhere (as JSON.parse makes one). */
function holdsProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
  return Object.values(value).some(holdsProtoKey);
}

/**
 * Both verdicts agree, and where valid both give the same value, key for key and in the same order. The one
 * value the compiled form leaves to zod though zod finds it valid is a record with an own `__proto__` key (zod
 * passes over it; a reader refuses the key before any schema sees it).
 */
function expectAgreement<T extends z.ZodType>(schema: T, value: unknown, fast = compileSchema(schema)): void {
  // The compiled form first, so nothing zod does (setting a global pattern's lastIndex) is left for it to rely on.
  const quick = fast(value);
  const slow = schema.safeParse(value);
  if (quick === undefined && slow.success && holdsProtoKey(value)) return;
  expect(quick !== undefined, `compiled says ${quick ? 'valid' : 'not valid'}, zod ${slow.success}`).toBe(
    slow.success,
  );
  if (quick && slow.success) {
    expect(quick.data).toStrictEqual(slow.data);
    expect(JSON.stringify(quick.data)).toBe(JSON.stringify(slow.data));
  }
}

/** An audit entry as the app writes them: any JSON before and after. */
const auditEntry = fc.record(
  {
    at: fc.constant('2026-11-26T10:00:00.000Z'),
    by: fc.constantFrom('KM', 'SD'),
    action: fc.constantFrom('answer', 'case-added', 'imported'),
    caseId: fc.constant('case-1'),
    key: fc.constant('assessment.engagement'),
    before: fc.jsonValue({ maxDepth: 2 }),
    after: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['at', 'by', 'action', 'before', 'after'] },
);

const files = fc
  .array(fc.tuple(inspectionArbitrary(4), fc.array(auditEntry, { maxLength: 3 })), { maxLength: 3 })
  .map((inspections) =>
    inspections.map(([inspection, audit], i) => ({ ...inspection, id: `inspection-${i}`, audit })),
  )
  .map((inspections) => createExport(inspections, new Date('2026-11-26T10:00:00.000Z')));

/** Values a hostile or careless file puts where something else belongs. */
const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom<unknown>(
    null,
    true,
    '',
    'maybe',
    'yes',
    [],
    {},
    -1,
    1.5,
    -0,
    1e308,
    2 ** 53,
    Number.MAX_SAFE_INTEGER + 2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    undefined,
    'x'.repeat(201),
    'x'.repeat(100_001),
    '🎉'.repeat(150), // 300 UTF-16 units, 150 characters: within a 200-character limit
    '🎉'.repeat(201),
    'CR\u202e0001',
    'zero\u200bwidth',
    '2022-13-01T00:00:00Z',
    '2022-09-05T10:00:00',
    '2022-09-05',
    'bad id with spaces',
    JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    JSON.parse('{"constructor":{"prototype":{}}}') as unknown,
  ),
);

type Container = Record<string, unknown> | unknown[];

/** Every object and list in a value, with the keys it holds. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (value !== null && typeof value === 'object') {
    out.push(value as Container);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

/** A copy of the file with one place changed: a value replaced, a key added or a key taken away. */
const brokenFiles = fc
  .record({
    file: files,
    where: fc.nat(),
    key: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('__proto__', 'value', 'note', 'answers', 'id'),
    ),
    value: hostile,
    how: fc.constantFrom('replace', 'add', 'remove'),
  })
  .map(({ file, where, key, value, how }) => {
    const copy = structuredClone(file) as unknown;
    const all = containers(copy);
    const target = all[where % all.length]!;
    const keys = Object.keys(target);
    const existing = keys.length > 0 ? keys[where % keys.length]! : key;
    if (how === 'remove') {
      if (Array.isArray(target)) target.splice(Number(existing), 1);
      else delete target[existing];
    } else if (Array.isArray(target)) {
      // A list read from JSON holds items only: one added at its end, or one replaced.
      if (how === 'add' || keys.length === 0) target.push(value);
      else target[Number(existing)] = value;
    } else {
      const at = how === 'add' ? key : existing;
      // Defined as data, so a __proto__ key is an own key, as JSON.parse makes it.
      Object.defineProperty(target, at, { value, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  });

describe('the compiled export schema', () => {
  it('gives what zod gives for random valid files', () => {
    fc.assert(
      fc.property(files, (file) => {
        expect(compiled(file)).toBeDefined();
        expectAgreement(exportFileSchema, file, compiled);
        // As read from text, too.
        expectAgreement(exportFileSchema, JSON.parse(JSON.stringify(file)), compiled);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with zod on the same files broken at a random place', () => {
    fc.assert(
      fc.property(brokenFiles, (file) => {
        expectAgreement(exportFileSchema, file, compiled);
      }),
      { numRuns: 600 },
    );
  });

  it('agrees with zod on valid files with their keys shuffled and keys not of the format put in', () => {
    fc.assert(
      fc.property(files, fc.infiniteStream(fc.nat()), fc.string({ maxLength: 8 }), (file, picks, extra) => {
        const pick = picks[Symbol.iterator]();
        // Every object's keys in another order (a record's too); now and then a key the format does not know.
        const shuffled = JSON.parse(JSON.stringify(file), (_key, value: unknown) => {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
          const entries = Object.entries(value);
          for (let i = entries.length - 1; i > 0; i -= 1) {
            const j = pick.next().value % (i + 1);
            [entries[i], entries[j]] = [entries[j]!, entries[i]!];
          }
          if (pick.next().value % 5 === 0)
            entries.splice(pick.next().value % (entries.length + 1), 0, [extra, 1]);
          return Object.fromEntries(entries);
        }) as unknown;
        expectAgreement(exportFileSchema, shuffled, compiled);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with zod on the committed fixtures, the sample and the London demo', () => {
    for (const path of [
      'tests/fixtures/interchange/v1.json',
      'tests/fixtures/interchange/v2.json',
      'tests/fixtures/interchange/v3.json',
      'seeds/samples/london-2022.json',
    ]) {
      const value = upgradeToCurrent(JSON.parse(readFileSync(path, 'utf8')));
      expect(compiled(value), path).toBeDefined();
      expectAgreement(exportFileSchema, value, compiled);
    }
    expectAgreement(exportFileSchema, createExport(createLondonDemo(), new Date()), compiled);
  });

  it('parses through zod only what it does not find valid, so a problem is named as before', () => {
    const file = createExport(createLondonDemo(), new Date('2026-11-26T10:00:00.000Z'));
    expect(safeParseExportFile(file)).toStrictEqual(exportFileSchema.safeParse(file));
    const broken = structuredClone(file);
    const live = broken.inspections[0]!.cases.find((c) => !c.deleted)!;
    (live.answers as Record<string, unknown>)['assessment.engagement'] = { value: 'maybe' };
    const result = safeParseExportFile(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toStrictEqual(exportFileSchema.safeParse(broken).error?.issues);
  });
});

describe('compiling a schema, each kind of node as zod reads it', () => {
  it('keeps a present undefined, leaves out an absent optional, and refuses an absent required key', () => {
    const schema = z.object({ a: z.string(), b: z.string().optional(), c: z.unknown() });
    for (const value of [
      { a: 'x' },
      { a: 'x', b: undefined },
      { b: 'y' },
      { a: 'x', c: undefined },
      { a: 1 },
    ])
      expectAgreement(schema, value);
    // An exact optional may be absent, but not present as undefined.
    const exact = z.object({ a: z.string().exactOptional() });
    for (const value of [{}, { a: undefined }, { a: 'x' }]) expectAgreement(exact, value);
  });

  it('leaves out unknown keys and gives the shape’s order whatever the order given', () => {
    const schema = z.object({ a: z.string(), b: z.number() });
    for (const value of [
      { b: 1, a: 'x' },
      { a: 'x', extra: true, b: 1 },
      { a: 'x', b: 1 },
      Object.create(null, {
        a: { value: 'x', enumerable: true },
        b: { value: 2, enumerable: true },
      }) as unknown,
      Object.defineProperty({ a: 'x' }, 'b', { value: 3, enumerable: false }),
    ])
      expectAgreement(schema, value);
  });

  it('finds fields in any order, leaves out unknown keys anywhere, and sees a field held unenumerable', () => {
    const schema = z.object({ a: z.string(), b: z.number().optional(), c: z.boolean().optional() });
    const hidden = (value: object, key: string, held: unknown) =>
      Object.defineProperty(value, key, { value: held, enumerable: false });
    for (const value of [
      { a: 'x', c: true },
      { c: true, a: 'x' },
      { c: true, x: 1, a: 'x', b: 2 },
      { x: 1, a: 'x' },
      { a: 'x', b: undefined },
      { b: undefined, a: 'x' },
      { c: true, b: 2 },
      { c: 'no', a: 'x' },
      hidden({ a: 'x', c: true }, 'b', 2),
      hidden({ c: true, a: 'x' }, 'b', 2),
      hidden({ a: 'x' }, 'b', undefined),
      hidden({ a: 'x', b: 1 }, 'c', 'not a boolean'),
    ])
      expectAgreement(schema, value);
  });

  it('forgets what it had parsed of an object when a refinement throws', () => {
    const schema = z.object({
      a: z.string().refine((s) => {
        if (s === 'boom') throw new Error('boom');
        return true;
      }),
      b: z.string().optional(),
    });
    const fast = compileSchema(schema);
    expect(() => fast({ b: 'left over', a: 'boom' })).toThrow('boom');
    expectAgreement(schema, { x: 1, a: 'ok' }, fast);
    expect(fast({ x: 1, a: 'ok' })?.data).toStrictEqual({ a: 'ok' });
  });

  it('gives a record whose values parse to new ones as a copy in the same order', () => {
    const schema = z.record(z.string(), z.object({ u: z.number(), v: z.number() }));
    for (const value of [
      { a: { u: 1, v: 2 }, b: { v: 2, u: 1 }, c: { u: 3, v: 4 } },
      { a: { v: 2, u: 1 }, b: { u: 1, v: 2 } },
      { 2: { u: 1, v: 2 }, a: { v: 2, u: 1 }, 1: { u: 1, v: 2 } },
      { a: { u: 1, v: 2 }, b: { v: 2, u: 'x' } },
    ])
      expectAgreement(schema, value);
  });

  it('reads a record as zod does: own keys only, no __proto__, numeric keys first, plain objects only', () => {
    const schema = z.record(z.string().min(1).max(3), z.object({ v: z.boolean() }));
    class Answers {
      a = { v: true };
    }
    for (const value of [
      { b: { v: true }, 2: { v: false }, a: { v: true } },
      { '': { v: true } },
      { long: { v: true } },
      { [Symbol('s')]: { v: true }, a: { v: true } },
      new Answers(),
      Object.create({ inherited: { v: true } }) as unknown,
      [],
    ])
      expectAgreement(schema, value);
    // An own __proto__ key zod passes over; the compiled form leaves such a record to zod (a reader has refused
    // the key before any schema sees it).
    const withProto = JSON.parse('{"__proto__":{"v":true},"a":{"v":false}}') as unknown;
    expect(compileSchema(schema)(withProto)).toBeUndefined();
    expect(schema.safeParse(withProto).data).toStrictEqual({ a: { v: false } });
  });

  it('counts characters, not UTF-16 units, against a length limit, as zod does', () => {
    const schema = z.string().min(2).max(3);
    for (const value of [
      '🎉🎉🎉',
      '🎉🎉🎉🎉',
      '🎉',
      'ab',
      'a',
      'abcd',
      'a🎉',
      '🎉a',
      '\ud83c',
      '\ud83c\ud83c',
    ])
      expectAgreement(schema, value);
    const list = z.array(z.number()).min(2).max(3);
    for (const value of [[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4]]) expectAgreement(list, value);
  });

  it('tests a pattern afresh for each new string, and as zod does with a global or sticky pattern', () => {
    for (const schema of [z.string().regex(/^a+$/), z.string().regex(/a/g), z.string().regex(/a/y)]) {
      const fast = compileSchema(schema);
      for (const value of ['aa', 'aa', 'ba', 'aa', 'ab', '', 'b', 'aa', 'a'])
        expectAgreement(schema, value, fast);
    }
  });

  it('runs a refinement with its truthiness, a check with its own `when`, and one that rewrites the value', () => {
    for (const result of [1, 0, '', 'yes', null, {}])
      expectAgreement(
        z.string().refine(() => result),
        'x',
      );
    const unless = z.string().refine((s) => s.length > 2, { when: () => false });
    expectAgreement(unless, 'x');
    const trimmed = z.object({ name: z.string().trim().max(3), tags: z.array(z.string().toLowerCase()) });
    for (const value of [
      { name: ' ab ', tags: ['A', 'b'] },
      { name: 'abc', tags: ['a'] },
      { name: ' abcd ', tags: [] },
    ])
      expectAgreement(trimmed, value);
  });

  it('compares numbers with inclusive and exclusive bounds and integer formats as zod does', () => {
    const schemas = [
      z.number().gt(0).lt(1),
      z.number().gte(0).lte(1),
      z.int(),
      z.int32(),
      z.number().int().min(-3).max(Number.MAX_SAFE_INTEGER),
      z.number().multipleOf(0.5),
    ];
    for (const schema of schemas)
      for (const value of [
        0,
        1,
        0.5,
        -0,
        -3,
        -4,
        2 ** 31,
        2 ** 53,
        -(2 ** 53),
        Number.MAX_SAFE_INTEGER,
        1e308,
      ])
        expectAgreement(schema, value);
  });

  it('runs refinements, formats, ranges and the first option of a union that fits', () => {
    const schema = z.object({
      reason: z.string().refine((r) => r.trim() !== ''),
      at: z.iso.datetime({ offset: true }),
      n: z.number().int().min(0).max(10),
      either: z.union([
        z.object({ kind: z.literal('a'), x: z.string() }),
        z.object({ kind: z.literal('b') }),
      ]),
      tags: z.array(z.enum(['x', 'y'])).max(2),
      maybe: z.string().nullable(),
    });
    const good = {
      reason: 'why',
      at: '2022-09-05T10:00:00.000Z',
      n: 3,
      either: { kind: 'b', x: 'kept only by the first option' },
      tags: ['x'],
      maybe: null,
    };
    expectAgreement(schema, good);
    for (const [key, bad] of Object.entries({
      reason: '  ',
      at: '2022-09-05',
      n: 1.5,
      either: { kind: 'c' },
      tags: ['x', 'y', 'x'],
      maybe: 1,
    }))
      expectAgreement(schema, { ...good, [key]: bad });
    for (const n of [-0, 11, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expectAgreement(schema, { ...good, n });
  });

  it('refuses, when compiled, a kind of node it does not mirror', () => {
    for (const schema of [
      z.string().default('x'),
      z.string().transform((s) => s.length),
      z.object({ a: z.string() }).catchall(z.string()),
      z.coerce.number(),
      z.date(),
      z.record(z.enum(['a', 'b']), z.string()),
    ]) {
      expect(() => compileSchema(schema as z.ZodType)).toThrow(/not supported/);
    }
  });
});
