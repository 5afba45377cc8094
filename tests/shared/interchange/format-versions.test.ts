// One fixture file per released format version, read as the current version: files written by every
// earlier Casescore stay readable.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contentChecksum,
  FORMAT_VERSION,
  parseExport,
  parseSignedExport,
  serialiseExport,
  upgradeToCurrent,
} from '#shared/interchange';
import { rateInspection, setAsideAnswers } from '#shared/scoring';

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

  it('reads version 2 additions: an answer set aside, and device and counter stamps', () => {
    const file = parseExport(readFileSync('tests/fixtures/interchange/v2.json', 'utf8'));
    const [inspection] = file.inspections;
    expect(setAsideAnswers(inspection!)).toEqual([
      { caseIndex: 1, questionId: 'pre-release.risks-assessed', value: 'yes' },
    ]);
    const first = inspection!.cases[0]!;
    if (first.deleted) throw new Error('expected a live case');
    expect(first).toMatchObject({ device: 'laptop-km', counter: 17 });
    expect(first.answers['assessment.engagement']).toMatchObject({ device: 'laptop-km', counter: 17 });
  });

  it('keeps the checksum of a version 1 file valid when it is read as version 2', () => {
    const v1 = JSON.parse(readFileSync('tests/fixtures/interchange/v1.json', 'utf8'));
    const withChecksum = serialiseExport({
      ...parseExport(JSON.stringify(v1)),
      formatVersion: FORMAT_VERSION,
    });
    expect(() => parseExport(withChecksum)).not.toThrow();
    const asV1 = { ...v1, checksum: contentChecksum(v1) };
    expect(parseExport(JSON.stringify(asV1)).formatVersion).toBe(FORMAT_VERSION);
    const tampered = structuredClone(asV1);
    tampered.inspections[0].name = 'Changed after export';
    expect(() => parseExport(JSON.stringify(tampered))).toThrow(/changed or damaged after it was exported/);
  });

  it('reads version 3 additions: replaced versions, detail versions, a tombstone’s vector, claims, a signature', async () => {
    const text = readFileSync('tests/fixtures/interchange/v3.json', 'utf8');
    const read = await parseSignedExport(text);
    if (!read.ok) throw read.error;
    expect(read.signature.state).toBe('verified');
    expect(read.file.signer).toEqual({ initials: 'KM', name: 'Kim Morgan' });
    const [inspection] = read.file.inspections;
    const [first, , removed] = inspection!.cases;
    if (!first || first.deleted) throw new Error('expected a live case');
    expect(first.answers['assessment.engagement']?.replaces).toEqual({ 'laptop-km': 17, 'laptop-sd': 4 });
    expect(first.detailVersions?.rosh).toMatchObject({
      device: 'laptop-sd',
      counter: 9,
      replaces: { 'laptop-km': 3 },
    });
    expect(removed).toMatchObject({ deleted: true, replaces: { 'laptop-km': 29, 'laptop-sd': 9 } });
    expect(inspection!.audit?.[1]?.claimedIn).toBe('3F2A 9C1B 77D0 45EE');
    // One changed character and the signature no longer holds: the file is refused, not read.
    const tampered = await parseSignedExport(text.replace('FIX-001', 'FIX-002'));
    expect(tampered.ok).toBe(false);
    expect(!tampered.ok && tampered.error.message).toMatch(/changed after it was signed/);
  });

  it('reads version 4: the signature covers the checksum, which covers the inspections', async () => {
    const text = readFileSync('tests/fixtures/interchange/v4.json', 'utf8');
    const read = await parseSignedExport(text);
    if (!read.ok) throw read.error;
    expect(read.signature.state).toBe('verified');
    expect(read.file.signer).toEqual({ initials: 'KM', name: 'Kim Morgan' });
    expect(parseExport(text).inspections[0]?.cases[0]).toMatchObject({ reference: 'FIX-001' });
    const refused = async (changed: string) => {
      const result = await parseSignedExport(changed);
      expect(result.ok).toBe(false);
      return !result.ok && result.error.message;
    };
    // An inspection changed: the signed checksum no longer holds, and the file says it was changed since signing.
    expect(await refused(text.replace('FIX-001', 'FIX-002'))).toMatch(
      /^signature: the file was changed after it was signed \(it was signed by the key [0-9A-F ]{19}\); it was not read$/,
    );
    // Changed so the content no longer passes its checks: still said to be changed since signing.
    expect(await refused(text.replace('"value":"yes"', '"value":"maybe"'))).toMatch(
      /changed after it was signed/,
    );
    // The header (signed itself) or the checksum changed, or the checksum taken away.
    expect(await refused(text.replace('Kim Morgan', 'Kim Morgen'))).toMatch(/changed after it was signed/);
    expect(await refused(text.replace(/"checksum": "sha256:[0-9a-f]{64}",\n {2}/, ''))).toMatch(
      /signed but carries no checksum/,
    );
    // Indented another way, or with an answer's members in another order: the same content, still verified.
    const reindented = JSON.stringify(JSON.parse(text), null, '\t');
    const other = await parseSignedExport(reindented);
    expect(other.ok && other.signature.state).toBe('verified');
    expect(other.ok && other.file).toEqual(read.file);
  });

  it('checks a version 3 signature over the whole file, as it was written', async () => {
    const text = readFileSync('tests/fixtures/interchange/v3.json', 'utf8');
    const read = await parseSignedExport(text);
    expect(read.ok && read.signature.state).toBe('verified');
    // Read as version 4 it would be checked by the other rule: the version is signed, so it cannot be changed.
    const asFour = await parseSignedExport(text.replace('"formatVersion": 3', '"formatVersion": 4'));
    expect(asFour.ok).toBe(false);
  });

  it('refuses a file from a newer Casescore, saying so', () => {
    expect(() =>
      upgradeToCurrent({ format: 'casescore.inspections', formatVersion: FORMAT_VERSION + 1 }),
    ).toThrow(
      `formatVersion: the file is format version ${FORMAT_VERSION + 1}, newer than this Casescore reads (up to ${FORMAT_VERSION}); update Casescore`,
    );
  });
});
