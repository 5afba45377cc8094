/**
 * Agreement between two scorings of the same cases (the first inspector and the quality lead), on one
 * question or pooled over several. Categories are the answers both gave (Yes, No, Not applicable); a case
 * either left unanswered is not a pair and is left out.
 *
 * - Percentage agreement: the share of pairs that match.
 * - Cohen's kappa (Cohen 1960): agreement beyond what the two scorers' own answer rates would give by chance.
 *   Its 95% confidence interval uses the large-sample standard error of Fleiss, Cohen & Everitt (1969),
 *   "Large sample standard errors of kappa and weighted kappa", Psychological Bulletin 72:323–327 (also
 *   Fleiss, Levin & Paik 2003, §18.1), the one SAS, statpsych and irrCAC report; not Cohen's simpler 1960
 *   approximation, which assumes the margins are fixed.
 * - Gwet's AC1 (Gwet 2008): chance agreement from the pooled answer rates, so a sample where nearly every
 *   answer is Yes does not drag the coefficient towards zero as it does kappa ("high agreement, low kappa").
 * - PABAK (Byrt, Bishop & Carlin 1993), the Brennan–Prediger coefficient for q categories: chance fixed at 1/q,
 *   which for Yes/No is 2·agreement − 1.
 */
import { zForLevel } from './normal';

/** A square table of counts: `counts[i][j]` pairs where the first scoring gave category i and the second j. */
export type AgreementTable = readonly (readonly number[])[];

/** One pair of answers to compare. */
export interface ScoredPair<T> {
  readonly first: T;
  readonly second: T;
}

/** Builds the table for `pairs` over `categories` (their order sets the rows and columns). */
export function agreementTable<T>(pairs: readonly ScoredPair<T>[], categories: readonly T[]): number[][] {
  const table = categories.map(() => categories.map(() => 0));
  for (const { first, second } of pairs) {
    const i = categories.indexOf(first);
    const j = categories.indexOf(second);
    if (i < 0 || j < 0)
      throw new RangeError(`An answer outside the categories: ${String(first)} / ${String(second)}`);
    (table[i] as number[])[j] = ((table[i] as number[])[j] as number) + 1;
  }
  return table;
}

function cell(table: AgreementTable, i: number, j: number): number {
  return table[i]?.[j] ?? 0;
}

function total(table: AgreementTable): number {
  return table.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
}

function checkSquare(table: AgreementTable): void {
  for (const row of table) {
    if (row.length !== table.length) throw new RangeError('An agreement table must be square');
    for (const count of row) {
      if (!(Number.isInteger(count) && count >= 0))
        throw new RangeError(`Counts must be whole numbers, not ${count}`);
    }
  }
}

/** Row (first scoring) and column (second scoring) proportions. */
function margins(table: AgreementTable, n: number): { rows: number[]; columns: number[] } {
  const q = table.length;
  const rows = Array.from({ length: q }, (_, i) => table[i]!.reduce((a, b) => a + b, 0) / n);
  const columns = Array.from({ length: q }, (_, j) => table.reduce((a, row) => a + (row[j] ?? 0), 0) / n);
  return { rows, columns };
}

/** The share of pairs on the diagonal; `null` for no pairs. */
export function percentAgreement(table: AgreementTable): number | null {
  checkSquare(table);
  const n = total(table);
  if (n === 0) return null;
  let agreed = 0;
  for (let i = 0; i < table.length; i++) agreed += cell(table, i, i);
  return agreed / n;
}

/** Cohen's kappa with its large-sample standard error and confidence interval. */
export interface Kappa {
  readonly kappa: number;
  /** Fleiss, Cohen & Everitt (1969) standard error; 0 when it cannot be estimated (see `kappa`). */
  readonly standardError: number;
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Cohen's kappa. `null` when there are no pairs or when chance agreement is 1 (both scorings gave one and the
 * same answer throughout: kappa is 0/0 there, and AC1 or PABAK are the figures to read). The interval is
 * clipped to kappa's range, −1 to 1.
 */
export function cohensKappa(table: AgreementTable, level = 0.95): Kappa | null {
  checkSquare(table);
  const n = total(table);
  if (n === 0) return null;
  const q = table.length;
  const { rows, columns } = margins(table, n);
  let observed = 0;
  let chance = 0;
  for (let i = 0; i < q; i++) {
    observed += cell(table, i, i) / n;
    chance += rows[i]! * columns[i]!;
  }
  if (chance >= 1 - 1e-12) return null;
  const kappa = (observed - chance) / (1 - chance);
  // Fleiss, Cohen & Everitt (1969), equation (13): var = (A + B − C) / (n (1 − pe)²).
  let a = 0;
  let b = 0;
  for (let i = 0; i < q; i++) {
    a += (cell(table, i, i) / n) * (1 - (rows[i]! + columns[i]!) * (1 - kappa)) ** 2;
    for (let j = 0; j < q; j++) {
      if (i !== j) b += (cell(table, i, j) / n) * (columns[i]! + rows[j]!) ** 2;
    }
  }
  b *= (1 - kappa) ** 2;
  const c = (kappa - chance * (1 - kappa)) ** 2;
  const variance = Math.max(0, (a + b - c) / (n * (1 - chance) ** 2));
  const standardError = Math.sqrt(variance);
  const z = zForLevel(level);
  return {
    kappa,
    standardError,
    level,
    lower: Math.max(-1, kappa - z * standardError),
    upper: Math.min(1, kappa + z * standardError),
  };
}

/**
 * Gwet's AC1 for two scorers: (pa − pe) / (1 − pe) with pe = Σ πk(1 − πk) / (q − 1), πk the mean of the two
 * scorings' rates for category k (Gwet 2008, equation 18). `null` for no pairs or fewer than two categories.
 */
export function gwetAc1(table: AgreementTable): number | null {
  checkSquare(table);
  const n = total(table);
  const q = table.length;
  if (n === 0 || q < 2) return null;
  const { rows, columns } = margins(table, n);
  let chance = 0;
  for (let k = 0; k < q; k++) {
    const pi = (rows[k]! + columns[k]!) / 2;
    chance += pi * (1 - pi);
  }
  chance /= q - 1;
  const observed = percentAgreement(table)!;
  return (observed - chance) / (1 - chance);
}

/**
 * PABAK: agreement with chance fixed at 1/q, (pa − 1/q) / (1 − 1/q); for two categories 2·pa − 1 (Byrt,
 * Bishop & Carlin 1993). `null` for no pairs or fewer than two categories.
 */
export function pabak(table: AgreementTable): number | null {
  checkSquare(table);
  const q = table.length;
  const observed = percentAgreement(table);
  if (observed === null || q < 2) return null;
  return (observed - 1 / q) / (1 - 1 / q);
}

/** Every agreement figure for one table, as the QA page, the report and the export show them. */
export interface AgreementFigures {
  /** Pairs compared (cases both scored). */
  readonly pairs: number;
  /** Pairs that matched. */
  readonly agreed: number;
  readonly percentAgreement: number | null;
  readonly kappa: Kappa | null;
  readonly ac1: number | null;
  readonly pabak: number | null;
}

/** All the figures for a table, kappa's interval at `level` (95% unless told). */
export function agreementFigures(table: AgreementTable, level = 0.95): AgreementFigures {
  checkSquare(table);
  let agreed = 0;
  for (let i = 0; i < table.length; i++) agreed += cell(table, i, i);
  return {
    pairs: total(table),
    agreed,
    percentAgreement: percentAgreement(table),
    kappa: cohensKappa(table, level),
    ac1: gwetAc1(table),
    pabak: pabak(table),
  };
}
