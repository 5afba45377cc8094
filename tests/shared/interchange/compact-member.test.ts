// The import's checksum is taken over a member of the file's text with the white space left out
// (`compactMemberBytes`). For any JSON, spaced any way, it must give exactly the UTF-8 of JSON.stringify of the
// member JSON.parse reads, or give up (`null`): never other bytes, or bytes of a member JSON.parse does not keep.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactMemberBytes } from '#shared/interchange/compact-member.ts';
import { checksumOfText, contentChecksumNative } from '#shared/interchange/checksum.ts';
import { createExport, parseExport, readExportFile, writeExportFile } from '#shared/interchange';
import { createLondonDemo } from '../../../seeds';
import { json, key, spaced } from '../../helpers/json-text';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];
const member = (text: string, name: string) => {
  const made = compactMemberBytes(text, name);
  return made && [...made];
};
const container = fc.oneof(fc.array(json, { maxLength: 4 }), fc.dictionary(key, json, { maxKeys: 4 }));

describe('compactMemberBytes', () => {
  it('gives the compact UTF-8 of the member, from the text JSON.stringify writes, compact or indented', () => {
    fc.assert(
      fc.property(fc.dictionary(key, json, { maxKeys: 4 }), container, fc.nat(3), (rest, value, at) => {
        const entries = Object.entries(rest).filter(([k]) => k !== 'm' && k !== '__proto__');
        entries.splice(Math.min(at, entries.length), 0, ['m', value]);
        const file = Object.fromEntries(entries);
        const expected = utf8(JSON.stringify(value));
        for (const indent of [undefined, 2, '\t']) {
          const text = JSON.stringify(file, null, indent);
          // A key JSON.stringify writes with an escape is given up on, as JSON.parse reads it as another key.
          const escapedKey = Object.keys(file).some((k) => JSON.stringify(k) !== `"${k}"`);
          if (escapedKey) expect(member(text, 'm')).toBeNull();
          else expect(member(text, 'm')).toEqual(expected);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('gives the member JSON.parse reads, or gives up, for any JSON spaced any way', () => {
    fc.assert(
      fc.property(fc.dictionary(key, json, { maxKeys: 5 }), container, fc.nat(), (rest, value, seed) => {
        const text = spaced(JSON.stringify({ ...rest, m: value }), seed);
        const parsed = JSON.parse(text) as Record<string, unknown>;
        const made = member(text, 'm');
        if (made !== null) expect(made).toEqual(utf8(JSON.stringify(parsed.m)));
      }),
      { numRuns: 800 },
    );
  });

  it.each([
    ['the member twice (JSON.parse keeps the last)', '{"m":[1],"a":2,"m":[3]}'],
    ['the member again, its key escaped', '{"m":[1],"\\u006d":[3]}'],
    ['a key before it escaped', '{"\\u0061":1,"m":[1]}'],
    ['a lone high surrogate in a string', '{"m":["a\ud800b"]}'],
    ['a lone low surrogate in a string', '{"m":["a\udc00"]}'],
    ['no such member', '{"a":[1]}'],
    ['the member only deeper down', '{"a":{"m":[1]}}'],
    ['a member that is not an object or array', '{"m":"text"}'],
    ['not an object', '[{"m":[1]}]'],
  ])('gives up on %s', (_, text) => {
    expect(member(text, 'm')).toBeNull();
  });

  it.each([
    [
      'strings holding brackets, quotes, escapes and spaces',
      '{ "m" : [ "a ] } \\" [ {", " x\\\\" , "\\n" ] }',
      '["a ] } \\" [ {"," x\\\\","\\n"]',
    ],
    ['the same name deeper down, before it', '{"a":{"m":[0]},\n "m": {"m": [1, 2]}}', '{"m":[1,2]}'],
    ['a byte order mark first', '\ufeff {"m": [1]}', '[1]'],
    ['a surrogate pair, accents and symbols', '{"m": ["é ✓ \u{1F600}"]}', '["é ✓ \u{1F600}"]'],
  ])('keeps %s', (_, text, compact) => {
    expect(member(text, 'm')).toEqual(utf8(compact));
  });
});

describe('the checksum from the file’s own text', () => {
  it('is the checksum of every file Casescore writes, signed or not, and of the committed sample', async () => {
    const file = createExport(createLondonDemo(), new Date('2026-11-27T10:00:00.000Z'));
    const text = await writeExportFile(file);
    const read = parseExport(text);
    expect(await checksumOfText(text, read)).toBe(read.checksum);
    expect(await checksumOfText(text, read)).toBe(await contentChecksumNative(read));
    const sample = readFileSync('seeds/samples/london-2022.json', 'utf8');
    const fromSample = parseExport(sample);
    expect(await checksumOfText(sample, fromSample)).toBe(fromSample.checksum);
  });

  it('differs once one character of an inspection changes, so the file is refused', async () => {
    const text = await writeExportFile(
      createExport(createLondonDemo(), new Date('2026-11-27T10:00:00.000Z')),
    );
    const read = parseExport(text);
    const changed = text.replace('"value":"yes"', '"value":"no"');
    expect(changed).not.toBe(text);
    expect(await checksumOfText(changed, read)).not.toBe(read.checksum);
    await expect(readExportFile(changed)).rejects.toThrow(/changed or damaged after it was exported/);
  });
});
