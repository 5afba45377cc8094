/**
 * Canonical JSON (signature.ts: object keys sorted at every level, no spaces) made from a JSON text rather than
 * from the data: `encodeUtf8(canonicalJson(JSON.parse(text)))`, the bytes a file's signature
 * covers. Building it from the data meant copying every case and answer into sorted key order (a file's keys are
 * in the format's order, not sorted), writing megabytes again with JSON.stringify, and encoding them: on a
 * region's file, more than the rest of writing or reading it. Here each object's members are copied as they
 * stand, as UTF-8, into one byte buffer and moved into sorted order only where they are not in it already: the
 * text is read once and never encoded as a whole.
 *
 * It gives the same bytes only where the text writes each value as JSON.stringify would: so it gives up (returns
 * `null`, and the caller builds the text from the data as before) on anything else: a lone surrogate, a `\u` escape other than
 * JSON.stringify's for a control character (`\u0001`), a `\/` escape, a
 * number not written as JavaScript writes it (`1.0`, `-0`, `1E5`), a key given twice, a `__proto__` key. A text
 * that JSON.stringify wrote (every file Casescore writes) never holds one. The text must be valid JSON.
 */

import {
  QUOTE,
  BACKSLASH,
  OPEN_OBJECT,
  CLOSE_OBJECT,
  OPEN_ARRAY,
  CLOSE_ARRAY,
  COMMA,
  COLON,
} from './json-bytes';
import { decodeUtf8 } from './utf8';

/** Thrown inside, to give up: caught by `canonicalJsonBytes`, which then returns `null`. */
class NotCanonical extends Error {}

