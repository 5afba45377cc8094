import { describe, expect, it } from 'vitest';
import {
  createExport,
  formatPath,
  InterchangeError,
  MAX_DEPTH,
  parseExport,
  serialiseExport,
  tryParseExport,
  type ExportFile,
} from '#shared/interchange';
import { rateInspection, setAsideAnswers } from '#shared/scoring';
import { caseWith, probationInspection } from '../../helpers/inspections';

/** A small valid file, as plain JSON values, for tests to break one piece at a time. */
function validFile(): Record<string, unknown> {
  const inspection = probationInspection({
    id: 'insp-1',
    courtWork: false,
    judgements: { leadership: 'good' },
    cases: [
      caseWith({ 'assessment.engagement': 'yes' }),
      caseWith({ 'assessment.engagement': 'no', 'planning.safety': 'na' }),
      caseWith({ 'assessment.engagement': 'yes' }),
      caseWith({ 'assessment.engagement': 'yes', 'planning.safety': 'yes' }),
    ],
  });
  return JSON.parse(serialiseExport(createExport([inspection], new Date('2026-11-26T10:00:00.000Z'))));
}

/** The problem as a tool sees it: the technical path, then what is wrong there. */
function problemWith(mutate: (file: Record<string, any>) => void): string {
  const file = validFile();
  mutate(file);
  const result = tryParseExport(JSON.stringify(file));
  if (result.ok) throw new Error('expected the file to be refused');
  return `${formatPath(result.error.path)}: ${result.error.problem}`;
}

/** The problem as an inspector reads it. */
function messageFor(mutate: (file: Record<string, any>) => void): string {
  const file = validFile();
  mutate(file);
  const result = tryParseExport(JSON.stringify(file));
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error.message;
}

