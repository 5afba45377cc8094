import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalJsonByParts,
  checkSignature,
  fingerprintOf,
  fromBase64,
  makeSigningKeys,
  signFile,
  toBase64,
} from '#shared/interchange/signature.ts';
import { key as jsonKey } from '../../helpers/json-text';

describe('canonical JSON', () => {
  it('gives the same text whatever order keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: undefined, c: null })).toBe('{"b":1,"c":null}');
  });

  it('is the text built piece by piece, for any data in any key order', () => {
    // The awkward keys of any JSON (kept in numeric order, look-alikes, sorted differently by code unit than by
    // code point, needing escapes), the largest array index and `__proto__`.
    const key = fc.oneof(jsonKey, fc.constantFrom('4294967295', '__proto__'));
    const data = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, undefined, 0, -0, 1.5, -1e308, Number.NaN, 2 ** 53),
        fc.string(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(data, (value) => {
        expect(canonicalJson(value)).toBe(canonicalJsonByParts(value));
      }),
      { numRuns: 2000 },
    );
    // A member named "__proto__" (own, as JSON.parse makes it) is kept when the members are put in order.
    const proto = JSON.parse('{"b":1,"__proto__":{"z":1,"a":2}}') as unknown;
    expect(canonicalJson(proto)).toBe('{"__proto__":{"a":2,"z":1},"b":1}');
    expect(canonicalJson(proto)).toBe(canonicalJsonByParts(proto));
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 1;
    bare['__proto__'] = 2;
    expect(canonicalJson(bare)).toBe('{"__proto__":2,"b":1}');
    // What is not plain JSON data is written as the definition writes it.
    const odd = { b: new Date(0), a: [() => 1, Symbol('s')], c: { toJSON: () => 'x' } };
    expect(canonicalJson(odd)).toBe(canonicalJsonByParts(odd));
  });

  it('writes data already in sorted order exactly as JSON.stringify does', () => {
    const inOrder = { a: { b: [1, { c: 2, d: 3 }] }, e: 'x' };
    expect(canonicalJson(inOrder)).toBe(JSON.stringify(inOrder));
    expect(canonicalJson({ e: 'x', a: { b: [1, { d: 3, c: 2 }] } })).toBe(JSON.stringify(inOrder));
  });
});

describe('base64', () => {
  it('round-trips bytes of every length and refuses what is not base64', () => {
    for (let n = 0; n < 70; n += 1) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    expect(fromBase64('not base64!')).toBeNull();
    expect(fromBase64('abc')).toBeNull();
  });
});

describe('signed files', () => {
  const file = {
    format: 'casescore.inspections',
    formatVersion: 3,
    inspections: [{ id: 'a', name: 'Southwark' }],
  };

  it('verifies a signed file, whatever order its keys are in, and names the key by fingerprint', async () => {
    const keys = await makeSigningKeys();
    const signed = await signFile(file, keys);
    const { inspections, ...rest } = signed;
    const reordered = JSON.parse(JSON.stringify({ inspections, ...rest }));
    const check = await checkSignature(reordered);
    expect(check.state).toBe('verified');
    expect(check.state === 'verified' && check.fingerprint).toBe(await fingerprintOf(keys.publicKey));
    expect(await fingerprintOf(keys.publicKey)).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
  });

  it('says "changed after signing" when one character of content changes', async () => {
    const keys = await makeSigningKeys();
    const signed = await signFile(file, keys);
    const tampered = { ...signed, inspections: [{ id: 'a', name: 'Southwarc' }] };
    const check = await checkSignature(tampered);
    expect(check.state).toBe('changed');
  });

  it('refuses a signature that names another key (the forger signs with theirs, claims ours)', async () => {
    const ours = await makeSigningKeys();
    const forger = await makeSigningKeys();
    const forged = await signFile(file, forger);
    const claimed = { ...forged, signature: { ...forged.signature, publicKey: ours.publicKey } };
    expect((await checkSignature(claimed)).state).toBe('changed');
  });

  it('reads a file with no signature as unsigned and a malformed one as changed', async () => {
    expect((await checkSignature(file)).state).toBe('unsigned');
    const bad = await checkSignature({
      ...file,
      signature: { algorithm: 'Ed25519', publicKey: 'AA==', value: 'x' },
    });
    expect(bad).toMatchObject({ state: 'changed', problem: expect.stringContaining('32 bytes') });
  });

  it('from export version 4, covers the header and its checksum, and refuses a signed file with no checksum', async () => {
    const keys = await makeSigningKeys();
    const four = { ...file, formatVersion: 4, checksum: `sha256:${'a'.repeat(64)}` };
    const signed = await signFile(four, keys);
    // The inspections are the checksum's to cover: the caller compares the checksum with them (parse.ts does).
    const otherInspections = { ...signed, inspections: [{ id: 'b', name: 'Lambeth' }] };
    expect((await checkSignature(otherInspections)).state).toBe('verified');
    const otherChecksum = { ...signed, checksum: `sha256:${'b'.repeat(64)}` };
    expect((await checkSignature(otherChecksum)).state).toBe('changed');
    // The version is signed: the file cannot be made to be checked by the version 3 rule, nor the other way.
    expect((await checkSignature({ ...signed, formatVersion: 3 })).state).toBe('changed');
    const three = await signFile(file, keys);
    expect((await checkSignature({ ...three, formatVersion: 4, checksum: four.checksum })).state).toBe(
      'changed',
    );
    const { checksum: _gone, ...noChecksum } = four;
    expect(await checkSignature(await signFile(noChecksum, keys))).toMatchObject({
      state: 'changed',
      problem: expect.stringContaining('carries no checksum'),
    });
    // Other formats (team lists, change batches) are signed over everything, whatever their version.
    const batch = await signFile({ format: 'casescore.batch', formatVersion: 4, inspections: [1] }, keys);
    expect((await checkSignature({ ...batch, inspections: [2] })).state).toBe('changed');
  });

  it('fingerprints the same key the same way every time and two keys differently', async () => {
    const a = await makeSigningKeys();
    const b = await makeSigningKeys();
    expect(await fingerprintOf(a.publicKey)).toBe(await fingerprintOf(a.publicKey));
    expect(await fingerprintOf(a.publicKey)).not.toBe(await fingerprintOf(b.publicKey));
  });
});
