import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalInspection, createExport, parseExport, serialiseExport } from '#shared/interchange';
import { inspectionArbitrary } from '../../helpers/arbitraries';

describe('serialise then parse', () => {
  it('is the identity for any valid file, notes with every kind of character included', () => {
    const files = fc
      .array(inspectionArbitrary(6), { maxLength: 3 })
      .map((inspections) => inspections.map((inspection, i) => ({ ...inspection, id: `inspection-${i}` })))
      .map((inspections) => createExport(inspections, new Date('2026-11-26T10:00:00.000Z')));
    fc.assert(
      fc.property(files, (file) => {
        const text = serialiseExport(file);
        const { checksum, ...parsed } = parseExport(text);
        expect(checksum).toMatch(/^sha256:/);
        expect(parsed).toEqual(file);
        expect(serialiseExport({ ...parsed, checksum })).toBe(text);
      }),
      { numRuns: 120 },
    );
  });
});

describe('the canonical inspection the checksum and the text are taken over', () => {
  /** The way it was made before it kept what was sorted already: every record copied with its keys sorted. */
  function copiedSorted<T>(record: Readonly<Record<string, T>>): Record<string, T> {
    const out: Record<string, T> = {};
    for (const key of Object.keys(record).sort()) out[key] = record[key] as T;
    return out;
  }

  it('has its records sorted, key for key as a sorted copy, and is the inspection itself when they were', () => {
    const keys = fc.uniqueArray(fc.oneof(fc.string({ maxLength: 6 }), fc.nat(30).map(String)), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(inspectionArbitrary(4), keys, (inspection, extra) => {
        const shuffled = {
          ...inspection,
          options: Object.fromEntries([...Object.entries(inspection.options)].reverse()),
          cases: inspection.cases.map((c) =>
            c.deleted
              ? c
              : {
                  ...c,
                  answers: Object.fromEntries([
                    ...extra.map((key) => [key, { value: 'na' }] as const),
                    ...Object.entries(c.answers).reverse(),
                  ]),
                },
          ),
        };
        const canonical = canonicalInspection(shuffled);
        const expected = {
          ...shuffled,
          options: copiedSorted(shuffled.options),
          judgements: copiedSorted(shuffled.judgements),
          cases: shuffled.cases.map((c) => (c.deleted ? c : { ...c, answers: copiedSorted(c.answers) })),
          overrides: copiedSorted(shuffled.overrides),
        };
        expect(JSON.stringify(canonical)).toBe(JSON.stringify(expected));
        expect(canonicalInspection(canonical)).toBe(canonical);
        const read = JSON.parse(JSON.stringify(canonical)) as typeof canonical;
        expect(canonicalInspection(read)).toBe(read);
      }),
      { numRuns: 150 },
    );
  });
});
