// Reading cases pasted from a spreadsheet: columns by tab, a header row in any order, the inspectors' words
// for each value, and each row's problems named in words.
import { describe, expect, it } from 'vitest';
import type { CaseFacts } from '../../../renderer/features/cases/AddCases';
import { readPastedCases } from '../../../renderer/features/cases/paste-table';
import { PROBATION_PDU_2021, YOUTH_2018 } from '#shared/framework';

const defaults: CaseFacts = {
  caseType: 'community',
  rosh: '',
  courtReport: 'none',
  releasedOnLicence: false,
  safetyWellbeing: '',
  inspector: 'KM',
};

describe('pasting cases', () => {
  it('takes a tab-separated row as one case with its facts, not three cases', () => {
    const table = readPastedCases('X123456\tCommunity sentence\tHigh', PROBATION_PDU_2021, defaults);
    expect(table.header).toBe(false);
    expect(table.rows).toEqual([
      {
        line: 1,
        reference: 'X123456',
        facts: { ...defaults, caseType: 'community', rosh: 'high' },
        problems: [],
      },
    ]);
  });

  it('reads all six columns in order, with short forms inspectors use', () => {
    const text = 'A1\tLicence\tVH\tShort format\tYes\tPC\nA2\tPSS\tlow\tSDR\tn\tJB';
    const [a1, a2] = readPastedCases(text, PROBATION_PDU_2021, defaults).rows;
    expect(a1!.facts).toEqual({
      caseType: 'licence',
      rosh: 'very-high',
      courtReport: 'short-format',
      releasedOnLicence: true,
      safetyWellbeing: '',
      inspector: 'PC',
    });
    expect(a2!.facts).toEqual({
      caseType: 'post-sentence-supervision',
      rosh: 'low',
      courtReport: 'standard',
      releasedOnLicence: false,
      safetyWellbeing: '',
      inspector: 'JB',
    });
  });

  it('recognises a header row in any order and skips columns it does not know only if they are blank', () => {
    const text = 'Inspector\tCRN\tRoSH\tCase type\r\nPC\tB7\tMedium\tLicence\r\n\r\nJB\tB8\t\t';
    const table = readPastedCases(text, PROBATION_PDU_2021, defaults);
    expect(table.header).toBe(true);
    expect(table.columns).toEqual(['inspector', 'reference', 'rosh', 'caseType']);
    expect(
      table.rows.map((r) => [r.line, r.reference, r.facts.inspector, r.facts.rosh, r.facts.caseType]),
    ).toEqual([
      [2, 'B7', 'PC', 'medium', 'licence'],
      [4, 'B8', 'JB', '', 'community'],
    ]);
  });

  it('a first row of data is not mistaken for a header', () => {
    const table = readPastedCases('C1\tLicence\nC2\tCommunity', PROBATION_PDU_2021, defaults);
    expect(table.header).toBe(false);
    expect(table.rows.map((r) => r.reference)).toEqual(['C1', 'C2']);
  });

  it('names each row’s problems: unknown values, a type from another framework, no reference, repeats, already there', () => {
    const text = [
      'C1\tCommunity\tExtreme',
      'C2\tCourt disposal',
      '\tLicence',
      'C4\tLicence\t\tMaybe\tperhaps',
      'c1\tLicence',
      'OLD-9',
    ].join('\n');
    const rows = readPastedCases(text, PROBATION_PDU_2021, defaults, ['old-9']).rows;
    expect(rows.map((r) => r.problems)).toEqual([
      ['RoSH “Extreme” is not Low, Medium, High or Very high'],
      ['type “Court disposal” is not one of Community sentence, Licence or Post-sentence supervision'],
      ['no case reference'],
      [
        'court report “Maybe” is not None, Oral, Short format or Standard',
        'released on licence “perhaps” is not Yes or No',
      ],
      ['c1 is pasted twice (also on row 1)'],
      ['OLD-9 is already in the sample'],
    ]);
  });

  it('youth case types are read for a youth inspection', () => {
    const rows = readPastedCases('Y1\tOut-of-court disposal\nY2\tcourt', YOUTH_2018, {
      ...defaults,
      caseType: 'court-disposal',
    }).rows;
    expect(rows.map((r) => r.facts.caseType)).toEqual(['out-of-court-disposal', 'court-disposal']);
  });

  it('a plain list is one reference a line, or split by commas', () => {
    const rows = readPastedCases('C-1\n C-2 \r\n\nC-3, C-4;C-5', PROBATION_PDU_2021, defaults).rows;
    expect(rows.map((r) => [r.line, r.reference])).toEqual([
      [1, 'C-1'],
      [2, 'C-2'],
      [4, 'C-3'],
      [4, 'C-4'],
      [4, 'C-5'],
    ]);
    expect(rows.every((r) => r.problems.length === 0 && r.facts.caseType === 'community')).toBe(true);
  });
});
