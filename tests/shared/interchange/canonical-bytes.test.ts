// A file's signature is over the canonical JSON of the file: the app makes those bytes from the file's text
// (`canonicalJsonBytes`) rather than from the data. For any JSON, written compact, indented or spaced any way,
// it must give exactly the bytes of `canonicalJson` of the parsed value, or give up (`null`) and leave the caller
// to make them from the data as before: never other bytes. On the texts JSON.stringify writes it must not give up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalJsonBytes } from '#shared/interchange/canonical-bytes.ts';
import { canonicalJson, signedBytes, signedBytesOfText } from '#shared/interchange/signature.ts';
import { json, spaced } from '../../helpers/json-text';

const bytes = (text: string) => new TextEncoder().encode(text);
const canonical = (value: unknown) => [...bytes(canonicalJson(value))];
const fromText = (text: string, without?: string) => {
  const made = canonicalJsonBytes(text, without);
  return made && [...made];
};

describe('canonicalJsonBytes', () => {
  it('gives canonicalJson’s bytes for the text JSON.stringify writes of any value, compact or indented', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(fromText(JSON.stringify(value))).toEqual(canonical(value));
        expect(fromText(JSON.stringify(value, null, 2))).toEqual(canonical(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives canonicalJson’s bytes or gives up, for any text of any value, spaced any way', () => {
    const respelt = (text: string, n: number) =>
      [
        text,
        text.replace(/"(\w)/, '"\\u00$1'.replace('$1', '41')), // an escape JSON.stringify does not write
        text.replace(/(\d)([,}\]])/, '$1.0$2'),
        text.replace(/(\d)([,}\]])/, '$1e0$2'),
        text.replace(/\{"/, '{"k":1,"k":2,"'),
        text.replace(/\//g, '\\/'),
      ][n % 6]!;
    fc.assert(
      fc.property(json, fc.nat(), (value, n) => {
        const text = spaced(respelt(JSON.stringify(value), n), n);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return; // a respelling that is not JSON
        }
        const made = fromText(text);
        if (made !== null) expect(made).toEqual(canonical(parsed));
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ['a \\u escape', '{"a":"\\u0041"}'],
    ['\\/', '{"a":"\\/"}'],
    ['1.0', '{"a":1.0}'],
    ['-0', '{"a":-0}'],
    ['1E5', '{"a":1E5}'],
    ['a leading zero of a fraction kept as written, 0.50', '{"a":0.50}'],
    ['a key given twice', '{"a":1,"b":2,"a":3}'],
    ['a key given twice, apart', '{"b":1,"a":2,"c":3,"b":4}'],
    ['a __proto__ key', '{"__proto__":{"x":1}}'],
    ['\\u0008, which JSON.stringify writes \\b', '{"a":"\\u0008"}'],
    ['a control character in upper-case hex', '{"a":"\\u001F"}'],
    ['an escaped surrogate pair', '{"a":"\\ud83d\\ude00"}'],
  ])('gives up on %s', (_, text) => {
    expect(fromText(text)).toBeNull();
  });

  it('leaves out the top-level member named, wherever it stands, and only at the top', () => {
    const file = { b: 1, signature: { a: 1 }, a: { signature: 2 }, c: [{ signature: 3 }] };
    const { signature: _s, ...rest } = file;
    expect(fromText(JSON.stringify(file, null, 2), 'signature')).toEqual(canonical(rest));
    expect(fromText('{"signature":1}', 'signature')).toEqual(canonical({}));
    expect(fromText('{"signature":1,"a":2}', 'signature')).toEqual(canonical({ a: 2 }));
    expect(fromText('{"a":2,"signature":1}', 'signature')).toEqual(canonical({ a: 2 }));
  });

  it('gives the canonical bytes of the committed sample and of the signed version 3 fixture, without giving up', () => {
    const sample = readFileSync('seeds/samples/london-2022.json', 'utf8');
    expect(fromText(sample, 'signature')).toEqual(canonical(JSON.parse(sample)));
    // A version 3 file's signature covers the whole file: its signed bytes are made from its text.
    const v3 = readFileSync('tests/fixtures/interchange/v3.json', 'utf8');
    const made = signedBytesOfText(v3);
    expect(made).not.toBeNull();
    expect([...made!]).toEqual([...signedBytes(JSON.parse(v3) as Record<string, unknown>)]);
  });

  it('sorts an object of thousands of members, and gives up on one holding a key twice among them', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `k${(i * 7919) % 3000}`);
    const value = Object.fromEntries(keys.map((k, i) => [k, { z: i, a: [i, { y: 1, b: 2 }] }]));
    expect(fromText(JSON.stringify(value))).toEqual(canonical(value));
    const twice = JSON.stringify(value).replace('"k1":', '"k2":');
    expect(fromText(twice)).toBeNull();
    const small = JSON.stringify({ c: 1, b: 2, a: 3 }).replace('"a":', '"c":');
    expect(fromText(small)).toBeNull();
  });

  it('sorts thousands of keys beyond ASCII or with escapes, each read once, and gives up on one given twice', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `é${(i * 7919) % 3000}${i % 7 === 0 ? '"\n' : ''}`);
    const value = Object.fromEntries(keys.map((k, i) => [k, [i, { ключ: 1, b: 2 }]]));
    expect(fromText(JSON.stringify(value))).toEqual(canonical(value));
    expect(fromText(JSON.stringify(value, null, 2))).toEqual(canonical(value));
    const twice = JSON.stringify(value).replace('"é1":', '"é2":');
    expect(fromText(twice)).toBeNull();
  });

  it('writes text far beyond ASCII as UTF-8, however much longer than the text it is', () => {
    const value = { b: '✓'.repeat(5000), a: ['\u{1F600}'.repeat(3000), 'é'.repeat(4000)], ключ: 'значение' };
    expect(fromText(JSON.stringify(value))).toEqual(canonical(value));
    expect(fromText(JSON.stringify(value, null, 2))).toEqual(canonical(value));
  });

  it('keeps JSON.stringify’s escapes of control characters, in values and in keys', () => {
    const value = { 'k\u0001': 'a\u0000b\u001fc\u000b', 'k\u0002': '\b\t' };
    expect(fromText(JSON.stringify(value))).toEqual(canonical(value));
  });

  it('gives up on a text holding a lone surrogate (the canonical text escapes it)', () => {
    expect(signedBytesOfText('{"a":"\ud800"}')).toBeNull();
    expect(signedBytesOfText('{"a":"x\udc00"}')).toBeNull();
    expect(signedBytesOfText('{"\ud800":1}')).toBeNull();
  });
});