describe('reading an export', () => {
  it('accepts a valid file', () => {
    const file = parseExport(JSON.stringify(validFile()));
    expect(file.inspections[0]?.cases).toHaveLength(4);
  });

  it('ignores fields it does not know, at every level', () => {
    const file = validFile() as any;
    file.signedBy = 'another tool';
    file.inspections[0].qaStatus = 'reviewed';
    file.inspections[0].cases[0].answers['assessment.engagement'].source = 'paper';
    expect(() => parseExport(JSON.stringify(file))).not.toThrow();
  });

  it('accepts a file with a byte-order mark', () => {
    expect(() => parseExport(`\uFEFF${JSON.stringify(validFile())}`)).not.toThrow();
  });

  it.each<[string, (f: Record<string, any>) => void, string]>([
    [
      'an answer that is not yes, no or na',
      (f) => (f.inspections[0].cases[3].answers['planning.safety'].value = 'maybe'),
      'inspections[0].cases[3].answers["planning.safety"].value: expected yes | no | na, got "maybe"',
    ],
    ['a wrong format', (f) => (f.format = 'other.tool'), 'format: expected "casescore.inspections"'],
    [
      'a newer format version',
      (f) => (f.formatVersion = 5),
      'formatVersion: the file is format version 5, newer than',
    ],
    [
      'a missing format version',
      (f) => delete f.formatVersion,
      'formatVersion: expected a whole number from 1',
    ],
    [
      'a missing inspections list',
      (f) => delete f.inspections,
      'inspections: expected array, but it is missing',
    ],
    [
      'inspections that are not a list',
      (f) => (f.inspections = {}),
      'inspections: expected array, got an object',
    ],
    [
      'an exportedAt that is not a time',
      (f) => (f.exportedAt = 'yesterday'),
      'exportedAt: expected an ISO 8601 date',
    ],
    [
      'a case without a reference',
      (f) => delete f.inspections[0].cases[1].reference,
      'inspections[0].cases[1].reference: expected string, but it is missing',
    ],
    [
      'an unknown case type',
      (f) => (f.inspections[0].cases[0].caseType = 'bail'),
      'inspections[0].cases[0].caseType: expected community | licence',
    ],
    [
      'a youth case type in a probation inspection',
      (f) => (f.inspections[0].cases[0].caseType = 'court-disposal'),
      'inspections[0].cases[0].caseType: expected community | licence | post-sentence-supervision for hmip-probation-pdu 2021',
    ],
    [
      'an unknown rosh level',
      (f) => (f.inspections[0].cases[0].attributes.rosh = 'extreme'),
      'inspections[0].cases[0].attributes.rosh: expected low | medium | high | very-high',
    ],
    [
      'a string where a boolean belongs',
      (f) => (f.inspections[0].cases[0].attributes.releasedOnLicence = 'yes'),
      'inspections[0].cases[0].attributes.releasedOnLicence: expected boolean, got "yes"',
    ],
    [
      'an unknown framework',
      (f) => (f.inspections[0].framework = { id: 'hmip-prisons', version: '2020' }),
      'inspections[0].framework: unknown framework hmip-prisons 2020',
    ],
    [
      'an unknown question id',
      (f) => (f.inspections[0].cases[2].answers['assessment.vibes'] = { value: 'yes' }),
      'inspections[0].cases[2].answers["assessment.vibes"]: unknown question id',
    ],
    [
      'an unknown option',
      (f) => (f.inspections[0].options.prisonWork = true),
      'inspections[0].options.prisonWork: unknown option',
    ],
    [
      'a judgement of a case-sampled standard',
      (f) => (f.inspections[0].judgements.assessment = { rating: 'good' }),
      'inspections[0].judgements.assessment: not a judged standard',
    ],
    [
      'an unknown rating',
      (f) => (f.inspections[0].judgements.leadership.rating = 'excellent'),
      'inspections[0].judgements.leadership.rating: expected inadequate | requires-improvement | good | outstanding, got "excellent"',
    ],
    [
      'an override without a reason',
      (f) => (f.inspections[0].overrides.assessment = { rating: 'good', reason: '  ', by: 'KM' }),
      'inspections[0].overrides.assessment.reason: expected a reason for the override',
    ],
    [
      'an override of a judged standard',
      (f) => (f.inspections[0].overrides.staff = { rating: 'good', reason: 'x', by: 'KM' }),
      'inspections[0].overrides.staff: only a standard rated from the case sample',
    ],
    [
      'an override of court work where it is not rated',
      (f) => (f.inspections[0].overrides['court-work'] = { rating: 'good', reason: 'x', by: 'KM' }),
      'inspections[0].overrides["court-work"]: this inspection does not rate that standard',
    ],
    [
      'a duplicate case id',
      (f) => (f.inspections[0].cases[2].id = f.inspections[0].cases[0].id),
      'inspections[0].cases[2].id: the case id',
    ],
    [
      'a duplicate inspection id',
      (f) => f.inspections.push(structuredClone(f.inspections[0])),
      'inspections[1].id: the inspection id insp-1 appears twice',
    ],
    [
      'an empty case id',
      (f) => (f.inspections[0].cases[0].id = ''),
      'inspections[0].cases[0].id: expected a non-empty id',
    ],
    [
      'a removed case without who removed it',
      (f) => (f.inspections[0].cases[1] = { id: 'x', deleted: true, updatedAt: '2026-11-26T10:00:00.000Z' }),
      'inspections[0].cases[1].by: expected string, but it is missing',
    ],
    [
      'a huge string',
      (f) => (f.inspections[0].cases[0].reference = 'x'.repeat(10_000)),
      'inspections[0].cases[0].reference: Too big',
    ],
    [
      'a fieldwork date that is not a date',
      (f) => (f.inspections[0].fieldworkStart = '5 Sept'),
      'inspections[0].fieldworkStart: expected a date as YYYY-MM-DD',
    ],
  ])('refuses %s, naming the path', (_, mutate, expected) => {
    expect(problemWith(mutate)).toContain(expected);
  });

  it('accepts na where a question cannot apply, and a cleared answer', () => {
    const file = validFile() as any;
    delete file.checksum;
    file.inspections[0].cases[0].answers['court-work.advice'] = { value: 'na' };
    file.inspections[0].cases[0].answers['pre-release.contact'] = {
      value: null,
      updatedAt: '2026-11-26T10:00:00Z',
      by: 'KM',
    };
    expect(() => parseExport(JSON.stringify(file))).not.toThrow();
  });

  it('accepts a removed case tombstone and leaves it unscored', () => {
    const file = validFile() as any;
    delete file.checksum;
    file.inspections[0].cases[1] = {
      id: 'gone',
      deleted: true,
      updatedAt: '2026-11-26T10:00:00.000Z',
      by: 'KM',
    };
    const parsed = parseExport(JSON.stringify(file));
    expect(parsed.inspections[0]?.cases[1]).toEqual({
      id: 'gone',
      deleted: true,
      updatedAt: '2026-11-26T10:00:00.000Z',
      by: 'KM',
    });
  });
});

