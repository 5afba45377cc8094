// Properties every agreement figure, interval and sample size must keep, over random inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementFigures,
  agreementTable,
  cohensKappa,
  gwetAc1,
  pabak,
  percentAgreement,
  sampleSizeForShare,
  wilsonInterval,
} from '#shared/statistics';

const ANSWERS = ['yes', 'no', 'not-applicable'] as const;
const answer = fc.constantFrom(...ANSWERS);
const pairs = fc.array(fc.record({ first: answer, second: answer }), { minLength: 1, maxLength: 80 });
const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99);

const transpose = (t: number[][]) => t.map((_, i) => t.map((row) => row[i] as number));

describe('agreement properties', () => {
  it('identical scorings agree fully: percentage 1, AC1 1, PABAK 1, and kappa 1 wherever it is defined', () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 80 }), (answers) => {
        const table = agreementTable(
          answers.map((a) => ({ first: a, second: a })),
          ANSWERS,
        );
        expect(percentAgreement(table)).toBe(1);
        expect(gwetAc1(table)).toBeCloseTo(1, 12);
        expect(pabak(table)).toBeCloseTo(1, 12);
        const kappa = cohensKappa(table);
        if (new Set(answers).size > 1) {
          expect(kappa?.kappa).toBeCloseTo(1, 12);
          expect(kappa?.standardError).toBeLessThan(1e-6); // 0 but for rounding under the square root
        } else {
          expect(kappa).toBeNull(); // one answer throughout: chance agreement is 1
        }
      }),
    );
  });

  it('stay within their bounds, and kappa sits inside its own interval', () => {
    fc.assert(
      fc.property(pairs, level, (ps, lvl) => {
        const figures = agreementFigures(agreementTable(ps, ANSWERS), lvl);
        expect(figures.percentAgreement).toBeGreaterThanOrEqual(0);
        expect(figures.percentAgreement).toBeLessThanOrEqual(1);
        expect(figures.ac1).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(figures.ac1).toBeLessThanOrEqual(1 + 1e-12);
        expect(figures.pabak).toBeGreaterThanOrEqual(-0.5 - 1e-12); // −1/(q − 1) for three categories
        expect(figures.pabak).toBeLessThanOrEqual(1 + 1e-12);
        if (figures.kappa) {
          expect(figures.kappa.kappa).toBeGreaterThanOrEqual(-1);
          expect(figures.kappa.kappa).toBeLessThanOrEqual(1 + 1e-12);
          expect(figures.kappa.lower).toBeLessThanOrEqual(figures.kappa.kappa + 1e-12);
          expect(figures.kappa.upper).toBeGreaterThanOrEqual(figures.kappa.kappa - 1e-12);
        }
      }),
    );
  });

  it('are symmetric: swapping who scored first changes nothing', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const table = agreementTable(ps, ANSWERS);
        const swapped = agreementTable(
          ps.map((p) => ({ first: p.second, second: p.first })),
          ANSWERS,
        );
        expect(swapped).toEqual(transpose(table));
        const a = agreementFigures(table);
        const b = agreementFigures(swapped);
        expect(b.percentAgreement).toBe(a.percentAgreement);
        expect(b.ac1).toBeCloseTo(a.ac1!, 12);
        expect(b.pabak).toBe(a.pabak);
        if (a.kappa) {
          expect(b.kappa!.kappa).toBeCloseTo(a.kappa.kappa, 12);
          expect(b.kappa!.standardError).toBeCloseTo(a.kappa.standardError, 12);
        } else {
          expect(b.kappa).toBeNull();
        }
      }),
    );
  });

  it('a wider confidence level gives a wider kappa interval', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const table = agreementTable(ps, ANSWERS);
        const k80 = cohensKappa(table, 0.8);
        const k95 = cohensKappa(table, 0.95);
        if (!k80 || !k95) return;
        expect(k95.lower).toBeLessThanOrEqual(k80.lower + 1e-12);
        expect(k95.upper).toBeGreaterThanOrEqual(k80.upper - 1e-12);
      }),
    );
  });
});

describe('Wilson interval properties', () => {
  const share = fc
    .integer({ min: 1, max: 500 })
    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('lies within 0–1 and contains the share', () => {
    fc.assert(
      fc.property(share, level, ([yes, n], lvl) => {
        const { lower, upper } = wilsonInterval(yes, n, lvl);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(yes / n + 1e-12);
        expect(upper).toBeGreaterThanOrEqual(yes / n - 1e-12);
      }),
    );
  });

  it('the 95% interval contains the 80% one', () => {
    fc.assert(
      fc.property(share, ([yes, n]) => {
        const i80 = wilsonInterval(yes, n, 0.8);
        const i95 = wilsonInterval(yes, n, 0.95);
        expect(i95.lower).toBeLessThanOrEqual(i80.lower + 1e-12);
        expect(i95.upper).toBeGreaterThanOrEqual(i80.upper - 1e-12);
      }),
    );
  });

  it('narrows as the sample grows at the same share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 2, max: 5 }),
        level,
        (n, k, times, lvl) => {
          const yes = Math.min(k, n);
          const small = wilsonInterval(yes, n, lvl);
          const large = wilsonInterval(yes * times, n * times, lvl);
          expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
        },
      ),
    );
  });
});

describe('sample size properties', () => {
  const question = fc.record({
    population: fc.integer({ min: 1, max: 100_000 }),
    level: level,
    margin: fc.constantFrom(0.03, 0.05, 0.1, 0.15),
  });

  it('is between 1 and the population', () => {
    fc.assert(
      fc.property(question, (q) => {
        const { cases } = sampleSizeForShare(q);
        expect(cases).toBeGreaterThanOrEqual(1);
        expect(cases).toBeLessThanOrEqual(q.population);
      }),
    );
  });

  it('never falls as the population, the confidence level or the precision grows', () => {
    fc.assert(
      fc.property(question, fc.integer({ min: 1, max: 1000 }), (q, more) => {
        const base = sampleSizeForShare(q).cases;
        expect(sampleSizeForShare({ ...q, population: q.population + more }).cases).toBeGreaterThanOrEqual(
          base,
        );
        expect(
          sampleSizeForShare({ ...q, level: Math.min(0.995, q.level + 0.04) }).cases,
        ).toBeGreaterThanOrEqual(base);
        expect(sampleSizeForShare({ ...q, margin: q.margin / 2 }).cases).toBeGreaterThanOrEqual(base);
      }),
    );
  });
});
