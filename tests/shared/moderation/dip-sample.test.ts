// Dip samples: reproducible from the seed, spread across inspectors and case types in proportion, and refused
// with a clear reason when they cannot be drawn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawDipSample, seededRandom, type DipCandidate } from '#shared/moderation';

function candidates(spec: Record<string, number>): DipCandidate[] {
  return Object.entries(spec).flatMap(([key, n]) => {
    const [inspector, caseType] = key.split('/') as [string, string];
    return Array.from({ length: n }, (_, i) => ({
      id: `${inspector}-${caseType}-${i}`,
      reference: `${inspector}-${caseType}-${String(i).padStart(3, '0')}`,
      inspector,
      caseType,
    }));
  });
}

describe('dip sampling', () => {
  it('mulberry32 gives the same stream for the same seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });

  it('repeats exactly from the seed, whatever order the cases come in', () => {
    const pool = candidates({ 'KM/community': 12, 'SD/community': 8, 'SD/licence': 5 });
    const draw = drawDipSample(pool, 6, 123456);
    expect(drawDipSample([...pool].reverse(), 6, 123456)).toEqual(draw);
    expect(drawDipSample(pool, 6, 654321).caseIds).not.toEqual(draw.caseIds);
  });

  it('allocates by largest remainders: 5 of 12 + 8 gives 3 and 2', () => {
    const draw = drawDipSample(candidates({ 'KM/community': 12, 'SD/community': 8 }), 5, 7);
    expect(draw.strata).toEqual([
      { inspector: 'KM', caseType: 'community', cases: 12, drawn: 3 },
      { inspector: 'SD', caseType: 'community', cases: 8, drawn: 2 },
    ]);
    expect(draw.caseIds.filter((id) => id.startsWith('KM'))).toHaveLength(3);
  });

  it('refuses a sample larger than the submitted cases, or a bad seed, saying what is wrong', () => {
    const pool = candidates({ 'KM/community': 3 });
    expect(() => drawDipSample(pool, 5, 1)).toThrow(
      'Only 3 submitted cases are waiting to be dip-sampled; ask for 3 or fewer.',
    );
    expect(() => drawDipSample(pool, 2, 0)).toThrow('The seed must be a whole number from 1 to 2147483647.');
    expect(() => drawDipSample([], 1, 1)).toThrow('No submitted cases are waiting to be dip-sampled.');
  });

  it('always draws the size asked, distinct cases, each stratum within one of its proportional share', () => {
    const spec = fc.dictionary(
      fc.constantFrom('KM/community', 'SD/community', 'SD/licence', 'AB/custody'),
      fc.integer({ min: 1, max: 15 }),
      { minKeys: 1 },
    );
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: 1, max: 2_147_483_647 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, seed, f) => {
          const pool = candidates(s);
          const size = Math.max(1, Math.round(f * pool.length));
          const draw = drawDipSample(pool, size, seed);
          expect(draw.caseIds).toHaveLength(size);
          expect(new Set(draw.caseIds).size).toBe(size);
          for (const stratum of draw.strata) {
            const share = (size * stratum.cases) / pool.length;
            expect(Math.abs(stratum.drawn - share)).toBeLessThan(1);
            expect(stratum.drawn).toBeLessThanOrEqual(stratum.cases);
          }
        },
      ),
    );
  });
});
