/**
 * A string's UTF-8 bytes by the platform's `TextEncoder.encodeInto`. A region's export is megabytes of text, and
 * in Chromium `TextEncoder.encode` of it took several times as long as hashing or signing the bytes (it makes
 * its own copy as it goes); `encodeInto` writes straight into a buffer. Each character is first given one byte
 * (every file Casescore writes whose notes hold no accented letter or curly quote is ASCII, and is then written
 * in one pass); only when the text does not fit is the rest written into a larger buffer, with room for the
 * three bytes a UTF-16 unit can take. A lone surrogate is written as U+FFFD, as `encode` writes it.
 */

interface Encoder {
  encodeInto(text: string, into: Uint8Array): { read: number; written: number };
}

/** Whether this platform has `TextEncoder` (Chromium, Electron, Node and their workers all do). */
export function canEncodeUtf8(): boolean {
  return typeof (globalThis as { TextEncoder?: unknown }).TextEncoder === 'function';
}

/** The text's UTF-8 bytes: the same bytes as `new TextEncoder().encode(text)`. */
export function encodeUtf8(text: string): Uint8Array {
  const encoder = new (globalThis as unknown as { TextEncoder: new () => Encoder }).TextEncoder();
  const first = new Uint8Array(text.length);
  const { read, written } = encoder.encodeInto(text, first);
  if (read === text.length) return first.subarray(0, written);
  // encodeInto stops before a character that does not fit whole (a surrogate pair is never split), so the rest
  // starts at a character.
  const out = new Uint8Array(written + (text.length - read) * 3);
  out.set(first.subarray(0, written));
  const rest = encoder.encodeInto(text.slice(read), out.subarray(written));
  return out.subarray(0, written + rest.written);
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}

/** UTF-8 bytes as text, by the platform's `TextDecoder` (the bytes `encodeUtf8` wrote give back their text). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new (globalThis as unknown as { TextDecoder: new () => Decoder }).TextDecoder().decode(bytes);
}
