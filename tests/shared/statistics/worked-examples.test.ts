// Each statistic against figures published by others, with the source named beside them.
import { describe, expect, it } from 'vitest';
import {
  agreementFigures,
  agreementTable,
  cohensKappa,
  gwetAc1,
  normalQuantile,
  pabak,
  percentAgreement,
  sampleSizeForShare,
  wilsonInterval,
  zForLevel,
} from '#shared/statistics';

describe('the normal quantile', () => {
  it('gives the z values printed in every normal table (1.2816 for 80%, 1.6449 for 90%, 1.9600 for 95%)', () => {
    expect(zForLevel(0.8)).toBeCloseTo(1.281552, 6);
    expect(zForLevel(0.9)).toBeCloseTo(1.644854, 6);
    expect(zForLevel(0.95)).toBeCloseTo(1.959964, 6);
    expect(zForLevel(0.99)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('refuses a level outside 0–1, naming it', () => {
    expect(() => zForLevel(95)).toThrow('A confidence level must be between 0 and 1, not 95');
  });
});

describe('Wilson score interval: Newcombe (1998), Statistics in Medicine 17:857–872, Table II, method 3', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i: 95%% interval %f to %f', (yes, n, lower, upper) => {
    const interval = wilsonInterval(yes, n, 0.95);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it('80%: 81 of 263 by Wilson (1927) formula with z = 1.2816, worked by hand', () => {
    // p = 0.30798, z² = 1.64238; centre = (p + z²/2n)/(1 + z²/n) = 0.30917; half = 0.03639
    const interval = wilsonInterval(81, 263, 0.8);
    expect(interval.lower).toBeCloseTo(0.2728, 4);
    expect(interval.upper).toBeCloseTo(0.3456, 4);
  });

  it('refuses an empty sample or more Yes than cases', () => {
    expect(() => wilsonInterval(0, 0, 0.95)).toThrow('at least one case');
    expect(() => wilsonInterval(5, 4, 0.95)).toThrow('Yes must be between 0 and 4, not 5');
  });
});

describe("Cohen's kappa with the Fleiss, Cohen & Everitt (1969) standard error", () => {
  it('Gwet, Handbook of Inter-Rater Reliability (2014), cont3x3abstractors as printed by irrCAC kappa2.table', () => {
    const table = [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ];
    const k = cohensKappa(table)!;
    expect(k.kappa).toBeCloseTo(0.7964094, 7);
    expect(k.standardError).toBeCloseTo(0.05891072, 7);
    // irrCAC draws its interval with Student's t on n − 1 degrees of freedom, so only the estimate and its
    // standard error are compared here; the normal-based interval is checked against statpsych below.
    expect(percentAgreement(table)).toBeCloseTo(0.89, 10);
  });

  it('Fleiss, Levin & Paik (2003) formula as printed by statpsych ci.kappa(.05, 31, 12, 4, 58)', () => {
    // statpsych lists f00, f01, f10, f11; rows are the first scoring.
    const k = cohensKappa([
      [31, 12],
      [4, 58],
    ])!;
    expect(k.kappa).toBeCloseTo(0.6756757, 7);
    expect(k.standardError).toBeCloseTo(0.07344761, 7);
    expect(k.lower).toBeCloseTo(0.531721, 6);
    expect(k.upper).toBeCloseTo(0.8196303, 6);
  });

  it('is not defined when both scorings gave one answer throughout', () => {
    expect(
      cohensKappa([
        [0, 0],
        [0, 9],
      ]),
    ).toBeNull();
    expect(
      cohensKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe("Gwet's AC1 and PABAK", () => {
  it('Gwet (2014) cont3x3abstractors: AC1 0.8493305 and Brennan–Prediger 0.835 as printed by irrCAC', () => {
    const table = [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ];
    expect(gwetAc1(table)).toBeCloseTo(0.8493305, 7);
    expect(pabak(table)).toBeCloseTo(0.835, 10);
  });

  it('PABAK for Yes/No is 2·agreement − 1 (Byrt, Bishop & Carlin 1993): Cunningham (2009) table 95, 4 / 1, 0', () => {
    const table = [
      [95, 4],
      [1, 0],
    ];
    expect(pabak(table)).toBeCloseTo(0.9, 10);
    // The paradox the issue names: 95% agreement, kappa below zero, AC1 high.
    expect(cohensKappa(table)!.kappa).toBeLessThan(0);
    expect(gwetAc1(table)).toBeGreaterThan(0.9);
  });
});

describe('agreement tables from pairs of answers', () => {
  it('counts each pair in its row (first scoring) and column (second)', () => {
    const table = agreementTable(
      [
        { first: 'yes', second: 'yes' },
        { first: 'yes', second: 'no' },
        { first: 'no', second: 'no' },
        { first: 'yes', second: 'yes' },
      ],
      ['yes', 'no'],
    );
    expect(table).toEqual([
      [2, 1],
      [0, 1],
    ]);
    const figures = agreementFigures(table);
    expect(figures.pairs).toBe(4);
    expect(figures.agreed).toBe(3);
    expect(figures.percentAgreement).toBe(0.75);
    expect(figures.pabak).toBe(0.5);
  });

  it('refuses an answer outside the categories', () => {
    expect(() => agreementTable([{ first: 'maybe', second: 'yes' }], ['yes', 'no'])).toThrow('maybe');
  });
});

describe('sample size for a share: Cochran (1977) with the finite-population correction', () => {
  it('95%, ±5 points, p = 0.5: n0 = 384.16 (Cochran; Israel 1992, PEOD-6); 323 from a population of 2,000', () => {
    const size = sampleSizeForShare({ population: 2000, level: 0.95, margin: 0.05 });
    // Cochran rounds z to 1.96 (384.16); the exact z gives 384.146.
    expect(size.unlimited).toBeCloseTo(384.16, 1);
    expect(size.cases).toBe(323);
  });

  it('the defaults, 80% and ±10 points: n0 = 1.2816² × 0.25 / 0.01 = 41.06, so 42 from a large population', () => {
    expect(sampleSizeForShare({ population: 1_000_000, level: 0.8, margin: 0.1 }).cases).toBe(42);
    // 41.06 / (1 + 40.06 / 200) = 34.21 → 35
    expect(sampleSizeForShare({ population: 200, level: 0.8, margin: 0.1 }).cases).toBe(35);
  });

  it('never asks for more cases than there are', () => {
    expect(sampleSizeForShare({ population: 10, level: 0.95, margin: 0.05 }).cases).toBeLessThanOrEqual(10);
  });

  it('refuses a population that is not a whole number, naming it', () => {
    expect(() => sampleSizeForShare({ population: 12.5, level: 0.8, margin: 0.1 })).toThrow(
      'The population must be a whole number of cases, at least 1, not 12.5',
    );
    expect(() => sampleSizeForShare({ population: 100, level: 0.8, margin: 0 })).toThrow('margin');
  });
});
