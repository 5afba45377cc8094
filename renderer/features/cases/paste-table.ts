/**
 * Reading cases pasted from a spreadsheet. Excel and LibreOffice copy a selection as tab-separated rows, so a
 * row "X123456⇥Community sentence⇥High" is one case with its type and risk, never three cases. Columns are, in
 * order, reference, type, risk of serious harm, court report, released on licence and inspector, unless the
 * first row names them (a header row, in any order). A plain list (no tabs) is one reference a line, or split
 * by commas. Blank cells take the form's defaults. Each row says what is wrong with it, in the inspector's words.
 */
import { hiddenCharacterProblem, referenceKey } from '#shared/text';
import {
  COURT_REPORT_TYPES,
  ROSH_LEVELS,
  type CaseType,
  type CourtReportType,
  type Framework,
  type RoshLevel,
} from '#shared/framework';
import { CASE_TYPE_LABELS, COURT_REPORT_LABELS, ROSH_LABELS } from '../../ui/labels';
import type { CaseFacts } from './AddCases';

export type PasteColumn =
  'reference' | 'caseType' | 'rosh' | 'courtReport' | 'releasedOnLicence' | 'inspector';

/** The order columns are read in when there is no header row. */
export const COLUMN_ORDER: readonly PasteColumn[] = [
  'reference',
  'caseType',
  'rosh',
  'courtReport',
  'releasedOnLicence',
  'inspector',
];

export const COLUMN_NAMES: Readonly<Record<PasteColumn, string>> = {
  reference: 'Reference',
  caseType: 'Type',
  rosh: 'RoSH',
  courtReport: 'Court report',
  releasedOnLicence: 'Released on licence',
  inspector: 'Inspector',
};

/** Header cells recognised for each column (lower case, spaces and punctuation squeezed out). */
const HEADER_WORDS: Readonly<Record<PasteColumn, readonly string[]>> = {
  reference: ['reference', 'ref', 'casereference', 'caseref', 'crn', 'case', 'caseid', 'id'],
  caseType: ['type', 'casetype', 'sentence', 'sentencetype', 'disposal', 'disposaltype', 'order'],
  rosh: ['rosh', 'risk', 'riskofseriousharm', 'roshlevel'],
  courtReport: ['courtreport', 'courtreportinspected', 'report', 'psr', 'presentencereport'],
  releasedOnLicence: [
    'released',
    'releasedonlicence',
    'releasedonlicense',
    'licence',
    'license',
    'released?',
  ],
  inspector: ['inspector', 'initials', 'inspectorinitials', 'by'],
};

const squeeze = (text: string) => text.toLowerCase().replace(/[^a-z?]/g, '');

const CASE_TYPE_WORDS: Readonly<Record<CaseType, readonly string[]>> = {
  community: ['community', 'communitysentence', 'communityorder', 'co', 'sso', 'suspendedsentenceorder'],
  licence: ['licence', 'license', 'lic'],
  'post-sentence-supervision': ['postsentencesupervision', 'pss'],
  'court-disposal': ['court', 'courtdisposal', 'courtorder'],
  'out-of-court-disposal': ['outofcourt', 'outofcourtdisposal', 'oocd', 'ooc'],
};
const ROSH_WORDS: Readonly<Record<RoshLevel, readonly string[]>> = {
  low: ['low', 'l'],
  medium: ['medium', 'med', 'm'],
  high: ['high', 'h'],
  'very-high': ['veryhigh', 'vh'],
};
const COURT_REPORT_WORDS: Readonly<Record<CourtReportType, readonly string[]>> = {
  none: ['none', 'no', 'n', 'nil'],
  oral: ['oral'],
  'short-format': ['shortformat', 'short', 'sfr', 'fastdelivery', 'fdr'],
  standard: ['standard', 'sdr', 'full'],
};
const YES = ['yes', 'y', 'true', '1', 'released'];
const NO = ['no', 'n', 'false', '0', 'notreleased'];

