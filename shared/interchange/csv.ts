/**
 * Case-level answers as CSV for a spreadsheet or an analyst's script: one row per case, the case's facts, then
 * two columns per question (its answer, and its note) in framework order, so the columns never move.
 *
 * Two header rows: the first in inspectors' words with the question number ("2.2.1 Does assessment focus
 * sufficiently on engaging the person on probation?"), the second the stable ids scripts key on
 * ("assessment.engagement"). Every field is quoted (notes hold commas, quotes and new lines); lines end CRLF;
 * the text starts with the byte-order mark that makes spreadsheets read UTF-8. This one function writes the
 * app's CSV and `npm run rate -- FILE --csv`, so both are the same bytes.
 *
 * A cell a spreadsheet could read as a formula (it starts with = + - @, a tab or a carriage return) is
 * neutralised with a leading apostrophe: a case reference of `=HYPERLINK(…)` must stay text.
 */
import { numberCaseQuestions } from '../framework/numbering';
import { caseQuestions, type CaseQuestion } from '../framework/questions';
import { getFramework } from '../framework/registry';
import type { Framework } from '../framework/types';
import type { ExportedCase, ExportedInspection } from './schema';

/** The case-fact columns before the questions: the id row's names, then the words row's. */
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

const CASE_COLUMN_WORDS: Readonly<Record<(typeof CASE_COLUMNS)[number], string>> = {
  inspection: 'Inspection',
  'case id': 'Case id (Casescore)',
  reference: 'Case reference',
  'case type': 'Case type',
  rosh: 'Risk of serious harm',
  'court report': 'Court report',
  'released on licence': 'Released on licence',
  inspector: 'Inspector',
  'case note': 'Note on the case',
};

/** The byte-order mark a spreadsheet needs to read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, shift it into one), and
 * their full-width forms, which some spreadsheets also accept.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell as a spreadsheet must see it: text that cannot start a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return `"${neutraliseCell(value).replace(/"/g, '""')}"`;
}

/** The CSV text of every live case of inspections of one framework version. */
export function answersToCsv(inspections: readonly ExportedInspection[]): string {
  const first = inspections[0];
  if (!first) return toText([CASE_COLUMNS.map((c) => CASE_COLUMN_WORDS[c]), [...CASE_COLUMNS]]);
  const framework = getFramework(first.framework);
  for (const inspection of inspections) {
    if (inspection.framework.id !== framework.id || inspection.framework.version !== framework.version) {
      throw new Error(`${inspection.name} uses another framework; export one framework version at a time`);
    }
  }
  const questions = caseQuestions(framework);
  const numbers = numberCaseQuestions(framework, sharedOptions(framework, inspections));
  const words = [
    ...CASE_COLUMNS.map((c) => CASE_COLUMN_WORDS[c]),
    ...questions.flatMap((q) => {
      const heading = questionHeading(q, numbers.get(q.id));
      return [heading, `${numbers.get(q.id) ?? q.id} note`];
    }),
  ];
  const ids = [...CASE_COLUMNS, ...questions.flatMap((q) => [q.id, `${q.id} note`])];
  const rows = [words, ids];
  for (const inspection of inspections) {
    for (const c of byReference(inspection.cases)) {
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
  return toText(rows);
}

/**
 * Live cases in the order the case list shows them (by reference, numbers in order), whatever order they
 * are stored in, so the app's sheet and the command's are the same bytes.
 */
function byReference(cases: ExportedInspection['cases']): ExportedCase[] {
  return cases
    .filter((c): c is ExportedCase => !c.deleted)
    .sort(
      (a, b) =>
        a.reference.localeCompare(b.reference, 'en', { numeric: true }) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

function toText(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** "2.2.1 Does assessment focus…", "2.2.1a Does it analyse…", "2.4.4 Was management oversight… (not rated)". */
function questionHeading(question: CaseQuestion, number: string | undefined): string {
  const text = `${question.question.text}${question.kind === 'non-rated' ? ' (not rated)' : ''}`;
  return number === undefined ? `${text} (standard not rated)` : `${number} ${text}`;
}

/**
 * The options the numbers follow: the inspections' own when they agree (court work shifts the numbers), and
 * every standard rated when they do not, so a column keeps one number down the sheet.
 */
function sharedOptions(
  framework: Framework,
  inspections: readonly ExportedInspection[],
): Readonly<Record<string, boolean>> {
  const settled = Object.fromEntries(framework.options.map((o) => [o.id, true]));
  const key = (options: Readonly<Record<string, boolean>>) =>
    framework.options.map((o) => options[o.id] === true).join();
  const firstKey = key(inspections[0]!.options);
  return inspections.every((i) => key(i.options) === firstKey) ? inspections[0]!.options : settled;
}
