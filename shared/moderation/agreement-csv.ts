// The agreement figures as CSV for a spreadsheet: one row per figure set (over all, each inspector, standard
// and key question), with the same rounding as the screen plus the exact values.
import type { AgreementRow, ModerationAgreement } from './agreement-figures';

const HEADER = [
  'group',
  'id',
  'label',
  'answers_compared',
  'agreed',
  'percent_agreement',
  'kappa',
  'kappa_95_lower',
  'kappa_95_upper',
  'kappa_standard_error',
  'gwet_ac1',
  'pabak',
];

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Guard spreadsheet formulas and quote anything with a separator, quote or line break.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const round = (v: number | null | undefined, places: number) =>
  v === null || v === undefined ? null : Number(v.toFixed(places));

function row(group: string, r: AgreementRow): string {
  return [
    group,
    r.id,
    r.label,
    r.pairs,
    r.agreed,
    round(r.percentAgreement === null ? null : r.percentAgreement * 100, 1),
    round(r.kappa?.kappa, 4),
    round(r.kappa?.lower, 4),
    round(r.kappa?.upper, 4),
    round(r.kappa?.standardError, 4),
    round(r.ac1, 4),
    round(r.pabak, 4),
  ]
    .map(cell)
    .join(',');
}

export function agreementToCsv(agreement: ModerationAgreement): string {
  return [
    HEADER.join(','),
    row('overall', { id: 'overall', label: 'All key questions', ...agreement.overall }),
    ...agreement.byInspector.map((r) => row('inspector', r)),
    ...agreement.byStandard.filter((r) => r.pairs > 0).map((r) => row('standard', r)),
    ...agreement.byKeyQuestion.filter((r) => r.pairs > 0).map((r) => row('key-question', r)),
  ]
    .join('\r\n')
    .concat('\r\n');
}
