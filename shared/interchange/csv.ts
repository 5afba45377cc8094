/**
 * Case-level answers as CSV for a spreadsheet: one row per case, the case's facts, then two columns per
 * question (its answer, and its note) in framework order, so the columns never move. Every field is quoted
 * (notes hold commas, quotes and new lines); lines end CRLF; the caller adds the byte-order mark that makes
 * spreadsheets read UTF-8.
 */
import { caseQuestions } from '../framework/questions';
import { getFramework } from '../framework/registry';
import type { CaseAttributes, CaseDetail, Framework } from '../framework/types';
import type { ExportedInspection } from './schema';

/** The case-fact columns before the questions, for a probation file (another framework has its own details). */
export const CASE_COLUMNS = [
  'inspection',
  'case id',
  'reference',
  'case type',
  'rosh',
  'court report',
  'released on licence',
  'inspector',
  'case note',
] as const;

/** Each case detail's column and how its value is written; a framework's own details only are exported. */
const DETAIL_COLUMNS: Readonly<Record<CaseDetail, { header: string; value: (a: CaseAttributes) => string }>> =
  {
    rosh: { header: 'rosh', value: (a) => a.rosh ?? '' },
    safetyWellbeing: { header: 'safety and wellbeing', value: (a) => a.safetyWellbeing ?? '' },
    courtReport: { header: 'court report', value: (a) => a.courtReport ?? 'none' },
    releasedOnLicence: {
      header: 'released on licence',
      value: (a) => (a.releasedOnLicence === undefined ? '' : String(a.releasedOnLicence)),
    },
  };

/** The case-fact columns for one framework: its own details in place of the probation ones. */
function caseColumns(framework: Framework): string[] {
  return [
    'inspection',
    'case id',
    'reference',
    'case type',
    ...framework.caseDetails.map((d) => DETAIL_COLUMNS[d].header),
    'inspector',
    'case note',
  ];
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** The CSV text of every live case of inspections of one framework version. */
export function answersToCsv(inspections: readonly ExportedInspection[]): string {
  const first = inspections[0];
  if (!first) return `${CASE_COLUMNS.map(quote).join(',')}\r\n`;
  const framework = getFramework(first.framework);
  for (const inspection of inspections) {
    if (inspection.framework.id !== framework.id || inspection.framework.version !== framework.version) {
      throw new Error(`${inspection.name} uses another framework; export one framework version at a time`);
    }
  }
  const questions = caseQuestions(framework);
  const header = [...caseColumns(framework), ...questions.flatMap((q) => [q.id, `${q.id} note`])];
  const rows = [header];
  for (const inspection of inspections) {
    for (const c of inspection.cases) {
      if (c.deleted) continue;
      rows.push([
        inspection.name,
        c.id,
        c.reference,
        c.caseType,
        ...framework.caseDetails.map((d) => DETAIL_COLUMNS[d].value(c.attributes)),
        c.inspector ?? '',
        c.note ?? '',
        ...questions.flatMap((q) => [c.answers[q.id]?.value ?? '', c.answers[q.id]?.note ?? '']),
      ]);
    }
  }
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
