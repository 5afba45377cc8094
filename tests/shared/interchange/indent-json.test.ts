// The app writes a file's text by indenting the compact bytes the checksum was taken over (`indentJson`), not by
// JSON.stringify with indentation: for any JSON value, at any depth, it must give JSON.stringify's text exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indentJson } from '#shared/interchange/indent-json.ts';

const indented = (value: unknown, depth = 0) =>
  new TextDecoder().decode(indentJson(new TextEncoder().encode(JSON.stringify(value)), depth));

/** Strings with what JSON escapes or holds: quotes, backslashes, structure characters, controls, non-ASCII. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '"', '\\', '\\"', '{[,:]}', '"a":1,', '\n\t\u0000\u001f', 'é ✓ \u{1F600}', '\ud800'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.constantFrom(null, true, false, 0, -0, 1.5, -1e308, 2 ** 53, 1e-7),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('indentJson', () => {
  it.each([
    ['an empty object', {}],
    ['an empty array', []],
    ['empty ones inside', { a: {}, b: [], c: [{}, []] }],
    ['a string of structure characters', { 'k{,': '[:]}"' }],
    ['a number alone', 12.5],
  ])('gives JSON.stringify’s text for %s', (_, value) => {
    expect(indented(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('gives JSON.stringify’s text for any JSON value', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(indented(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 1000 },
    );
  });

  it('indents a value standing deeper in a text as JSON.stringify does there', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(`[\n  [\n    ${indented(value, 2)}\n  ]\n]`).toBe(JSON.stringify([[value]], null, 2));
      }),
      { numRuns: 300 },
    );
  });
});
