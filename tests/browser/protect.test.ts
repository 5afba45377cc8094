// Files that leave the laptop, in real Chromium under a strict CSP like the app's: an export encrypted to a
// passphrase with age opens only with that passphrase, and an anonymised export rates exactly as the original.
import { beforeAll, describe, expect, it } from 'vitest';
import sampleText from '../../seeds/samples/london-2022.json?raw';
import { parseExport, serialiseExport } from '#shared/interchange';
import { rateInspection } from '#shared/scoring';
import {
  anonymiseExport,
  ANONYMISED_NOTICE,
  decryptFile,
  encryptText,
  isEncryptedFile,
  newPseudonymKey,
  WITHHELD_REASON,
} from '../../renderer/features/transfer/protect';

beforeAll(() => {
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = "script-src 'self'; object-src 'none'";
  document.head.append(policy);
});

/** Every figure, band and rating (and override rating) of an inspection; only the overrides' reasons left out. */
function ratingWithoutReasons(inspection: Parameters<typeof rateInspection>[0]): unknown {
  return JSON.parse(
    JSON.stringify(rateInspection(inspection), (key, value) => (key === 'reason' ? undefined : value)),
  );
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('in Chromium, under a strict CSP', () => {
  it(
    'encrypts an export to a passphrase and opens it only with that passphrase',
    { timeout: 120_000 },
    async () => {
      expect(() => eval('1')).toThrow(EvalError);
      const encrypted = await encryptText(sampleText, 'correct horse battery staple');
      expect(encrypted.startsWith('-----BEGIN AGE ENCRYPTED FILE-----\n')).toBe(true);
      expect(isEncryptedFile(bytes(encrypted))).toBe(true);
      expect(isEncryptedFile(bytes(sampleText))).toBe(false);
      // Nothing of the content shows through: not a reference, not a name.
      const firstReference = (parseExport(sampleText).inspections[0]!.cases[0] as { reference: string })
        .reference;
      expect(encrypted).not.toContain(firstReference);
      expect(encrypted).not.toContain('Newham');
      const opened = new TextDecoder().decode(
        await decryptFile(bytes(encrypted), 'correct horse battery staple'),
      );
      expect(opened).toBe(sampleText);
      await expect(decryptFile(bytes(encrypted), 'wrong horse battery staple')).rejects.toThrow(
        'the passphrase is not the one it was encrypted with',
      );
      // A changed character anywhere in the body is detected, not decrypted into something else.
      const lines = encrypted.split('\n');
      const middle = Math.floor(lines.length / 2);
      lines[middle] = `${lines[middle]![0] === 'A' ? 'B' : 'A'}${lines[middle]!.slice(1)}`;
      await expect(decryptFile(bytes(lines.join('\n')), 'correct horse battery staple')).rejects.toThrow(
        /damaged|changed/,
      );
    },
  );

  it('anonymises references with keyed pseudonyms, leaves notes and the audit out, and rates identically', async () => {
    const original = parseExport(sampleText);
    const withNotes = structuredClone(original);
    const first = withNotes.inspections[0]!;
    const live = first.cases.find((c) => !c.deleted)!;
    if (live.deleted) throw new Error('expected a live case');
    live.note = 'Victim is the partner, lives at 4 Acacia Road';
    Object.values(live.answers)[0]!.note = 'Risk to the children not assessed';
    first.overrides = { assessment: { rating: 'good', reason: 'Met the partner agency', by: 'KM' } };
    first.audit = [{ at: '2022-09-05T10:00:00.000Z', by: 'KM', action: 'note', before: 'X', after: 'Y' }];

    const key = await newPseudonymKey();
    const anonymised = await anonymiseExport(withNotes, key);
    // It is still a valid export, and reads back.
    const text = serialiseExport(anonymised);
    const reread = parseExport(text);
    expect(reread.anonymised).toBe(true);
    expect(reread.notice).toBe(ANONYMISED_NOTICE);
    for (const [i, inspection] of withNotes.inspections.entries()) {
      expect(ratingWithoutReasons(reread.inspections[i]!)).toEqual(ratingWithoutReasons(inspection));
    }
    expect(text).not.toContain('Acacia');
    expect(text).not.toContain('children not assessed');
    expect(text).not.toContain('Met the partner agency');
    expect(reread.inspections[0]!.overrides.assessment?.reason).toBe(WITHHELD_REASON);
    expect(reread.inspections.every((i) => i.audit === undefined)).toBe(true);
    const references = original.inspections.flatMap((i) =>
      i.cases.flatMap((c) => (c.deleted ? [] : [c.reference])),
    );
    for (const reference of references.slice(0, 50)) expect(text).not.toContain(`"${reference}"`);
    const pseudonyms = reread.inspections.flatMap((i) =>
      i.cases.flatMap((c) => (c.deleted ? [] : [c.reference])),
    );
    expect(pseudonyms.every((p) => /^case-[0-9a-f]{12}$/.test(p))).toBe(true);
    expect(new Set(pseudonyms).size).toBe(pseudonyms.length);
    // The same key gives the same pseudonyms (one file is consistent); a fresh key gives others.
    const again = await anonymiseExport(withNotes, key);
    expect(again.inspections[0]!.cases.map((c) => !c.deleted && c.reference)).toEqual(
      anonymised.inspections[0]!.cases.map((c) => !c.deleted && c.reference),
    );
    const other = await anonymiseExport(withNotes);
    expect(other.inspections[0]!.cases.map((c) => !c.deleted && c.reference)).not.toEqual(
      anonymised.inspections[0]!.cases.map((c) => !c.deleted && c.reference),
    );
  });
});