describe("problems in an inspector's words", () => {
  it('names the inspection, the case reference and the question number and words, never an index', () => {
    const message = messageFor((f) => (f.inspections[0].cases[3].answers['planning.safety'].value = 'maybe'));
    expect(message).toMatch(
      /^inspection "Test PDU", case "REF-\d+", question 2\.2 "Does planning focus sufficiently on keeping other people safe\?", answer: expected yes \| no \| na, got "maybe"$/,
    );
    expect(message).not.toMatch(/\[\d+\]/);
  });

  it('names a case without a reference by its place in the sample', () => {
    expect(messageFor((f) => delete f.inspections[0].cases[1].reference)).toMatch(
      /^inspection ".+", the 2nd case, reference: expected string, but it is missing$/,
    );
  });

  it('names the standard of a judgement', () => {
    expect(messageFor((f) => (f.inspections[0].judgements.leadership.rating = 'great'))).toMatch(
      /^inspection ".+", the judgement of standard 1\.1 Leadership, rating: expected/,
    );
  });

  it('keeps a problem short however long the bad value is', () => {
    const message = messageFor((f) => (f.inspections[0].options['x'.repeat(5000)] = true));
    expect(message.length).toBeLessThan(700);
  });
});

describe('answers set aside', () => {
  it('are read, not refused: a Yes where court work cannot apply, a No to a pre-release question', () => {
    const file = validFile() as any;
    file.inspections[0].cases[0].answers['court-work.advice'] = { value: 'yes' };
    file.inspections[0].cases[1].answers['pre-release.contact'] = { value: 'no' };
    delete file.checksum;
    const read = parseExport(JSON.stringify(file));
    const [inspection] = read.inspections;
    expect(setAsideAnswers(inspection!)).toEqual([
      { caseIndex: 0, questionId: 'court-work.advice', value: 'yes' },
      { caseIndex: 1, questionId: 'pre-release.contact', value: 'no' },
    ]);
    // Never counted: the ratings are those of the file without them.
    const without = parseExport(JSON.stringify(validFile()));
    expect(rateInspection(inspection!)).toEqual(rateInspection(without.inspections[0]!));
    // And written back as they were.
    const { checksum: _checksum, ...again } = parseExport(serialiseExport(read));
    expect(again).toEqual(read);
  });
});

describe('the content checksum', () => {
  it('is written with every export and checked on reading', () => {
    const file = validFile();
    expect(file.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(() => parseExport(JSON.stringify(file))).not.toThrow();
  });

  it('refuses a file changed after export', () => {
    const file = validFile() as any;
    file.inspections[0].cases[0].answers['assessment.engagement'].value = 'no';
    const result = tryParseExport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'checksum: does not match the content: the file was changed or damaged after it was exported',
      );
  });

  it('refuses a malformed checksum, and accepts a file without one (made by hand or another tool)', () => {
    expect(problemWith((f) => (f.checksum = 'md5:abc'))).toContain(
      'checksum: expected sha256: followed by 64 hex digits',
    );
    const file = validFile() as any;
    delete file.checksum;
    file.inspections[0].cases[0].answers['assessment.engagement'].value = 'no';
    expect(() => parseExport(JSON.stringify(file))).not.toThrow();
  });

  it('does not depend on when the file was exported', () => {
    const original = validFile();
    const file = parseExport(JSON.stringify(original));
    const later = serialiseExport({ ...file, exportedAt: '2030-01-01T00:00:00.000Z' });
    expect(JSON.parse(later).checksum).toBe(original.checksum);
  });
});

