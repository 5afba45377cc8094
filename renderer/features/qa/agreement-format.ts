// How agreement figures are written on screen, in the printed annex and in the CSV: percentage agreement to
// one decimal place, coefficients to two, "—" where a figure is not defined (no pairs, or kappa with one answer
// throughout).
import type { AgreementFigures } from '#shared/statistics';

export function agreementPercent(figures: AgreementFigures): string {
  return figures.percentAgreement === null ? '—' : `${(figures.percentAgreement * 100).toFixed(1)}%`;
}

export function coefficient(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

/** "0.62 (0.31 to 0.93)". */
export function kappaWithInterval(figures: AgreementFigures): string {
  const k = figures.kappa;
  return k ? `${coefficient(k.kappa)} (${coefficient(k.lower)} to ${coefficient(k.upper)})` : '—';
}
