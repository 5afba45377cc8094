// A colleague's hostile edits to a signed format 4 file (the signature covers the header and its checksum; the
// checksum is taken from the file's own text where it can be): every edit that changes what the file holds is
// refused as changed after signing, however it is written (a member twice, a key spelt with escapes, a member
// hidden elsewhere); edits that change only how the same content is written still read as verified.
import { describe, expect, it } from 'vitest';
import { createLondonDemo } from '../../../seeds';
import { createExport, makeSigningKeys, parseSignedExport, writeExportFile } from '#shared/interchange';
import { compactMemberBytes } from '#shared/interchange/compact-member.ts';

const keys = await makeSigningKeys();
const file = createExport(createLondonDemo(), new Date('2026-11-27T05:00:00Z'));
const signed = await writeExportFile(file, keys);
const name0 = file.inspections[0]!.name;

async function read(text: string) {
  const r = await parseSignedExport(text);
  return r.ok
    ? { ok: true as const, state: r.signature.state, file: r.file }
    : { ok: false as const, message: `${r.error.path.join('.')}: ${r.error.message}` };
}

/** The text of the inspections member's array (from '[' to matching ']'), by position. */
function inspectionsSpan(text: string): [number, number] {
  const s = text.indexOf('"inspections": [') + '"inspections": '.length;
  const e = text.indexOf('\n  ],', s) + '\n  ]'.length;
  return [s, e];
}
const [s, e] = inspectionsSpan(signed);
const original = signed.slice(s, e);
const tampered = original.replace(JSON.stringify(name0), JSON.stringify('EVIL'));

describe('a signed format 4 file edited by hand', () => {
  it('baseline verifies', async () => {
    const r = await read(signed);
    expect(r).toMatchObject({ ok: true, state: 'verified' });
  });

  it('tampered inspection is refused as changed after signing', async () => {
    const r = await read(signed.slice(0, s) + tampered + signed.slice(e));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/changed after it was signed/);
  });

  it('duplicate inspections (original first, tampered last) is refused', async () => {
    const text = `${signed.slice(0, e)},\n  "inspections": ${tampered}${signed.slice(e)}`;
    expect(JSON.parse(text).inspections[0].name).toBe('EVIL');
    expect(compactMemberBytes(text, 'inspections')).toBeNull();
    const r = await read(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/changed after it was signed/);
  });

  it('duplicate via escaped key "\\u0069nspections" after the original is refused', async () => {
    const text = `${signed.slice(0, e)},\n  "\\u0069nspections": ${tampered}${signed.slice(e)}`;
    expect(JSON.parse(text).inspections[0].name).toBe('EVIL');
    const r = await read(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/changed after it was signed/);
  });

  it('escaped key before the original, tampered, is refused', async () => {
    const head = signed.indexOf('{') + 1;
    const text = `${signed.slice(0, head)}"\\u0069nspections": ${tampered},${signed.slice(head)}`;
    expect(JSON.parse(text).inspections[0].name).toBe(name0); // JSON.parse keeps the last: original
    const r = await read(text);
    expect(r).toMatchObject({ ok: true, state: 'verified' });
    if (r.ok) expect(r.file.inspections[0]!.name).toBe(name0);
  });

  it('"inspections" hidden inside the (unsigned) signature member does not fool the scan', async () => {
    const sig = signed.lastIndexOf('"signature": {') + '"signature": {'.length;
    const text = `${signed.slice(0, sig)}"inspections": ${tampered},${signed.slice(sig)}`;
    const r = await read(text);
    expect(r.ok ? r.file.inspections[0]!.name : 'refused').toBe(name0);
  });

  it('inspections as {}, "x", missing: refused as changed after signing', async () => {
    for (const replacement of ['{}', '"x"', '[]', 'null']) {
      const r = await read(signed.slice(0, s) + replacement + signed.slice(e));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message, replacement).toMatch(/changed after it was signed/);
    }
    const obj = JSON.parse(signed);
    delete obj.inspections;
    const r = await read(JSON.stringify(obj));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/changed after it was signed/);
  });

  it('reads a member this version does not know, added to a signed inspection, as verified but leaves it out', async () => {
    const inj = original.replace('{"id":', '{"injected":"not signed","id":');
    const r = await read(signed.slice(0, s) + inj + signed.slice(e));
    expect(r).toMatchObject({ ok: true, state: 'verified' });
    if (r.ok) expect(JSON.stringify(r.file)).not.toContain('injected');
  });

  it('cross-version: formatVersion 3, checksum dropped, format renamed: refused', async () => {
    const obj = JSON.parse(signed);
    for (const change of [
      (o: Record<string, unknown>) => ({ ...o, formatVersion: 3 }),
      (o: Record<string, unknown>) => {
        const { checksum: _c, ...rest } = o;
        return rest;
      },
      (o: Record<string, unknown>) => ({ ...o, format: 'casescore.inspections ' }),
    ]) {
      const r = await read(JSON.stringify(change(obj)));
      expect(r.ok).toBe(false);
    }
  });

  it('BOM, respaced, respelt numbers: read as the signed content', async () => {
    const variants = [
      `\ufeff${signed}`,
      JSON.stringify(JSON.parse(signed), null, '\t'),
      signed.replace('"formatVersion": 4', '"formatVersion": 4.0'),
      signed.slice(0, s) + original.replace(/"counter":(\d+)/, '"counter":$1.0') + signed.slice(e),
    ];
    for (const v of variants) {
      const r = await read(v);
      expect(r).toMatchObject({ ok: true, state: 'verified' });
      if (r.ok) expect(r.file.inspections[0]!.name).toBe(name0);
    }
  });

  it('lone surrogate / \\u escapes inside a string', async () => {
    for (const rep of ['"EV\\ud800IL"', '"\\u0045VIL"']) {
      const r = await read(
        signed.slice(0, s) + original.replace(JSON.stringify(name0), rep) + signed.slice(e),
      );
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/changed after it was signed/);
    }
    // the same name spelt with an escape: same content, accepted
    const spelt = JSON.stringify(name0).replace(
      /^"(.)/,
      (_m, c: string) => `"\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    const r = await read(
      signed.slice(0, s) + original.replace(JSON.stringify(name0), spelt) + signed.slice(e),
    );
    expect(r).toMatchObject({ ok: true, state: 'verified' });
  });

  it('duplicate key inside an inspection (tampered last) is refused', async () => {
    const inj = original
      .replace('{"id":', `{"name":${JSON.stringify('x')},"id":`)
      .replace(JSON.stringify(name0), `${JSON.stringify(name0)},"name":"EVIL"`);
    const r = await read(signed.slice(0, s) + inj + signed.slice(e));
    expect(r.ok).toBe(false);
  });
});
