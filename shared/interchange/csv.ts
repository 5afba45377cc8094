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
import type { CaseAttributes, CaseDetail, Framework } from '../framework/types';
import type { ExportedCase, ExportedInspection } from './schema';

/**
 * The case-fact columns before the questions of a probation file, as the id row names them; another framework
 * has its own details in place of rosh, court report and released on licence.
 */
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
  'case status',
] as const;

/** Each case detail's column (id row, words row) and how its value is written. */
const DETAIL_COLUMNS: Readonly<
  Record<CaseDetail, { id: string; words: string; value: (a: CaseAttributes) => string }>
> = {
  rosh: { id: 'rosh', words: 'Risk of serious harm', value: (a) => a.rosh ?? '' },
  safetyWellbeing: {
    id: 'safety and wellbeing',
    words: 'Safety and wellbeing',
    value: (a) => a.safetyWellbeing ?? '',
  },
  courtReport: { id: 'court report', words: 'Court report', value: (a) => a.courtReport ?? 'none' },
  releasedOnLicence: {
    id: 'released on licence',
    words: 'Released on licence',
    value: (a) => (a.releasedOnLicence === undefined ? '' : String(a.releasedOnLicence)),
  },
};

/** The case-fact columns of one framework: ids, then the inspectors' words for them. */
function caseColumns(framework: Framework): { ids: string[]; words: string[] } {
  const details = framework.caseDetails.map((d) => DETAIL_COLUMNS[d]);
  return {
    ids: [
      'inspection',
      'case id',
      'reference',
      'case type',
      ...details.map((d) => d.id),
      'inspector',
      'case note',
      'case status',
    ],
    words: [
      'Inspection',
      'Case id (Casescore)',
      'Case reference',
      'Case type',
      ...details.map((d) => d.words),
      'Inspector',
      'Note on the case',
      'Case status',
    ],
  };
}

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
  if (!first) {
    const columns = caseColumns(getFramework({ id: 'hmip-probation-pdu', version: '2021' }));
    return toText([columns.words, columns.ids]);
  }
  const framework = getFramework(first.framework);
  const columns = caseColumns(framework);
  for (const inspection of inspections) {
    if (inspection.framework.id !== framework.id || inspection.framework.version !== framework.version) {
      throw new Error(`${inspection.name} uses another framework; export one framework version at a time`);
    }
  }
  const questions = caseQuestions(framework);
  const numbers = numberCaseQuestions(framework, sharedOptions(framework, inspections));
  const words = [
    ...columns.words,
    ...questions.flatMap((q) => {
      const heading = questionHeading(q, numbers.get(q.id));
      return [heading, `${numbers.get(q.id) ?? q.id} note`];
    }),
  ];
  const ids = [...columns.ids, ...questions.flatMap((q) => [q.id, `${q.id} note`])];
  const rows = [words, ids];
  for (const inspection of inspections) {
    for (const c of byReference(inspection.cases)) {
      rows.push([
        inspection.name,
        c.id,
        c.reference,
        c.caseType,
        ...framework.caseDetails.map((d) => DETAIL_COLUMNS[d].value(c.attributes)),
        c.inspector ?? '',
        c.note ?? '',
        // Where the case is in quality assurance; a case with no status yet is in progress.
        c.status?.value ?? 'in-progress',
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
