// The checksum and the signature are taken over UTF-8 bytes written by `encodeUtf8` (a plain loop, lone
// surrogates as U+FFFD): it must give exactly the bytes TextEncoder.encode gives, or a file's checksum or
// signature would change. `writeUtf8` writes the same bytes after what a buffer already holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUtf8, writeUtf8 } from '#shared/interchange/utf8.ts';

const encode = (text: string) => [...new TextEncoder().encode(text)];

describe('encodeUtf8', () => {
  it.each([
    ['nothing', ''],
    ['ASCII', '{"a":"b"}'],
    ['an accent first', 'é and the rest ASCII'],
    ['an accent last', 'ASCII and then é'],
    ['a surrogate pair where the first buffer ends', `${'a'.repeat(7)}\u{1F600}`],
    ['a surrogate pair alone', '\u{1F600}'],
    ['a lone high surrogate at the end', 'abc\ud800'],
    ['a lone low surrogate first', '\udc00abc'],
    ['three-byte characters only', '✓✓✓✓'],
  ])('gives the bytes TextEncoder.encode gives for %s', (_, text) => {
    expect([...encodeUtf8(text)]).toEqual(encode(text));
  });

  it('gives the bytes TextEncoder.encode gives for any text, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme-ascii' }),
          fc.string(),
          fc
            .tuple(fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'binary' }))
            .map(([a, b]) => a + b),
        ),
        (text) => {
          expect([...encodeUtf8(text)]).toEqual(encode(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes after what the buffer holds, and says where its bytes end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'binary' }), (head, text) => {
        const out = new Uint8Array(head.length + text.length * 3);
        out.set(new TextEncoder().encode(head));
        const end = writeUtf8(text, out, head.length);
        expect([...out.subarray(0, end)]).toEqual(encode(head + text));
      }),
      { numRuns: 300 },
    );
  });
});