/** The escapes JSON.stringify writes as two characters: `\" \\ \b \f \n \r \t`. */
const SHORT_ESCAPES = new Set([0x22, 0x5c, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/**
 * Whether the four characters at `at` (after `\u`) are how JSON.stringify writes a control character that has
 * no two-character escape: `00` then `0` or `1` then a lower-case hex digit, not \b \t \n \f or \r.
 */
function isControlEscape(json: string, at: number): boolean {
  if (json.charCodeAt(at) !== 0x30 || json.charCodeAt(at + 1) !== 0x30) return false;
  const high = json.charCodeAt(at + 2);
  const low = json.charCodeAt(at + 3);
  if (high !== 0x30 && high !== 0x31) return false;
  const digit = low >= 0x30 && low <= 0x39 ? low - 0x30 : low >= 0x61 && low <= 0x66 ? low - 0x61 + 10 : -1;
  if (digit < 0) return false;
  const code = (high - 0x30) * 16 + digit;
  return code !== 0x08 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;
}

const PROTO = [...'"__proto__"'].map((c) => c.charCodeAt(0));

/**
 * The canonical JSON of the value the text holds, as UTF-8 bytes, leaving out the top-level member named
 * `without` (the signature, which does not sign itself); `null` where it cannot be sure of giving exactly
 * `canonicalJson`'s text (see above).
 */
export function canonicalJsonBytes(json: string, without?: string): Uint8Array | null {
  const writer = new Writer(json, without);
  try {
    writer.skipSpace();
    writer.value(0);
    writer.skipSpace();
    if (writer.at !== json.length) return null;
    return writer.out.subarray(0, writer.o);
  } catch (error) {
    if (error instanceof NotCanonical) return null;
    throw error;
  }
}

class Writer {
  /**
   * Room for the text one byte a character (spaces are dropped, ASCII is copied), grown where characters beyond
   * ASCII take more.
   */
  out: Uint8Array;
  o = 0;
  at = 0;
  /** Each open object's members: key start and end, member end, in `out`; four numbers a member. */
  private members = new Int32Array(1024);
  private top = 0;
  /** Where members are copied to be put in order. */
  private scratch = new Uint8Array(4096);
  private readonly without: number[] | undefined;

  constructor(
    private readonly json: string,
    without: string | undefined,
  ) {
    this.out = new Uint8Array(json.length + 64);
    this.without =
      without === undefined ? undefined : [...JSON.stringify(without)].map((c) => c.charCodeAt(0));
  }

  skipSpace(): void {
    const json = this.json;
    let at = this.at;
    for (;;) {
      const c = json.charCodeAt(at);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at += 1;
      else break;
    }
    this.at = at;
  }

  /** Copies the value at `at` (no space before it), canonical, to `out`. */
  value(depth: number): void {
    const c = this.json.charCodeAt(this.at);
    if (c === QUOTE) this.string();
    else if (c === OPEN_OBJECT) this.object(depth);
    else if (c === OPEN_ARRAY) this.array(depth);
    else this.literal();
  }

  /**
   * A string, copied as it stands, its characters beyond ASCII as UTF-8; returns whether it is plain (no
   * escape, nothing beyond ASCII). A lone surrogate gives up: JSON.stringify would escape it.
   */
  string(): boolean {
    const json = this.json;
    let out = this.out;
    let at = this.at;
    let o = this.o;
    let plain = true;
    out[o++] = QUOTE;
    at += 1;
    for (;;) {
      const c = json.charCodeAt(at++);
      if (c < 0x80) {
        out[o++] = c;
        if (c === QUOTE) break;
        if (c === BACKSLASH) {
          const escaped = json.charCodeAt(at++);
          out[o++] = escaped;
          plain = false;
          if (SHORT_ESCAPES.has(escaped)) continue;
          if (escaped !== 0x75 || !isControlEscape(json, at)) throw new NotCanonical();
          for (let k = 0; k < 4; k += 1) out[o++] = json.charCodeAt(at++);
        }
        continue;
      }
      if (Number.isNaN(c)) throw new NotCanonical();
      plain = false;
      if (o + 4 + (json.length - at) > out.length) {
        this.o = o;
        out = this.grow(4 + json.length - at);
      }
      if (c < 0x800) {
        out[o++] = 0xc0 | (c >> 6);
        out[o++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c > 0xdfff) {
        out[o++] = 0xe0 | (c >> 12);
        out[o++] = 0x80 | ((c >> 6) & 63);
        out[o++] = 0x80 | (c & 63);
      } else {
        const low = json.charCodeAt(at);
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) throw new NotCanonical();
        at += 1;
        const code = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        out[o++] = 0xf0 | (code >> 18);
        out[o++] = 0x80 | ((code >> 12) & 63);
        out[o++] = 0x80 | ((code >> 6) & 63);
        out[o++] = 0x80 | (code & 63);
      }
    }
    this.at = at;
    this.o = o;
    return plain;
  }

  /** A larger `out`, with room for `more` bytes after what is written. */
  private grow(more: number): Uint8Array {
    const bigger = new Uint8Array(Math.max(this.out.length * 2, this.o + more + 64));
    bigger.set(this.out.subarray(0, this.o));
    this.out = bigger;
    return bigger;
  }

  /** A number, true, false or null, copied where JSON.stringify would write it so. */
  literal(): void {
    const json = this.json;
    const start = this.at;
    let at = start;
    let digitsOnly = true;
    for (;;) {
      if (at >= json.length) break;
      const c = json.charCodeAt(at);
      if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c <= 0x20) break;
      if (c >= 0x80) throw new NotCanonical();
      if (c < 0x30 || c > 0x39) digitsOnly = false;
      at += 1;
    }
    const length = at - start;
    if (length === 0) throw new NotCanonical();
    const first = json.charCodeAt(start);
    // Whole numbers of up to 15 digits without a leading zero are written as they are read; anything else
    // (true, false, null, fractions, exponents, signs) is checked against how JavaScript writes it.
    if (!(digitsOnly && length <= 15 && (first !== 0x30 || length === 1))) {
      const token = json.slice(start, at);
      const canonical =
        token === 'true' || token === 'false' || token === 'null' ? token : JSON.stringify(Number(token));
      if (canonical !== token) throw new NotCanonical();
    }
    const out = this.out;
    let o = this.o;
    for (let k = start; k < at; k += 1) out[o++] = json.charCodeAt(k);
    this.o = o;
    this.at = at;
  }

  array(depth: number): void {
    const json = this.json;
    this.out[this.o++] = OPEN_ARRAY;
    this.at += 1;
    this.skipSpace();
    if (json.charCodeAt(this.at) === CLOSE_ARRAY) {
      this.at += 1;
      this.out[this.o++] = CLOSE_ARRAY;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      this.skipSpace();
      const c = json.charCodeAt(this.at++);
      if (c === CLOSE_ARRAY) break;
      if (c !== COMMA) throw new NotCanonical();
      this.out[this.o++] = COMMA;
      this.skipSpace();
    }
    this.out[this.o++] = CLOSE_ARRAY;
  }

  object(depth: number): void {
    const json = this.json;
    this.out[this.o++] = OPEN_OBJECT;
    this.at += 1;
    const first = this.top;
    const start = this.o;
    let plain = true;
    this.skipSpace();
    if (json.charCodeAt(this.at) !== CLOSE_OBJECT) {
      for (;;) {
        if (json.charCodeAt(this.at) !== QUOTE) throw new NotCanonical();
        const memberStart = this.o;
        plain = this.string() && plain;
        const keyEnd = this.o;
        if (this.isKey(this.out, memberStart, keyEnd, PROTO)) throw new NotCanonical();
        const skipped =
          depth === 0 &&
          this.without !== undefined &&
          this.isKey(this.out, memberStart, keyEnd, this.without);
        this.skipSpace();
        if (json.charCodeAt(this.at++) !== COLON) throw new NotCanonical();
        this.out[this.o++] = COLON;
        this.skipSpace();
        this.value(depth + 1);
        if (skipped) this.o = memberStart;
        else this.push(memberStart, keyEnd, this.o);
        this.skipSpace();
        const c = json.charCodeAt(this.at++);
        if (c === CLOSE_OBJECT) break;
        if (c !== COMMA) throw new NotCanonical();
        if (!skipped) this.out[this.o++] = COMMA;
        this.skipSpace();
      }
    } else this.at += 1;
    // A member left out last leaves the comma before it.
    if (this.o > start && this.out[this.o - 1] === COMMA) this.o -= 1;
    this.order(first, start, plain);
    this.top = first;
    this.out[this.o++] = CLOSE_OBJECT;
  }

  private isKey(out: Uint8Array, start: number, end: number, key: readonly number[]): boolean {
    if (end - start !== key.length) return false;
    for (let i = 0; i < key.length; i += 1) if (out[start + i] !== key[i]) return false;
    return true;
  }

  private push(memberStart: number, keyEnd: number, memberEnd: number): void {
    if (this.top + 3 >= this.members.length) {
      const bigger = new Int32Array(this.members.length * 2);
      bigger.set(this.members);
      this.members = bigger;
    }
    const m = this.members;
    m[this.top] = memberStart;
    m[this.top + 1] = keyEnd;
    m[this.top + 2] = memberEnd;
    this.top += 3;
  }

  /** Sorts the members `first`… of the object whose text starts at `start`, where they are not in order. */
  private order(first: number, start: number, plain: boolean): void {
    const m = this.members;
    const count = (this.top - first) / 3;
    if (count < 2) return;
    // Keys that are not plain ASCII are compared as the strings they stand for, each read once: reading them
    // again for every comparison let a file of a million such keys out of order hold the reader for a minute.
    const keys = plain
      ? undefined
      : Array.from({ length: count }, (_, i) => this.keyText(m[first + i * 3]!, m[first + i * 3 + 1]!));
    const compare = (a: number, b: number): number => {
      if (!keys) return this.compareBytes(a, b);
      const keyA = keys[(a - first) / 3]!;
      const keyB = keys[(b - first) / 3]!;
      return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
    };
    let sorted = true;
    for (let i = 1; i < count && sorted; i += 1) {
      const order = compare(first + (i - 1) * 3, first + i * 3);
      if (order === 0) throw new NotCanonical();
      sorted = order < 0;
    }
    if (sorted) return;
    const places: number[] = [];
    for (let i = 0; i < count; i += 1) places.push(first + i * 3);
    if (count <= 16) {
      // Insertion sort: the objects of a file have a few members each.
      for (let i = 1; i < count; i += 1) {
        const place = places[i]!;
        let j = i;
        while (j > 0 && compare(places[j - 1]!, place) > 0) {
          places[j] = places[j - 1]!;
          j -= 1;
        }
        places[j] = place;
      }
    } else places.sort(compare);
    for (let i = 1; i < count; i += 1) {
      if (compare(places[i - 1]!, places[i]!) === 0) throw new NotCanonical();
    }
    const end = this.o;
    const length = end - start;
    if (this.scratch.length < length)
      this.scratch = new Uint8Array(Math.max(length, this.scratch.length * 2));
    const scratch = this.scratch;
    const out = this.out;
    scratch.set(out.subarray(start, end));
    let o = start;
    for (let i = 0; i < places.length; i += 1) {
      if (i > 0) out[o++] = COMMA;
      const place = places[i]!;
      const from = m[place]! - start;
      const to = m[place + 2]! - start;
      if (to - from < 64) for (let k = from; k < to; k += 1) out[o++] = scratch[k]!;
      else {
        out.set(scratch.subarray(from, to), o);
        o += to - from;
      }
    }
  }

  /** Two plain keys (ASCII, no escape) in UTF-16 order, which for ASCII is their bytes' order. */
  private compareBytes(a: number, b: number): number {
    const out = this.out;
    const m = this.members;
    let i = m[a]! + 1;
    let j = m[b]! + 1;
    const aEnd = m[a + 1]! - 1;
    const bEnd = m[b + 1]! - 1;
    while (i < aEnd && j < bEnd) {
      const d = out[i]! - out[j]!;
      if (d !== 0) return d;
      i += 1;
      j += 1;
    }
    return aEnd - i - (bEnd - j);
  }

  /** A key as the string it stands for. */
  private keyText(start: number, end: number): string {
    return JSON.parse(decodeUtf8(this.out.subarray(start, end))) as string;
  }
}
