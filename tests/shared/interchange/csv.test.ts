import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createLondonDemo } from '../../../seeds';
import { caseQuestions, PROBATION_PDU_2021 } from '../../../shared/framework';
import { answersToCsv, CASE_COLUMNS, type ExportedInspection } from '../../../shared/interchange';
import { inspectionArbitrary } from '../../helpers/arbitraries';

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('CSV of case-level answers', () => {
  it('round-trips every answer and note through a CSV parser, commas, quotes and new lines included', () => {
    fc.assert(
      fc.property(inspectionArbitrary(6, [PROBATION_PDU_2021]), (inspection) => {
        const rows = parse(answersToCsv([inspection]));
        const [header, ...body] = rows as [string[], ...string[][]];
        const live = inspection.cases.filter((c) => !c.deleted);
        expect(body).toHaveLength(live.length);
        live.forEach((c, i) => {
          if (c.deleted) return;
          const row = Object.fromEntries(header.map((h, n) => [h, body[i]![n]]));
          expect(row.reference).toBe(c.reference);
          for (const [questionId, answer] of Object.entries(c.answers)) {
            expect(row[questionId]).toBe(answer.value ?? '');
            expect(row[`${questionId} note`]).toBe(answer.note ?? '');
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('has a stable column order: the case facts, then each question and its note in framework order', () => {
    const demo = createLondonDemo();
    const header = parse(answersToCsv(demo.slice(0, 1)))[0]!;
    const questions = caseQuestions(PROBATION_PDU_2021).map((q) => q.id);
    expect(header).toEqual([...CASE_COLUMNS, ...questions.flatMap((q) => [q, `${q} note`])]);
    expect(parse(answersToCsv(demo))[0]).toEqual(header);
  });

  it('writes one row per live case of every inspection', () => {
    const demo = createLondonDemo();
    expect(parse(answersToCsv(demo))).toHaveLength(1 + 248);
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
    const [header, row] = parse(answersToCsv([youth]));
    expect(header!.slice(0, 8)).toEqual([
      'inspection',
      'case id',
      'reference',
      'case type',
      'rosh',
      'safety and wellbeing',
      'inspector',
      'case note',
    ]);
    expect(header).not.toContain('court report');
    expect(row!.slice(4, 6)).toEqual(['low', 'high']);
  });

  it('quotes every field and ends lines with CRLF', () => {
    const text = answersToCsv(createLondonDemo().slice(4, 5));
    expect(text.startsWith('"inspection","case id","reference"')).toBe(true);
    expect(text.split('\r\n').length).toBe(41 + 2);
  });
});
