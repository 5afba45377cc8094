// Every schema version is kept; each upgrade is tested by opening the previous version with data, upgrading,
// and checking every row came through.
import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CasescoreDatabase, summaryOf, toExportedInspection } from '../../../renderer/db';
import { createLondonDemo } from '../../../seeds';
import { fromExportedInspection } from '../../../renderer/db/snapshot';
import { rateInspection } from '#shared/scoring';

/** The database exactly as an earlier schema version declared it. */
function declaredAs(name: string, version: 1 | 2 | 3 | 4): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    inspections: 'id, updatedAt',
    cases: 'id, inspectionId, [inspectionId+reference]',
    audit: '++seq, inspectionId, caseId, at',
    settings: 'key',
  });
  if (version >= 2) db.version(2).stores({ backups: 'name, writtenAt' });
  if (version >= 3) {
    db.version(3).stores({
      cases: 'id, inspectionId, [inspectionId+reference], [inspectionId+referenceKey]',
    });
  }
  if (version >= 4) db.version(4).stores({ summaries: 'inspectionId' });
  return db;
}

function versionOne(name: string): Dexie {
  return declaredAs(name, 1);
}

describe('schema upgrades', () => {
  it('version 1 to the current keeps every inspection, case, audit entry and setting, and adds browser backups', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = versionOne(name);
    const demo = createLondonDemo();
    const rows = demo.map((i) => fromExportedInspection(i, '2022-11-24T09:00:00.000Z', 'KM'));
    await old.table('inspections').bulkPut(rows.map((r) => r.inspection));
    await old.table('cases').bulkPut(rows.flatMap((r) => r.cases));
    await old.table('audit').bulkAdd(
      demo.map((i) => ({
        at: '2022-11-24T09:00:00.000Z',
        by: 'KM',
        inspectionId: i.id,
        action: 'demo-loaded',
        before: null,
        after: 41,
      })),
    );
    await old.table('settings').put({ key: 'initials', value: 'KM' });
    old.close();

    const upgraded = new CasescoreDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(4);
    expect(await upgraded.inspections.count()).toBe(6);
    expect(await upgraded.cases.count()).toBe(248);
    expect(await upgraded.audit.count()).toBe(6);
    expect(await upgraded.settings.get('initials')).toEqual({ key: 'initials', value: 'KM' });
    expect(await upgraded.backups.count()).toBe(0);
    expect(await upgraded.summaries.count()).toBe(6);
    // Every row came through intact: the ratings are still annexe two's.
    for (const inspection of demo) {
      const stored = (await upgraded.inspections.get(inspection.id))!;
      const cases = await upgraded.cases.where('inspectionId').equals(inspection.id).toArray();
      expect(rateInspection(toExportedInspection(stored, cases)).score).toBe(
        rateInspection(inspection).score,
      );
      expect(cases).toEqual(
        rows.find((r) => r.inspection.id === inspection.id)!.cases.sort((a, b) => a.id.localeCompare(b.id)),
      );
    }
    upgraded.close();
  });

  it('version 2 to 3 gives every case its reference key, so "CR 0003" and "cr0003" are found as one', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = declaredAs(name, 2);
    const base = { inspectionId: 'i-1', caseType: 'community', attributes: {}, answers: {}, by: 'KM' };
    const at = '2022-09-05T09:00:00.000Z';
    await old.table('cases').bulkPut([
      { ...base, id: 'c-1', reference: 'CR 0003', createdAt: at, updatedAt: at },
      { ...base, id: 'c-2', reference: 'X-1', createdAt: at, updatedAt: at },
    ]);
    old.close();
    const upgraded = new CasescoreDatabase(name);
    await upgraded.open();
    expect((await upgraded.cases.get('c-1'))?.referenceKey).toBe('cr0003');
    const found = await upgraded.cases
      .where('[inspectionId+referenceKey]')
      .equals(['i-1', 'cr0003'])
      .toArray();
    expect(found.map((c) => c.id)).toEqual(['c-1']);
    expect((await upgraded.cases.get('c-2'))?.reference).toBe('X-1');
    upgraded.close();
  });

  it('version 3 to 4 gives every inspection its summary, worked out from its rows, as the screens rate it', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = declaredAs(name, 3);
    const demo = createLondonDemo();
    const rows = demo.map((i) => fromExportedInspection(i, '2022-11-24T09:00:00.000Z', 'KM'));
    // One case of the first in the bin, one erased to a tombstone; an inspection in the bin; one on a
    // framework not held here (its cases cannot be counted yet, so it has no figures and the list rates it).
    const [first, second, third] = rows;
    const binned = { ...first!.cases[0]!, deleted: true };
    const erased = { ...first!.cases[1]!, deleted: true, purged: true, answers: {} };
    const unknown = {
      ...third!.inspection,
      id: 'elsewhere',
      framework: { id: 'not-held-here', version: '1' },
    };
    await old
      .table('inspections')
      .bulkPut([
        ...rows.map((r) => r.inspection),
        { ...second!.inspection, id: 'in-the-bin', deletedAt: '2022-11-25T09:00:00.000Z' },
        unknown,
      ]);
    await old
      .table('cases')
      .bulkPut([
        binned,
        erased,
        ...rows.flatMap((r) => r.cases).slice(2),
        { ...third!.cases[0]!, id: 'elsewhere-1', inspectionId: 'elsewhere' },
      ]);
    old.close();

    const upgraded = new CasescoreDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(4);
    const summaries = await upgraded.summaries.toArray();
    expect(summaries.map((s) => s.inspectionId).sort()).toEqual(
      [...demo.map((i) => i.id), 'in-the-bin', 'elsewhere'].sort(),
    );
    for (const summary of summaries) {
      const inspection = (await upgraded.inspections.get(summary.inspectionId))!;
      const cases = await upgraded.cases.where('inspectionId').equals(inspection.id).toArray();
      expect(summary).toEqual(summaryOf(inspection, cases));
    }
    const firstSummary = summaries.find((s) => s.inspectionId === first!.inspection.id)!;
    expect(firstSummary.binned).toBe(1);
    expect(firstSummary.figures?.cases).toBe(first!.cases.length - 2);
    // The other five rate as annexe two does.
    for (const inspection of demo.slice(1)) {
      const summary = summaries.find((s) => s.inspectionId === inspection.id)!;
      expect(summary.figures?.score).toBe(rateInspection(inspection).score);
      expect(summary.figures?.rating).toBe(rateInspection(inspection).rating);
    }
    const elsewhere = summaries.find((s) => s.inspectionId === 'elsewhere')!;
    expect(elsewhere).toMatchObject({ binned: 0, sample: null, figures: null });
    upgraded.close();
  });
});

