import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenCharacterProblem, ID_PATTERN, referenceKey, tidyReference } from '#shared/text';

describe('the one reference rule', () => {
  it('ignores spaces and letter case, and compares in Unicode NFC', () => {
    expect(referenceKey('CR 0003')).toBe(referenceKey('cr0003'));
    expect(referenceKey(' CR0003 ')).toBe(referenceKey('CR0003'));
    // "é" typed as one character or as "e" and a combining accent is the same reference.
    expect(referenceKey('Caf\u00e9-1')).toBe(referenceKey('Cafe\u0301-1'));
    expect(referenceKey('CR0003')).not.toBe(referenceKey('CR0030'));
  });

  it('is idempotent and unchanged by tidying', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(referenceKey(referenceKey(text))).toBe(referenceKey(text));
        expect(referenceKey(tidyReference(text))).toBe(referenceKey(text));
      }),
    );
  });

  it('keeps a reference as typed, trimmed, runs of spaces made one', () => {
    expect(tidyReference('  CR   0003 ')).toBe('CR 0003');
  });
});

describe('hidden characters', () => {
  it.each([
    ['HFK-\u202E100', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['CR\u200B0003', 'U+200B ZERO WIDTH SPACE'],
    ['A\u0000B', 'U+0000 NUL'],
    ['Line\nbreak', 'U+000A LINE FEED'],
    ['\uFEFFBOM', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
  ])('refuses %j, naming %s', (text, name) => {
    expect(hiddenCharacterProblem(text, 'The reference')).toBe(
      `The reference contains an invisible or control character (${name}); type it again without it.`,
    );
  });

  it('accepts ordinary text in any script', () => {
    for (const text of ['CR-0003', 'Ealing & Hillingdon PDU', 'Ünïcödé', 'Ysbyty Gwynedd', 'Łódź 1']) {
      expect(hiddenCharacterProblem(text, 'The name')).toBeNull();
    }
  });
});

describe('ids', () => {
  it('are plain characters only, so an id can never break an address', () => {
    expect(ID_PATTERN.test('london-2022-newham-case-001')).toBe(true);
    expect(ID_PATTERN.test(crypto.randomUUID())).toBe(true);
    for (const bad of ['x/report', '', 'a b', '../etc', '%2F', 'new?x', '-leading']) {
      expect(ID_PATTERN.test(bad)).toBe(false);
    }
  });
});
