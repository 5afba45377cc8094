/**
 * Text a person types for a name or a reference must be what it looks like. Control characters (NUL, escape…)
 * and format characters (bidirectional overrides, zero-width spaces and joiners) are invisible or reorder what
 * is shown, so a reversed reference could pose as another case's: such text is refused with a message naming
 * the character.
 */

// Cc: control characters; Cf: format characters (bidi controls, zero-width space/joiners, soft hyphen, BOM…).
const HIDDEN = /[\p{Cc}\p{Cf}]/u;

/** The Unicode name of the most common hidden characters, for messages people can act on. */
const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0xad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** "U+202E RIGHT-TO-LEFT OVERRIDE" */
function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[code];
  return name ? `U+${hex} ${name}` : `U+${hex}`;
}

/**
 * Why this text cannot be a name or reference, or null when it can. `what` names the field ("The reference").
 */
export function hiddenCharacterProblem(text: string, what: string): string | null {
  const found = HIDDEN.exec(text);
  if (!found) return null;
  return `${what} contains an invisible or control character (${describeCharacter(found[0])}); type it again without it.`;
}

/** Whether the text holds a control or format character. */
export function hasHiddenCharacter(text: string): boolean {
  return HIDDEN.test(text);
}

/** The characters an id may have: letters, digits, dot, underscore, colon and hyphen, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
