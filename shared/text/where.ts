/**
 * Words for where a problem is in a file someone wrote (an export, a framework file): "the 2nd key question", a
 * name cut short to quote, and the plain object found at a place, if that is what is there.
 */

/** The value as a plain object to read fields from, or undefined for anything else (null, arrays, scalars). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** "1st", "2nd", "3rd", "11th" for the item at a zero-based index. */
export function ordinal(index: number): string {
  const n = index + 1;
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** The text, cut to at most `max` characters with an ellipsis where it is longer. */
export function cutShort(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
