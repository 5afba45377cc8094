/**
 * Compact JSON bytes written again as `JSON.stringify(value, null, 2)` writes the value: the same text, from the
 * bytes already made rather than from the data. An export's file text is two-space indented, and Chromium's
 * JSON.stringify with indentation (off its fast path) took longer than all the rest of writing a region's file
 * together; the compact text of the inspections is made anyway, for the checksum. Re-indenting it is one pass
 * over bytes: a JSON.stringify text has no space outside strings, so every `{ [ } ] , :` outside a string is
 * structure, and the rest is copied as it is.
 */

import {
  QUOTE,
  BACKSLASH,
  OPEN_OBJECT,
  OPEN_ARRAY,
  CLOSE_OBJECT,
  CLOSE_ARRAY,
  COMMA,
  COLON,
  NEWLINE,
  SPACE,
} from './json-bytes';

/**
 * The UTF-8 bytes of `JSON.stringify(value, null, 2)` where `compact` holds the UTF-8 bytes of
 * `JSON.stringify(value)`, the value standing `depth` levels deep in an indented text (its inner lines indented
 * by two more spaces a level).
 */
export function indentJson(compact: Uint8Array, depth = 0): Uint8Array {
  const end = compact.length;
  let out: Uint8Array = new Uint8Array(end * 2 + 64);
  let o = 0;
  let level = depth;
  let i = 0;
  while (i < end) {
    const c = compact[i]!;
    if (c === QUOTE) {
      // A string, copied up to its closing quote (an escaped character is copied with its backslash).
      out[o++] = c;
      i += 1;
      for (;;) {
        const d = compact[i++]!;
        out[o++] = d;
        if (d === QUOTE) break;
        if (d === BACKSLASH) out[o++] = compact[i++]!;
      }
      continue;
    }
    if (c !== OPEN_OBJECT && c !== OPEN_ARRAY && c !== CLOSE_OBJECT && c !== CLOSE_ARRAY && c !== COMMA) {
      if (c === COLON) {
        // Room for the space: everything from here on is copied one byte for one, but for what structure adds.
        if (o + (end - i) + 1 > out.length) out = grown(out, o, end - i + 1);
        out[o++] = COLON;
        out[o++] = SPACE;
      } else out[o++] = c;
      i += 1;
      continue;
    }
    // Room for this token, its line break and indentation, and the rest copied one for one.
    if (o + (end - i) + 2 * level + 4 > out.length) out = grown(out, o, end - i + 2 * level + 4);
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (compact[i + 1] === c + 2) {
        // An empty object or array is written `{}` or `[]` (the closing bracket's code is the opening's + 2).
        out[o++] = c;
        out[o++] = c + 2;
        i += 2;
        continue;
      }
      level += 1;
      out[o++] = c;
    } else if (c === COMMA) out[o++] = c;
    else level -= 1;
    out[o++] = NEWLINE;
    for (let s = 2 * level; s > 0; s -= 1) out[o++] = SPACE;
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) out[o++] = c;
    i += 1;
  }
  return out.subarray(0, o);
}

/** A larger buffer holding the first `used` bytes, with room for at least `more` after them. */
function grown(out: Uint8Array, used: number, more: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(out.length * 2, used + more + 64));
  bigger.set(out.subarray(0, used));
  return bigger;
}
