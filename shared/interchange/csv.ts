/**
 * Case-level answers as CSV for a spreadsheet: one row per case, the case's facts, then two columns per
 * question (its answer, and its note) in framework order, so the columns never move. Every field is quoted
 * (notes hold commas, quotes and new lines); lines end CRLF; the caller adds the byte-order mark that makes
 * spreadsheets read UTF-8.
 */
import { caseQuestions } from '../framework/questions';
import { getFramework } from '../framework/registry';
import type { ExportedInspection } from './schema';

/** The case-fact columns before the questions. */
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
  const header = [...CASE_COLUMNS, ...questions.flatMap((q) => [q.id, `${q.id} note`])];
  const rows = [header];
  for (const inspection of inspections) {
    for (const c of inspection.cases) {
      if (c.deleted) continue;
      rows.push([
        inspection.name,
        c.id,
        c.reference,
        c.caseType,
        c.attributes.rosh ?? '',
        c.attributes.courtReport ?? 'none',
        c.attributes.releasedOnLicence === undefined ? '' : String(c.attributes.releasedOnLicence),
        c.inspector ?? '',
        c.note ?? '',
        ...questions.flatMap((q) => [c.answers[q.id]?.value ?? '', c.answers[q.id]?.note ?? '']),
      ]);
    }
  }
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