describe('hostile and broken text', () => {
  it.each([
    ['an empty file', '', '(the file): the file is empty'],
    ['white space only', '  \n ', '(the file): the file is empty'],
    [
      'a truncated file',
      JSON.stringify(validFile()).slice(0, 200),
      '(the file): not valid JSON (is the file complete?)',
    ],
    ['a JSON list', '[]', '(the file): expected a Casescore export (a JSON object)'],
    ['a JSON string', '"casescore"', '(the file): expected a Casescore export'],
    ['null', 'null', '(the file): expected a Casescore export'],
  ])('refuses %s', (_, text, expected) => {
    const result = tryParseExport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(expected);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a %s key without polluting any prototype',
    (key) => {
      const text = JSON.stringify(validFile()).replace(
        '"answers":{',
        `"answers":{"${key}":{"polluted":true},`,
      );
      const result = tryParseExport(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toBe(
          `inspections[0].cases[0].answers.${key}: the key "${key}" is not allowed`,
        );
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it('refuses nesting deeper than any valid file, without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = tryParseExport(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(`nested more than ${MAX_DEPTH} levels deep`);
  });

  it('refuses 49 MB of nesting after reading 33 characters, not after building it', () => {
    const deep = `${'['.repeat(24_500_000)}${']'.repeat(24_500_000)}`;
    const started = performance.now();
    const result = tryParseExport(deep);
    // A size check and a scan that stops at character 33; parsing it all took eight seconds and 2.3 GB.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        `(the file): nested more than ${MAX_DEPTH} levels deep; no valid file is`,
      );
  });

  it('refuses text packed with far more objects than a valid file of its size, before parsing it', () => {
    const packed = `[${Array(2_000_000).fill('{}').join(',')}]`;
    const result = tryParseExport(packed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/far more objects and lists for its size/);
    // Brackets inside strings are text, not structure: a note full of them is fine.
    const file = JSON.parse(JSON.stringify(validFile()));
    file.inspections[0].cases[0].answers['assessment.engagement'].note = '[{'.repeat(40_000);
    delete file.checksum;
    expect(tryParseExport(JSON.stringify(file)).ok).toBe(true);
  });

  it('names a 20 MB key in a few words, not twenty million characters', () => {
    const file = JSON.parse(JSON.stringify(validFile()));
    const key = 'k'.repeat(20_000_000);
    file.inspections[0].cases[0].answers[key] = { value: 'yes' };
    const result = tryParseExport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message.length).toBeLessThan(500);
      // Said in words, the key cut short…
      expect(result.error.message).toMatch(/^inspection "Test PDU", case "REF-\d+", question "k{60,70}…": /);
      // …and for tools, the path with the key's real length.
      expect(formatPath(result.error.path)).toContain(`["${'k'.repeat(40)}"… (20,000,000 characters)]`);
      expect(result.error.problem).toBe('expected an id of 1 to 200 characters as the key');
    }
  });

  it('refuses a file over the size limit with its own message', () => {
    const result = tryParseExport(JSON.stringify(validFile()), { maxBytes: 100 });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(/the file is \d+ bytes; the largest Casescore reads is 100 bytes/);
  });

  it('throws InterchangeError from parseExport, with the path kept apart from the problem', () => {
    try {
      parseExport('{"format":"casescore.inspections","formatVersion":1}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InterchangeError);
      expect((error as InterchangeError).path).toEqual(['exportedAt']);
    }
  });
});

describe('writing an export', () => {
  it('refuses to write a file it would not read back', () => {
    const file = parseExport(JSON.stringify(validFile()));
    const broken: ExportFile = structuredClone(file);
    const first = broken.inspections[0]!.cases[0]!;
    if (first.deleted) throw new Error('expected a live case');
    first.answers['no.such-question'] = { value: 'yes' };
    expect(() => serialiseExport(broken)).toThrow(/question "no.such-question": unknown question id/);
  });

  it('writes answers in a stable order, whatever order they were given in', () => {
    const file = parseExport(JSON.stringify(validFile()));
    const reordered: ExportFile = structuredClone(file);
    const last = reordered.inspections[0]!.cases[3]!;
    if (last.deleted) throw new Error('expected a live case');
    last.answers = Object.fromEntries(Object.entries(last.answers).reverse());
    expect(serialiseExport(reordered)).toBe(serialiseExport(file));
  });
});
