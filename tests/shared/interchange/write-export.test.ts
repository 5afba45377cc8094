// The app's writer (`writeExportFile`: native checksum over the inspections' compact texts, signed) must write
// exactly what the plain writer (`serialiseExport`, plain TypeScript) writes, and a signed file exactly that text
// with the signature signing it gives, for any file: frameworks carried or not, notes in any script.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createExport,
  makeSigningKeys,
  readExportFile,
  serialiseExport,
  tryReadExportFile,
  signFile,
  writeExportFile,
  type ExportFile,
} from '#shared/interchange';
import { withFrameworks } from '#shared/framework';
import { inspectionArbitrary } from '../../helpers/arbitraries';
import { createLondonDemo } from '../../../seeds';
import { loadYouth2021, youth2021Inspection } from '../../helpers/youth-2021';

const AT = new Date('2026-11-27T06:00:00.000Z');

const files = fc
  .record({
    inspections: fc.array(inspectionArbitrary(4), { maxLength: 3 }),
    notice: fc.option(fc.string(), { nil: undefined }),
    withoutFrameworks: fc.boolean(),
  })
  .map(({ inspections, notice, withoutFrameworks }): ExportFile => {
    const file = createExport(
      inspections.map((inspection, i) => ({ ...inspection, id: `inspection-${i}` })),
      AT,
    );
    const { frameworks: _frameworks, ...rest } = file;
    const chosen = withoutFrameworks ? rest : file;
    return notice === undefined ? chosen : { ...chosen, notice };
  });

describe('the app’s writer', () => {
  it('writes the plain writer’s text for any file, frameworks carried or not', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (file) => {
        expect(await writeExportFile(file)).toBe(serialiseExport(file));
      }),
      { numRuns: 150 },
    );
  });

  it('signs the plain writer’s file as signing it gives, for any file', async () => {
    const keys = await makeSigningKeys();
    await fc.assert(
      fc.asyncProperty(files, async (file) => {
        const unsigned = serialiseExport(file);
        const before = await signFile(JSON.parse(unsigned) as Record<string, unknown>, keys);
        const text = await writeExportFile(file, keys);
        expect(text.startsWith(unsigned.slice(0, -'\n}\n'.length))).toBe(true);
        expect(JSON.parse(text)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('writes the header a member a line, and each inspection compact on a line of its own', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (file) => {
        const text = await writeExportFile(file);
        const parsed = JSON.parse(text) as ExportFile;
        const lines = text.split('\n');
        const inspectionLines = lines.filter((line) => line.startsWith('    {"id":'));
        expect(inspectionLines.map((line) => JSON.parse(line.replace(/,$/, '')) as unknown)).toEqual(
          parsed.inspections,
        );
        expect(lines).toContain('  "formatVersion": 4,');
        expect(text.endsWith('\n}\n')).toBe(true);
        // The same text JSON.stringify writes for everything but the inspections.
        const { inspections: _i, ...rest } = parsed;
        expect(text.startsWith(JSON.stringify(rest, null, 2).slice(0, -'\n}'.length))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('writes the plain writer’s text for a file carrying a framework’s definition', async () => {
    const { framework, hash } = loadYouth2021();
    await withFrameworks([framework], async () => {
      const file = createExport([youth2021Inspection('requires-improvement', hash)], AT);
      expect(file.frameworks?.[0]?.definition).toBeDefined();
      expect(await writeExportFile(file)).toBe(serialiseExport(file));
    });
  });
});

describe('reading a signed file (the signed bytes made from its text)', () => {
  it('verifies any file the app signed, and the same file written any other way', async () => {
    const keys = await makeSigningKeys();
    await fc.assert(
      fc.asyncProperty(files, async (file) => {
        const text = await writeExportFile(file, keys);
        expect((await readExportFile(text)).signature.state).toBe('verified');
        // Compact, and with every "a" of its text escaped (which the text path leaves to the data path).
        const compact = JSON.stringify(JSON.parse(text));
        expect((await readExportFile(compact)).signature.state).toBe('verified');
        const escaped = compact.replaceAll('"format":', '"form\\u0061t":');
        expect((await readExportFile(escaped)).signature.state).toBe('verified');
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a signed file changed anywhere, and reads it with its keys reordered', async () => {
    const keys = await makeSigningKeys();
    const text = await writeExportFile(createExport(createLondonDemo().slice(0, 1), AT), keys);
    const changes = [
      text.replace('"exportedAt": "2026', '"exportedAt": "2025'),
      text.replace('"name":"', '"name":"X'),
      text.replace(/"inspections": \[/, '"inspections": [ ').replace('"by":"', '"by":"Z'),
    ];
    for (const changed of changes) {
      expect(changed).not.toBe(text);
      const read = await tryReadExportFile(changed);
      if (read.ok) throw new Error('a changed signed file was read');
      expect(read.error.message).toMatch(/signature: the file was changed after it was signed/);
    }
    // Spaces and key order are not content: the same data written otherwise still verifies.
    const reordered = JSON.stringify(
      Object.fromEntries(Object.entries(JSON.parse(text) as object).reverse()),
    );
    expect((await readExportFile(reordered)).signature.state).toBe('verified');
  });
});
