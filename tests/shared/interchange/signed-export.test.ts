// A signed export is written by adding the signature to the text already written: it must be exactly the text
// of the signed file as JSON.stringify writes it (what Casescore wrote before), and verify.
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
  it('is the signed file as JSON.stringify writes it, from both writers, and verifies', async () => {
    const keys = await makeSigningKeys();
    const file = createExport(createLondonDemo(), new Date('2026-11-27T05:00:00Z'));
    // What the writers did before: read the unsigned text back, sign it, and write it all again.
    const unsigned = serialiseExport(file);
    const expected = `${JSON.stringify(await signFile(JSON.parse(unsigned) as Record<string, unknown>, keys), null, 2)}\n`;
    expect(await serialiseSignedExport(file, keys)).toBe(expected);
    expect(await writeExportFile(file, keys)).toBe(expected);
    const check = await checkSignature(JSON.parse(expected) as Record<string, unknown>);
    expect(check.state).toBe('verified');
  });
});
