import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExport, serialiseExport, tryParseExport } from '#shared/interchange';
import { inspectionProgress } from '#shared/scoring';
import {
  applyImport,
  CasescoreDatabase,
  database,
  exportInspections,
  loadLondonDemo,
  replaceDatabase,
} from '../../../renderer/db';
import { readImport } from '../../../renderer/features/transfer/transfer';
import { inspectionArbitrary, noteText } from '../../helpers/arbitraries';
import { TEAM_FILE } from '../../helpers/merge-decisions';
import { fakeDesktop } from '../fake-platform';

/** Everything in the database, for before-and-after comparisons. */
async function everything() {
  const db = database();
  return {
    inspections: await db.inspections.toArray(),
    cases: await db.cases.toArray(),
    audit: await db.audit.toArray(),
  };
}

const NONE = { choices: {}, clashes: {} };

describe('export, import into an empty database, export again', () => {
  it('gives the same content, notes with every kind of character included', async () => {
    const files = fc
      .array(inspectionArbitrary(5), { minLength: 1, maxLength: 3 })
      .map((list) =>
        list.map((inspection, i) => ({
          ...inspection,
          id: `inspection-${i}`,
          cases: inspection.cases.map((c) => ({ ...c, id: `${i}-${c.id}` })),
        })),
      )
      .map((list) => createExport(list, new Date('2026-11-26T10:00:00.000Z')));
    await fc.assert(
      fc.asyncProperty(files, async (file) => {
        replaceDatabase(new CasescoreDatabase(`round-trip-${crypto.randomUUID()}`));
        const parsed = tryParseExport(serialiseExport(file));
        if (!parsed.ok) throw parsed.error;
        await applyImport(parsed.file, NONE, 'KM', 'file.json', TEAM_FILE);
        const again = await exportInspections();
        const withoutTrail = (list: typeof file.inspections) =>
          list
            .map(({ audit: _audit, progress: _progress, ...rest }) => rest)
            .sort((a, b) => a.id.localeCompare(b.id));
        expect(withoutTrail(again.inspections)).toEqual(withoutTrail(file.inspections));
        // The derived progress is written afresh from what was imported.
        for (const inspection of again.inspections) {
          const original = file.inspections.find((i) => i.id === inspection.id)!;
          expect(inspection.progress).toEqual(inspectionProgress(original));
        }
        // The trail gains exactly one entry per inspection: the import itself.
        for (const inspection of again.inspections)
          expect(inspection.audit?.map((a) => a.action)).toEqual(['imported']);
        database().close();
      }),
      { numRuns: 25 },
    );
  });
});

describe('hostile and malformed files', () => {
  it.each([
    ['an empty file', ''],
    [
      'a truncated file',
      '{"format":"casescore.inspections","formatVersion":1,"exportedAt":"2026-11-26T10:00:00Z","inspections":[{"id":',
    ],
    ['wrong types', '{"format":"casescore.inspections","formatVersion":"1","exportedAt":5,"inspections":{}}'],
    ['a __proto__ key', '{"__proto__":{"polluted":true},"format":"casescore.inspections","formatVersion":1}'],
    ['deep nesting', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    [
      'a huge string',
      JSON.stringify({
        format: 'casescore.inspections',
        formatVersion: 1,
        exportedAt: '2026-11-26T10:00:00Z',
        inspections: [{ id: 'x'.repeat(1_000_000) }],
      }),
    ],
  ])('%s ends in a clear error, with no write and no prototype changed', async (_, text) => {
    await loadLondonDemo('KM');
    const before = await everything();
    const outcome = await readImport(fakeDesktop({ open: { name: 'bad.json', text } }).platform);
    expect(outcome && 'kind' in outcome && outcome.kind).toBe('error');
    expect(outcome && 'text' in outcome && outcome.text).toMatch(
      /^bad.json was not imported: .+: .+\. Nothing was changed\.$/,
    );
    expect(await everything()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never crashes on random damage to a valid file: a clear error or a valid plan, and no write', async () => {
    const valid = serialiseExport(createExport([], new Date('2026-11-26T10:00:00.000Z')));
    const base = JSON.parse(valid) as Record<string, unknown>;
    const damaged = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.nat(valid.length).map((n) => valid.slice(0, n)),
      fc
        .record({
          key: fc.constantFrom(
            'format',
            'formatVersion',
            'exportedAt',
            'inspections',
            'checksum',
            '__proto__',
            'constructor',
          ),
          value: fc.jsonValue(),
        })
        .map(({ key, value }) => JSON.stringify({ ...base, [key]: value })),
      fc
        .record({
          inspection: fc.dictionary(
            fc.constantFrom(
              'id',
              'name',
              'framework',
              'options',
              'cases',
              'judgements',
              'overrides',
              '__proto__',
            ),
            fc.jsonValue(),
          ),
          note: noteText,
        })
        .map(({ inspection }) => JSON.stringify({ ...base, checksum: undefined, inspections: [inspection] })),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async (text) => {
        const before = await everything();
        const outcome = await readImport(fakeDesktop({ open: { name: 'damaged.json', text } }).platform);
        if (outcome && 'kind' in outcome && outcome.kind !== 'locked')
          expect(outcome.text).toMatch(/^damaged.json was not imported: .+\. Nothing was changed\.$/);
        expect(await everything()).toEqual(before);
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 150 },
    );
  });
});

describe('a failed import', () => {
  it('leaves the database exactly as it was when the disk fails half way through', async () => {
    await loadLondonDemo('KM');
    const file = await exportInspections();
    // A second copy of the region under new ids: 248 cases to write.
    const copy = createExport(
      file.inspections.map((i) => ({
        ...i,
        id: `copy-${i.id}`,
        cases: i.cases.map((c) => ({ ...c, id: `copy-${c.id}` })),
      })),
      new Date(),
    );
    const before = await everything();
    let written = 0;
    const failHalfWay = () => {
      written += 1;
      if (written > 120) throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    database().cases.hook('creating', failHalfWay);
    await expect(applyImport(copy, NONE, 'KM', 'copy.json', TEAM_FILE)).rejects.toThrow();
    database().cases.hook('creating').unsubscribe(failHalfWay);
    expect(written).toBeGreaterThan(120);
    expect(await everything()).toEqual(before);
  });
});
