// Reading a file's text into values (`parseJsonSafely`): one scan of the text decides whether the parsed value
// must be walked for keys that reach a prototype. The scan skips strings by searching for their closing quote;
// whatever the strings hold (escaped quotes, backslashes, keys spelt with escapes), a key that reaches a
// prototype must be refused wherever it stands, and anything else read exactly as JSON.parse reads it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InterchangeError, MAX_DEPTH, parseJsonSafely } from '#shared/interchange';
import { json, spaced } from '../../helpers/json-text';

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/** Whether the parsed value holds a forbidden key anywhere (own keys, as JSON.parse makes them). */
function holdsForbidden(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(holdsForbidden);
  return Object.keys(value).some(
    (key) => FORBIDDEN.includes(key) || holdsForbidden((value as Record<string, unknown>)[key]),
  );
}

/** The text with some keys and strings respelt: forbidden keys put in, spelt plainly or with escapes. */
function respelt(text: string, n: number): string {
  const forms = [
    (t: string) => t,
    (t: string) => t.replace(/\{"/, '{"__proto__":{"x":1},"'),
    (t: string) => t.replace(/\{"/, '{"\\u005f_proto__":1,"'),
    (t: string) => t.replace(/\{"/, '{"constructo\\u0072":[],"'),
    (t: string) => t.replace(/\{"/, '{"prototype" : 2,"'),
    (t: string) => t.replace(/\{"/, '{"a\\"b\\\\":"__proto__","'),
    (t: string) => t.replace(/\{"/, '{"note":"\\\\","constructor":1,"'),
  ];
  return forms[n % forms.length]!(text);
}

describe('parseJsonSafely', () => {
  it('refuses a prototype key wherever it stands, however spelt, and reads anything else as JSON.parse does', () => {
    fc.assert(
      fc.property(json, fc.nat(), (value, n) => {
        const text = spaced(respelt(JSON.stringify({ v: value }), n), n);
        const parsed = JSON.parse(text) as unknown;
        if (holdsForbidden(parsed)) {
          expect(() => parseJsonSafely(text)).toThrow(
            /the key "(__proto__|constructor|prototype)" is not allowed/,
          );
        } else {
          expect(parseJsonSafely(text)).toEqual(parsed);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ['a plain key deep down', '{"a":[{"b":{"__proto__":1}}]}', ['a', 0, 'b', '__proto__']],
    ['a key spelt with an escape', '{"a":{"\\u0063onstructor":1}}', ['a', 'constructor']],
    ['after a string ending in an escaped backslash', '{"n":"x\\\\","prototype":1}', ['prototype']],
    ['after a string holding an escaped quote', '{"n":"say \\"hi\\"","__proto__":{}}', ['__proto__']],
  ])('names where %s stands', (_, text, path) => {
    try {
      parseJsonSafely(text);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(InterchangeError);
      expect((error as InterchangeError).path).toEqual(path);
    }
  });

  it('reads the words as values, and keys of other lengths, without refusing', () => {
    const text = '{"note":"__proto__","constructors":1,"list":["prototype"],"k":"\\"__proto__\\""}';
    expect(parseJsonSafely(text)).toEqual(JSON.parse(text));
  });

  it('refuses nesting deeper than any file, inside strings not counted', () => {
    const deep = `${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`;
    expect(() => parseJsonSafely(deep)).toThrow(/nested more than/);
    const inString = `{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`;
    expect(parseJsonSafely(inString)).toEqual(JSON.parse(inString));
  });
});
