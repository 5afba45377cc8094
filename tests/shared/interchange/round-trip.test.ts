import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExport, parseExport, serialiseExport } from '#shared/interchange';
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
