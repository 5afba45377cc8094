// One fixture file per released format version, read as the current version: files written by every
// earlier Casescore stay readable.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, parseExport, upgradeToCurrent } from '../../../shared/interchange';
import { rateInspection } from '../../../shared/scoring';

const fixtures = readdirSync('tests/fixtures/interchange').filter((f) => /^v\d+\.json$/.test(f));

describe('format versions', () => {
  it('has a fixture for every version up to the current one', () => {
    expect(fixtures.sort()).toEqual(Array.from({ length: FORMAT_VERSION }, (_, i) => `v${i + 1}.json`));
  });

  it.each(fixtures)('reads %s', (name) => {
    const file = parseExport(readFileSync(`tests/fixtures/interchange/${name}`, 'utf8'));
    expect(file.formatVersion).toBe(FORMAT_VERSION);
    const rated = rateInspection(file.inspections[0]!);
    const assessment = rated.standards.find((s) => s.id === 'assessment');
    expect(assessment?.keyQuestions.find((k) => k.id === 'assessment.safety')).toMatchObject({
      yes: 1,
      no: 1,
    });
    expect(rated.standards.find((s) => s.id === 'planning')).toMatchObject({
      rating: 'requires-improvement',
      computedRating: null,
    });
    expect(rated.standards.find((s) => s.id === 'court-work')?.number).toBe('2.1');
  });

  it('refuses a file from a newer Casescore, saying so', () => {
    expect(() =>
      upgradeToCurrent({ format: 'casescore.inspections', formatVersion: FORMAT_VERSION + 1 }),
    ).toThrow(
      `formatVersion: the file is format version ${FORMAT_VERSION + 1}, newer than this Casescore reads (up to ${FORMAT_VERSION}); update Casescore`,
    );
  });
});
