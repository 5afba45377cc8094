/**
 * The Casescore database: every schema version in order (never edit or remove an old one; add a new version
 * with an upgrade where data changes), and the one shared instance. Only renderer/db/ imports Dexie.
 *
 * Transactions use strict durability: a write is reported committed only once it is on disk, so "Saved" on
 * screen means the answer survives a crash or power cut.
 */
import Dexie, { type Table } from 'dexie';
import { referenceKey } from '#shared/text';
import { atRestMiddleware } from './at-rest';
import { deviceCounterMiddleware } from './device-counter';
import type { AuditEntry, Setting, StoredBackup, StoredCase, StoredInspection } from './entities';
import { summaryOf, type StoredSummary } from './summaries';
import { summaryUpkeepMiddleware } from './summary-upkeep';

// Dexie turns its debugging aids on for any page served from localhost (as `npm run web`, the tests and the
// bench are): an async stack task made for every request, which costs on every answer's write and helps only
// someone debugging Dexie itself. The desktop app (app://) never had them; now no build does.
Dexie.debug = false;

/** The IndexedDB database name; the origin never changes (app:// on desktop), so neither does the data. */
export const DATABASE_NAME = 'casescore';

export class CasescoreDatabase extends Dexie {
  inspections!: Table<StoredInspection, string>;
  cases!: Table<StoredCase, string>;
  audit!: Table<AuditEntry, number>;
  settings!: Table<Setting, string>;
  backups!: Table<StoredBackup, string>;
  summaries!: Table<StoredSummary, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      inspections: 'id, updatedAt',
      cases: 'id, inspectionId, [inspectionId+reference]',
      audit: '++seq, inspectionId, caseId, at',
      settings: 'key',
    });
    // Version 2: backups kept in the browser itself, where there is no backups folder (`npm run web`).
    this.version(2).stores({ backups: 'name, writtenAt' });
    // Version 3: one reference rule everywhere. Cases are found by `referenceKey` (NFC, no spaces, lower case),
    // so "CR 0003" and "cr0003" are the same case wherever a reference is checked.
    this.version(3)
      .stores({ cases: 'id, inspectionId, [inspectionId+reference], [inspectionId+referenceKey]' })
      .upgrade(async (tx) => {
        await tx
          .table<StoredCase, string>('cases')
          .toCollection()
          .modify((row) => {
            (row as { referenceKey?: string }).referenceKey = referenceKey(row.reference);
          });
      });
    // Version 4: each inspection's summary (counts, progress, score, rating; no case content), so the list and
    // a cold start never read every case. Built here from the rows there are; kept by summary-upkeep.ts.
    this.version(4)
      .stores({ summaries: 'inspectionId' })
      .upgrade(async (tx) => {
        const cases = new Map<string, StoredCase[]>();
        await tx.table<StoredCase, string>('cases').each((row) => {
          const list = cases.get(row.inspectionId) ?? [];
          list.push(row);
          cases.set(row.inspectionId, list);
        });
        const inspections = await tx.table<StoredInspection, string>('inspections').toArray();
        await tx
          .table<StoredSummary, string>('summaries')
          .bulkPut(inspections.map((i) => summaryOf(i, cases.get(i.id) ?? [])));
      });
    // Encryption at rest: passes every row straight through unless switched on (renderer/db/at-rest.ts).
    this.use(atRestMiddleware);
    // Summaries kept in step with every write of a case or an inspection, above encryption at rest.
    this.use(summaryUpkeepMiddleware);
    // Every change to a case, an inspection or a summary moves the device counter, above both.
    this.use(deviceCounterMiddleware);
    // Another window opening a newer version must not be blocked by this one: close, and say so.
    this.on('versionchange', () => {
      this.close();
      for (const listener of versionChangeListeners) listener();
      return false;
    });
  }
}

const versionChangeListeners = new Set<() => void>();

/** Hears that another window upgraded the database, so this one has closed it and must reload. */
export function onDatabaseUpgradedElsewhere(listener: () => void): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}

let instance: CasescoreDatabase | null = null;

/** The app's database, opened on first use. */
export function database(): CasescoreDatabase {
  instance ??= new CasescoreDatabase();
  return instance;
}

/** Replaces the shared instance (tests give each test a fresh database). */
export function replaceDatabase(db: CasescoreDatabase): void {
  instance = db;
}
