// The app reads and writes files with the platform's native SHA-256 (readExportFile, writeExportFile); the
// `rate` command with the plain TypeScript one. Both must give the same checksum, so every file ever written
// still verifies, and both must refuse the same files for the same reasons.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentChecksum,
  contentChecksumNative,
  createExport,
  parseExport,
  readExportFile,
  serialiseExport,
  sha256Hex,
  sha256HexNative,
  tryParseExport,
  tryReadExportFile,
  writeExportFile,
} from '#shared/interchange';
import { createLondonDemo } from '../../../seeds';

const SAMPLE = readFileSync('seeds/samples/london-2022.json', 'utf8');

describe('the native SHA-256', () => {
  it.each([
    ['nothing', ''],
    ['ASCII', 'abc'],
    ['a block boundary', 'a'.repeat(55)],
    ['two blocks', 'a'.repeat(64)],
    ['accents and emoji', 'Réunion ✓ 🎉 — “quoted”'],
    ['a lone surrogate, written as U+FFFD', 'before \ud800 after \udc00'],
  ])('gives the plain digest for %s', async (_, text) => {
    expect(await sha256HexNative(text)).toBe(sha256Hex(text));
  });

  it('gives the plain digest for any text, ASCII or not, lone surrogates included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }), fc.string()),
        async (text) => {
          expect(await sha256HexNative(text)).toBe(sha256Hex(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the published digest of "abc"', async () => {
    expect(await sha256HexNative('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('reading and writing with the native checksum', () => {
  it('writes exactly the text serialiseExport writes', async () => {
    const file = createExport(createLondonDemo(), new Date('2026-11-26T10:00:00.000Z'));
    expect(await writeExportFile(file)).toBe(serialiseExport(file));
  });

  it('writes the committed sample byte for byte, from the demo and from the file read back', async () => {
    // The sample was written by the code before the compiled schema and the sized checksum buffer: the same data
    // must give the same file, whichever way it is written.
    const demo = createExport(createLondonDemo(), new Date('2022-11-24T09:00:00.000Z'));
    expect(await writeExportFile(demo)).toBe(SAMPLE);
    expect(serialiseExport(demo)).toBe(SAMPLE);
    const { file: read } = await readExportFile(SAMPLE);
    expect(await writeExportFile(read)).toBe(SAMPLE);
  });

  it('reads the committed sample (written before the native checksum) to the same file', async () => {
    const { file: read } = await readExportFile(SAMPLE);
    expect(read).toEqual(parseExport(SAMPLE));
    expect(await contentChecksumNative(read)).toBe(contentChecksum(read));
    expect(await contentChecksumNative(read)).toBe(read.checksum);
  });

  it('refuses a file changed after export, as parseExport does', async () => {
    const tampered = SAMPLE.replace('"value":"yes"', '"value":"no"');
    expect(tampered).not.toBe(SAMPLE);
    const read = await tryReadExportFile(tampered);
    const parsed = tryParseExport(tampered);
    expect(read.ok).toBe(false);
    expect(parsed.ok).toBe(false);
    if (read.ok || parsed.ok) return;
    expect(read.error.message).toMatch(/checksum: does not match the content/);
    expect(read.error.message).toBe(parsed.error.message);
  });

  it('refuses bad content with the same words as parseExport, naming the case and question', async () => {
    const file = JSON.parse(SAMPLE) as { checksum?: string; inspections: { cases: { answers: object }[] }[] };
    delete file.checksum;
    const answers = file.inspections[0]!.cases[0]!.answers as Record<string, { value: string }>;
    answers[Object.keys(answers)[0]!]!.value = 'perhaps';
    const text = JSON.stringify(file);
    const read = await tryReadExportFile(text);
    const parsed = tryParseExport(text);
    if (read.ok || parsed.ok) throw new Error('expected both to refuse the file');
    expect(read.error.message).toBe(parsed.error.message);
    expect(read.error.where).toMatch(/case/i);
  });

  it('refuses text that is not JSON before anything else', async () => {
    await expect(readExportFile('{"format":')).rejects.toThrow(/not valid JSON/);
  });
});

describe('keys that reach a prototype, found in the one scan of the text', () => {
  const withKey = (key: string, spacing = '') =>
    SAMPLE.replace('"answers":{', `"answers":{"${key}"${spacing}: {"polluted": true},`);

  it.each([
    ['written plainly', '__proto__', ''],
    ['with its letters escaped', '\\u005f\\u005fproto\\u005f\\u005f', ''],
    ['with space before the colon', 'constructor', ' \n '],
    ['escaped another way', 'proto\\u0074ype', ''],
  ])('refuses one %s, naming where it stands', async (_, key, spacing) => {
    const text = withKey(key, spacing);
    expect(text).not.toBe(SAMPLE);
    const result = await tryReadExportFile(text);
    if (result.ok) throw new Error('expected the file to be refused');
    expect(result.error.message).toMatch(
      /^inspections\[0\]\.cases\[\d+\]\.answers\.\w+: the key "\w+" is not allowed$/,
    );
  });

  it('reads a file whose text holds those words as values, not keys', async () => {
    const text = SAMPLE.replace('"note":"', '"note":"__proto__ prototype constructor ');
    expect(text).not.toBe(SAMPLE);
    const file = JSON.parse(text) as { checksum?: string };
    delete file.checksum;
    await expect(readExportFile(JSON.stringify(file))).resolves.toMatchObject({
      file: { format: 'casescore.inspections' },
    });
  });
});
