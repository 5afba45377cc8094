// A signed export is the unsigned file's text with the signature added as its last member: the same signature
// signing the unsigned file would give (Ed25519 signs the same bytes the same way), and it verifies.
import { describe, expect, it } from 'vitest';
import { createLondonDemo } from '../../../seeds';
import {
  checkSignature,
  createExport,
  makeSigningKeys,
  serialiseExport,
  serialiseSignedExport,
  signFile,
  writeExportFile,
} from '#shared/interchange';

describe('a signed export', () => {
  it('is the unsigned text with the signature last, from both writers, and verifies', async () => {
    const keys = await makeSigningKeys();
    const file = createExport(createLondonDemo(), new Date('2026-11-27T05:00:00Z'));
    const unsigned = serialiseExport(file);
    const expected = await signFile(JSON.parse(unsigned) as Record<string, unknown>, keys);
    for (const text of [await serialiseSignedExport(file, keys), await writeExportFile(file, keys)]) {
      expect(text.startsWith(unsigned.slice(0, -'\n}\n'.length))).toBe(true);
      expect(text.endsWith('\n  }\n}\n')).toBe(true);
      expect(JSON.parse(text)).toEqual(expected);
      expect((await checkSignature(JSON.parse(text) as Record<string, unknown>)).state).toBe('verified');
    }
  });
});
