/**
 * A string's UTF-8 bytes, written by a plain loop over its UTF-16 units. A region's export is megabytes of text;
 * in Chromium `TextEncoder.encode` of it took several times as long as hashing the bytes, and `encodeInto`,
 * quick on ASCII, took twice as long as this loop once the text held one accented letter or curly quote (as
 * inspectors' notes do). A lone surrogate is written as U+FFFD, as `TextEncoder` writes it, so every reader of a
 * checksum gets the same bytes.
 */

/**
 * Writes the text's UTF-8 bytes into `out` from `at`, which must have room for three bytes a UTF-16 unit (a
 * pair takes four, two units), and returns where they end.
 */
export function writeUtf8(text: string, out: Uint8Array, at: number): number {
  let n = at;
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        out[n++] = 0xf0 | (code >> 18);
        out[n++] = 0x80 | ((code >> 12) & 0x3f);
        out[n++] = 0x80 | ((code >> 6) & 0x3f);
        out[n++] = 0x80 | (code & 0x3f);
        i += 1;
        continue;
      }
      code = 0xfffd;
    }
    out[n++] = 0xe0 | (code >> 12);
    out[n++] = 0x80 | ((code >> 6) & 0x3f);
    out[n++] = 0x80 | (code & 0x3f);
  }
  return n;
}

/** The text's UTF-8 bytes: the same bytes as `new TextEncoder().encode(text)`. */
export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  return out.subarray(0, writeUtf8(text, out, 0));
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}

/** UTF-8 bytes as text, by the platform's `TextDecoder` (the bytes `encodeUtf8` wrote give back their text). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new (globalThis as unknown as { TextDecoder: new () => Decoder }).TextDecoder().decode(bytes);
}
