/**
 * One member of a JSON file's top-level object, taken from the file's text as compact UTF-8 bytes: the white space
 * between its tokens left out, everything else byte for byte. A file Casescore wrote holds the compact text of
 * each inspection it checksummed, on lines of their own (serialise.ts), so leaving the white space out gives
 * back the very bytes the writer hashed, without writing megabytes of parsed data out again (`checksumOfText` in
 * checksum.ts); so it does for a file indented throughout (as before version 4) or another way.
 *
 * Only white space outside strings is left out, so the bytes always mean what the text means. Where the text
 * could be read another way than a plain scan reads it, nothing is given and the caller takes the slow way: a
 * top-level key written with an escape (`"\u0069nspections"` is `inspections` to JSON.parse), the member twice
 * (JSON.parse keeps the last), a lone surrogate (encoded it would read as U+FFFD, which is not what JSON.parse
 * gives). The text must be JSON that has parsed.
 */

import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from './json-bytes';

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** What `nextMember` found: where the member's value starts, or why the scan gives up. */
const NONE = -1;
const ESCAPED_KEY = -2;

/**
 * From `from`, inside the top-level object, the next member called `key`: the index where its value starts.
 * `atKey` says `from` is where a key may come (just after the opening brace); otherwise a value was just read.
 * NONE when the object ends first; ESCAPED_KEY when a key of this object is written with an escape.
 */
function nextMember(text: string, key: string, from: number, atKey: boolean): number {
  let depth = 1;
  let expectKey = atKey;
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const start = i + 1;
      let escaped = false;
      for (i = start; i < text.length; i += 1) {
        const c = text.charCodeAt(i);
        if (c === BACKSLASH) {
          escaped = true;
          i += 1;
        } else if (c === QUOTE) break;
      }
      if (depth !== 1 || !expectKey) continue;
      if (escaped) return ESCAPED_KEY;
      expectKey = false;
      if (i - start !== key.length || text.slice(start, i) !== key) continue;
      let value = i + 1;
      while (value < text.length && text.charCodeAt(value) !== COLON) value += 1;
      value += 1;
      while (value < text.length && isSpace(text.charCodeAt(value))) value += 1;
      return value;
    }
    if (code === OPEN_OBJECT || code === OPEN_ARRAY) depth += 1;
    else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth -= 1;
      if (depth === 0) return NONE;
    } else if (code === COMMA && depth === 1) expectKey = true;
  }
  return NONE;
}

/** A larger buffer holding what `bytes` holds. */
function grown(bytes: Uint8Array, used: number): Uint8Array {
  const larger = new Uint8Array(bytes.length * 2 + 16);
  larger.set(bytes.subarray(0, used));
  return larger;
}

/**
 * The object or array starting at `start`, white space between tokens left out, as UTF-8 after `head` and
 * before one ASCII byte `last`; with the index just after it in the text. `null` for any other value or a lone
 * surrogate.
 */
function compactUtf8(
  text: string,
  start: number,
  head: Uint8Array,
  last: number | undefined,
): { bytes: Uint8Array; end: number } | null {
  const first = text.charCodeAt(start);
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) return null;
  // Room for a byte a character still to read, and the last: an ASCII character takes at most one (an escape,
  // two for two), so only a character beyond ASCII, which takes more, need make room.
  let out: Uint8Array = new Uint8Array(head.length + text.length - start + 64);
  out.set(head);
  let used = head.length;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && used + 4 + (text.length - i) > out.length) out = grown(out, used);
    if (code < 0x80) {
      if (inString) {
        out[used++] = code;
        if (code === QUOTE) inString = false;
        else if (code === BACKSLASH) {
          // An escape is ASCII: the backslash and the character after it are written as they are.
          i += 1;
          out[used++] = text.charCodeAt(i);
        }
        continue;
      }
      if (isSpace(code)) continue;
      out[used++] = code;
      if (code === QUOTE) inString = true;
      else if (code === OPEN_OBJECT || code === OPEN_ARRAY) depth += 1;
      else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        depth -= 1;
        if (depth === 0) {
          if (last !== undefined) out[used++] = last;
          return { bytes: out.subarray(0, used), end: i + 1 };
        }
      }
    } else if (code < 0x800) {
      out[used++] = 0xc0 | (code >> 6);
      out[used++] = 0x80 | (code & 0x3f);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (code > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return null;
      const point = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      out[used++] = 0xf0 | (point >> 18);
      out[used++] = 0x80 | ((point >> 12) & 0x3f);
      out[used++] = 0x80 | ((point >> 6) & 0x3f);
      out[used++] = 0x80 | (point & 0x3f);
      i += 1;
    } else {
      out[used++] = 0xe0 | (code >> 12);
      out[used++] = 0x80 | ((code >> 6) & 0x3f);
      out[used++] = 0x80 | (code & 0x3f);
    }
  }
  return null;
}

/**
 * The compact UTF-8 bytes of the top-level member `key` of the JSON object in `text` (an object or array value),
 * after the bytes `head` and followed by `last` (one ASCII character) when given, or `null` where they cannot be
 * taken from the text so (see above): the caller then works from the parsed data.
 */
export function compactMemberBytes(
  text: string,
  key: string,
  head: Uint8Array = new Uint8Array(0),
  last = '',
): Uint8Array | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
  if (text.charCodeAt(i) !== OPEN_OBJECT) return null;
  const start = nextMember(text, key, i + 1, true);
  if (start < 0) return null;
  const value = compactUtf8(text, start, head, last === '' ? undefined : last.charCodeAt(0));
  if (!value) return null;
  // Another member of that name later, or a key written with an escape that might be one: JSON.parse kept that.
  if (nextMember(text, key, value.end, false) !== NONE) return null;
  return value.bytes;
}