describe('fixture databases', () => {
  it('has a fixture for every schema version', () => {
    const versions = readdirSync('tests/fixtures/db').filter((f) => /^v\d+\.json$/.test(f));
    expect(versions.sort()).toEqual(
      Array.from({ length: new CasescoreDatabase('unopened').verno }, (_, i) => `v${i + 1}.json`),
    );
  });

  it.each(readdirSync('tests/fixtures/db').filter((f) => /^v\d+\.json$/.test(f)))(
    '%s opens under the current schema with every row intact',
    async (name) => {
      const fixture = JSON.parse(readFileSync(`tests/fixtures/db/${name}`, 'utf8')) as {
        schemaVersion: number;
        tables: Record<string, unknown[]>;
      };
      expect(fixture.schemaVersion).toBeLessThanOrEqual(4);
      const dbName = `fixture-${crypto.randomUUID()}`;
      const old = declaredAs(dbName, fixture.schemaVersion as 1 | 2 | 3 | 4);
      for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkPut(rows);
      old.close();
      const upgraded = new CasescoreDatabase(dbName);
      await upgraded.open();
      for (const [table, rows] of Object.entries(fixture.tables)) {
        // Every row, and no other (order aside); cases gain their reference key on the way up.
        const expected =
          table === 'cases'
            ? (rows as { reference: string }[]).map((row) => ({
                ...row,
                referenceKey: row.reference.replace(/\s+/g, '').toLowerCase(),
              }))
            : rows;
        expect(await upgraded.table(table).toArray()).toEqual(expect.arrayContaining(expected));
        expect(await upgraded.table(table).count()).toBe(rows.length);
      }
      upgraded.close();
    },
  );
});