function lookUp<K extends string>(
  words: Readonly<Record<K, readonly string[]>>,
  cell: string,
): K | undefined {
  const key = squeeze(cell);
  return (Object.keys(words) as K[]).find((k) => words[k].includes(key));
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** One pasted row as it will be added, with what is wrong with it (nothing, if it can be added). */
export interface PastedCase {
  /** The row's line in the pasted text, counting from 1 (the header row included), as a person counts. */
  readonly line: number;
  readonly reference: string;
  readonly facts: CaseFacts;
  readonly problems: readonly string[];
}

export interface PastedTable {
  /** The columns read, in the order they were pasted (null for a column that is not used). */
  readonly columns: readonly (PasteColumn | null)[];
  readonly header: boolean;
  readonly rows: readonly PastedCase[];
}

/** The header's columns, if the first row is a header: it names at least one column and no cell is unknown. */
function headerColumns(cells: readonly string[]): (PasteColumn | null)[] | null {
  const columns = cells.map((cell) => lookUp(HEADER_WORDS, cell) ?? null);
  const named = columns.filter((c) => c !== null).length;
  const blankOrNamed = cells.every((cell, i) => columns[i] !== null || cell.trim() === '');
  return named > 0 && blankOrNamed && columns.includes('reference') ? columns : null;
}

/**
 * Reads pasted text into cases. `defaults` fill blank cells; `existing` holds references already in the
 * sample (they are flagged, not added twice).
 */
export function readPastedCases(
  text: string,
  framework: Framework,
  defaults: CaseFacts,
  existing: readonly string[] = [],
): PastedTable {
  const lines = text.split(/\r?\n/).map((line, i) => ({ line: i + 1, text: line }));
  const filled = lines.filter((l) => l.text.trim() !== '');
  const tabbed = filled.some((l) => l.text.includes('\t'));
  if (!tabbed) {
    // A plain list: references one a line, or several on a line split by commas or semicolons.
    const rows = filled.flatMap((l) =>
      l.text
        .split(/[,;]+/)
        .map((r) => r.trim())
        .filter((r) => r !== '')
        .map((reference) => ({ line: l.line, cells: [reference] })),
    );
    return {
      columns: ['reference'],
      header: false,
      rows: check(rows, ['reference'], framework, defaults, existing),
    };
  }
  const table = filled.map((l) => ({ line: l.line, cells: l.text.split('\t') }));
  const header = table[0] ? headerColumns(table[0].cells) : null;
  const columns = header ?? [...COLUMN_ORDER];
  const body = header ? table.slice(1) : table;
  return { columns, header: header !== null, rows: check(body, columns, framework, defaults, existing) };
}

function check(
  rows: readonly { line: number; cells: readonly string[] }[],
  columns: readonly (PasteColumn | null)[],
  framework: Framework,
  defaults: CaseFacts,
  existing: readonly string[],
): PastedCase[] {
  // The one reference rule: "CR 0003" and "cr0003" are the same case.
  const taken = new Set(existing.map(referenceKey));
  const seen = new Map<string, number>();
  const typeNames = framework.caseTypes.map((t) => CASE_TYPE_LABELS[t]);
  return rows.map(({ line, cells }) => {
    const problems: string[] = [];
    const cell = (column: PasteColumn) => {
      const i = columns.indexOf(column);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const reference = cell('reference');
    const facts: CaseFacts = { ...defaults };
    if (reference === '') problems.push('no case reference');
    else if (reference.length > 100) problems.push('the reference is longer than 100 characters');
    else if (hiddenCharacterProblem(reference, 'the reference'))
      problems.push(hiddenCharacterProblem(reference, 'the reference')!);
    else if (taken.has(referenceKey(reference))) problems.push(`${reference} is already in the sample`);
    else if (seen.has(referenceKey(reference)))
      problems.push(`${reference} is pasted twice (also on row ${seen.get(referenceKey(reference))})`);
    if (reference) seen.set(referenceKey(reference), seen.get(referenceKey(reference)) ?? line);

    const type = cell('caseType');
    if (type) {
      const found = lookUp(CASE_TYPE_WORDS, type);
      if (found && framework.caseTypes.includes(found)) facts.caseType = found;
      else problems.push(`type “${type}” is not one of ${orList(typeNames)}`);
    }
    const rosh = cell('rosh');
    if (rosh) {
      const found = lookUp(ROSH_WORDS, rosh);
      if (found) facts.rosh = found;
      else problems.push(`RoSH “${rosh}” is not ${orList(ROSH_LEVELS.map((r) => ROSH_LABELS[r]))}`);
    }
    const report = cell('courtReport');
    if (report) {
      const found = lookUp(COURT_REPORT_WORDS, report);
      if (found) facts.courtReport = found;
      else
        problems.push(
          `court report “${report}” is not ${orList(COURT_REPORT_TYPES.map((r) => COURT_REPORT_LABELS[r]))}`,
        );
    }
    const released = cell('releasedOnLicence');
    if (released) {
      const key = squeeze(released);
      if (YES.includes(key)) facts.releasedOnLicence = true;
      else if (NO.includes(key)) facts.releasedOnLicence = false;
      else problems.push(`released on licence “${released}” is not Yes or No`);
    }
    const inspector = cell('inspector');
    if (inspector) {
      if (inspector.length > 40) problems.push('the inspector is longer than 40 characters');
      else facts.inspector = inspector;
    }
    return { line, reference, facts, problems };
  });
}
