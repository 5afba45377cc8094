/**
 * Turning a file's text into plain values before any schema sees it: a size limit, a depth limit, and no keys
 * that could reach an object's prototype (`__proto__`, `constructor`, `prototype`), each refused with the path
 * where it stands. JSON.parse itself never pollutes, but code that copies the result might.
 */
import { InterchangeError, type PathSegment } from './errors';

/** The largest file read by default: a whole region with long notes is a few megabytes. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Deeper than any valid file (about 7 levels); deeper input is refused before it can exhaust a stack. */
export const MAX_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A file's size in words: "1.2 GB", "49.0 MB", "12 bytes". */
export function describeFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

/** Length in UTF-8 bytes, without needing TextEncoder or Buffer. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Parses JSON text into plain values, refusing oversized, empty, malformed, too deep or prototype-reaching input.
 * @throws InterchangeError naming what is wrong.
 */
export function parseJsonSafely(text: string, maxBytes: number = DEFAULT_MAX_BYTES): unknown {
  // A UTF-16 unit is one to three UTF-8 bytes (a pair, four: two a unit; one lone at the end, four), so text
  // well under the limit is not counted byte by byte (a walk over every character of a large file).
  if (text.length > maxBytes || (text.length * 3 + 1 > maxBytes && utf8Length(text) > maxBytes)) {
    throw new InterchangeError(
      [],
      `the file is ${describeFileSize(utf8Length(text))}; the largest Casescore reads is ${describeFileSize(maxBytes)}`,
    );
  }
  // A regular expression stops at the first character that is not white space; trim() would copy it all.
  if (/^\s*$/.test(text)) throw new InterchangeError([], 'the file is empty');
  const suspicious = scanText(text);
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InterchangeError([], `not valid JSON (is the file complete?): ${detail}`);
  }
  if (suspicious) checkShape(value);
  return value;
}

/**
 * Fewer objects and lists than this per byte in any valid file: its smallest record (an answer such as
 * `"a.b":{"value":"no"}`) takes about 20 bytes. Text packed tighter (`[{},{},{},…]`) would cost far more memory
 * parsed than it takes as text, so it is refused before it is parsed.
 */
const MIN_BYTES_PER_CONTAINER = 8;

/**
 * One pass over the text before JSON.parse builds anything: refuses nesting deeper than MAX_DEPTH, and more
 * objects and lists than a valid file of this size could have, so hostile text costs a scan, not gigabytes.
 * It also notes any key that is, or might be once its escapes are read, one that reaches a prototype: only then
 * is the parsed value walked to find where it stands, so a valid file is read in one pass over its text.
 * @returns whether the parsed value must be walked for such keys.
 */
function scanText(text: string): boolean {
  const allowedContainers = Math.max(10_000, Math.floor(text.length / MIN_BYTES_PER_CONTAINER));
  let depth = 0;
  let containers = 0;
  let inString = false;
  let stringStart = 0;
  let escaped = false;
  let suspicious = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) {
        escaped = true;
        i += 1; // a backslash escapes the next character
      } else if (code === 0x22) {
        inString = false;
        const length = i - stringStart - 1;
        if (!suspicious && (escaped || length === 9 || length === 11) && isKey(text, i + 1)) {
          suspicious = escaped || FORBIDDEN_KEYS.has(text.slice(stringStart + 1, i));
        }
      }
      continue;
    }
    if (code === 0x22) {
      inString = true;
      stringStart = i;
      escaped = false;
    } else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      containers += 1;
      if (depth > MAX_DEPTH) {
        throw new InterchangeError([], `nested more than ${MAX_DEPTH} levels deep; no valid file is`);
      }
      if (containers > allowedContainers) {
        throw new InterchangeError(
          [],
          'holds far more objects and lists for its size than any Casescore export; it is not one',
        );
      }
    } else if (code === 0x7d || code === 0x5d) depth -= 1;
  }
  return suspicious;
}

/** Whether the string that ended just before `from` is an object's key: a colon follows it. */
function isKey(text: string, from: number): boolean {
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x3a) return true;
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return false;
  }
  return false;
}

/** A node met on the walk: its value, depth, and how to find its path if a problem is found there. */
interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Visit | null;
  readonly key: PathSegment | null;
}

function pathOf(visit: Visit): PathSegment[] {
  const path: PathSegment[] = [];
  for (let v: Visit | null = visit; v && v.key !== null; v = v.parent) path.push(v.key);
  return path.reverse();
}

/**
 * Walks the value without recursion, so hostile nesting cannot overflow the stack. Paths are rebuilt only for a
 * problem, so a large valid file costs one visit per value.
 */
function checkShape(root: unknown): void {
  const stack: Visit[] = [{ value: root, depth: 0, parent: null, key: null }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    const { value, depth } = visit;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      throw new InterchangeError(
        pathOf(visit),
        `nested more than ${MAX_DEPTH} levels deep; no valid file is`,
      );
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object')
          stack.push({ value: item, depth: depth + 1, parent: visit, key: i });
      }
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new InterchangeError([...pathOf(visit), key], `the key "${key}" is not allowed`);
      }
    }
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i] as string;
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object')
        stack.push({ value: item, depth: depth + 1, parent: visit, key });
    }
  }
}
