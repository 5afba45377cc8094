// How sure each rating is: Wilson intervals per key question, "band not settled", and the further cases that
// would settle a standard, checked by hand and against the definition in shared/scoring/certainty.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROBATION_PDU_2021 } from '#shared/framework';
import { bandOfShare, keyQuestionCertainty, standardCertainty } from '#shared/scoring';
import { wilsonInterval } from '#shared/statistics';

const framework = PROBATION_PDU_2021;
const kq = (yes: number, applicable: number) => ({ id: 'kq', yes, applicable });

describe('a key question', () => {
  it('18 of 20 (90%): 80% interval 78.2%–95.8% crosses the 80% edge, so its band is not settled', () => {
    const c = keyQuestionCertainty(framework, kq(18, 20), 0.8)!;
    const [i80, i95] = c.intervals;
    expect(i80!.lower).toBeCloseTo(0.7816, 4);
    expect(i80!.upper).toBeCloseTo(0.9577, 4);
    expect(i95!.lower).toBeCloseTo(0.699, 3);
    expect(i95!.upper).toBeCloseTo(0.9721, 4);
    expect(c.settled).toBe(false);
    expect(c.lowestBand.name).toBe('Reasonable majority');
    expect(c.highestBand.name).toBe('Large majority');
  });

  it('45 of 50 (90%): 80% interval 83.2%–94.2% lies inside Large majority', () => {
    const c = keyQuestionCertainty(framework, kq(45, 50), 0.8)!;
    expect(c.settled).toBe(true);
    expect(c.lowestBand.name).toBe('Large majority');
  });

  it('is not judged without Yes or No answers', () => {
    expect(keyQuestionCertainty(framework, kq(0, 0), 0.8)).toBeNull();
  });

  it('treats a lower edge as belonging to the band above, like the rating rules', () => {
    expect(bandOfShare(framework, 0.65).name).toBe('Reasonable majority');
    expect(bandOfShare(framework, 0.6499).name).toBe('Too few');
  });
});

describe('a standard', () => {
  it('18 of 20 needs 7 more cases at 90% Yes to settle at 80% confidence (worked by hand)', () => {
    // n = 26: centre (0.9 + z²/52) / (1 + z²/26) = 0.87624, half-width 0.07689, lower 0.79935 < 0.80;
    // n = 27: centre 0.87707, half-width 0.07541, lower 0.80166 ≥ 0.80, so 27 − 20 = 7 more cases.
    const c = standardCertainty(framework, [kq(18, 20)], 0.8)!;
    expect(c.settled).toBe(false);
    expect(c.moreCasesToSettle).toBe(7);
  });

  it('is settled when every key question that could set its rating is: an unsettled higher one does not matter', () => {
    // 20 of 50 (40%) is Minority at 80% confidence (31%–49%), so the standard is Inadequate whatever 18 of 20 is.
    const c = standardCertainty(framework, [kq(18, 20), kq(20, 50)], 0.8)!;
    expect(c.settled).toBe(true);
    expect(c.lowestBand.name).toBe('Minority');
    expect(c.moreCasesToSettle).toBe(0);
  });

  it('runs from the lowest band of the lower ends to the lowest band of the upper ends', () => {
    // 9 of 20 reaches from Minority to Too few; 45 of 50 is settled at Large majority.
    const c = standardCertainty(framework, [kq(45, 50), kq(9, 20)], 0.8)!;
    expect(c.lowestBand.name).toBe('Minority');
    expect(c.highestBand.name).toBe('Too few');
    expect(c.settled).toBe(false);
  });

  it('never settles while the key question that sets it sits exactly on a band edge (13 of 20 is 65%)', () => {
    const c = standardCertainty(framework, [kq(13, 20)], 0.8)!;
    expect(c.settled).toBe(false);
    expect(c.moreCasesToSettle).toBeNull();
  });

  it('is not judged when no key question is rated', () => {
    expect(standardCertainty(framework, [kq(0, 0)], 0.8)).toBeNull();
  });

  it('the number given is the fewest: settled with that many more cases and not with one fewer', () => {
    const settledWith = (yes: number, n: number, extra: number) => {
      const size = n + extra;
      const interval = wilsonInterval((yes / n) * size, size, 0.8);
      return bandOfShare(framework, interval.lower) === bandOfShare(framework, interval.upper);
    };
    const counts = fc
      .integer({ min: 1, max: 60 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(counts, ([yes, n]) => {
        const c = standardCertainty(framework, [kq(yes, n)], 0.8)!;
        if (c.moreCasesToSettle === null) return;
        expect(settledWith(yes, n, c.moreCasesToSettle)).toBe(true);
        if (c.moreCasesToSettle > 0) expect(settledWith(yes, n, c.moreCasesToSettle - 1)).toBe(false);
      }),
    );
  });
});
