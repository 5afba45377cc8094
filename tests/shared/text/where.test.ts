// The words for where a problem is in a file: ordinals as people write them, names cut short, objects read.
import { describe, expect, it } from 'vitest';
import { asRecord, cutShort, ordinal } from '#shared/text/where.ts';

describe('where words', () => {
  it('writes ordinals from a zero-based index, with the teens as "th"', () => {
    expect([0, 1, 2, 3, 10, 11, 12, 20, 21, 100, 110, 111, 121].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
      '112th',
      '122nd',
    ]);
  });

  it('cuts text longer than the limit to the limit, ending in an ellipsis', () => {
    expect(cutShort('Southwark', 9)).toBe('Southwark');
    expect(cutShort('Southwark PDU', 9)).toBe('Southwar…');
    expect(cutShort('Southwark PDU', 9)).toHaveLength(9);
  });

  it('reads only plain objects as records', () => {
    expect(asRecord({ id: 'x' })).toEqual({ id: 'x' });
    expect([null, [], 'x', 3, undefined].map(asRecord)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
