// JSON values of every awkward kind, and their text spaced any way: for the property tests of code that reads
// JSON text byte by byte (canonical-bytes.ts, compact-member.ts), which must agree with JSON.parse.
import fc from 'fast-check';

/** Keys that sort differently by code unit than by byte, that JavaScript keeps first, that need escaping. */
export const key = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(
    '0',
    '1',
    '10',
    '9',
    '01',
    '-1',
    'a',
    'B',
    'é',
    '\u{1F600}',
    '\uFFFF',
    'a"b',
    'a\\',
    'a\nb',
    '#',
  ),
);
export const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary-ascii' }),
    fc.constantFrom(null, true, false, 0, -0, 1.5, -1e308, 2 ** 53, 1e21, 1e-7, 123456789012345),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** The same JSON text with spaces, tabs and line breaks between its tokens (never inside a string). */
export function spaced(text: string, seed: number): string {
  let out = '';
  let inString = false;
  let n = seed;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    out += c;
    if (inString) {
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    if (!inString && '{[,:]}'.includes(c)) {
      n = (n * 1103515245 + 12345) % 2 ** 31;
      out += [' ', '\n  ', '\t', '\r\n', ''][n % 5];
    }
  }
  return out;
}
