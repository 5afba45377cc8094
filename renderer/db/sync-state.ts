/**
 * The team server's state on this device, kept in the settings table (no schema change): the server's address,
 * and per inspection the device's chain (last counter sent and its batch's hash), the outbox (signed batches the
 * server has not yet acknowledged), the cursor and the inbox (pulled batches the merge planner has not yet
 * dealt with). Each inspection's state is one row, written whole, so an outbox and its chain never disagree.
 */
import type { ExportedInspection } from '#shared/interchange';
import { checkServerAddress, type ChangeBatch } from '#shared/sync';
import { database, type CasescoreDatabase } from './database';
import { toExportedInspection } from './snapshot';
import { DEVICE_KEY, type DeviceRecord } from './write';

const SERVER_KEY = 'syncServer';
const stateKey = (inspectionId: string) => `sync:${inspectionId}`;

/** A pulled batch waiting in the inbox, with what the client checked about it. */
export interface InboxBatch {
  readonly seq: number;
  readonly hash: string;
  readonly signedBy: string;
  readonly batch: ChangeBatch;
  /** The batch's device was first seen here signing with another key: it is not believed on its own. */
  readonly otherKey?: true;
}

/** One inspection's sync state on this device. */
export interface SyncState {
  /** The last of this device's counters a batch covered, and that batch's hash (null before the first). */
  readonly sent: number;
  readonly previous: string | null;
  /** Signed batches not yet acknowledged by the server, oldest first. */
  readonly outbox: readonly ChangeBatch[];
  /** The number of the last batch pulled. */
  readonly cursor: number;
  /** Pulled batches the merge planner has not yet dealt with, in the server's order. */
  readonly inbox: readonly InboxBatch[];
  /** When a sync last went all the way through (this device's clock, for display). */
  readonly lastSyncedAt: string | null;
  /** The highest team list version this device has used: an older one (a revoked key let back in) is refused. */
  readonly rosterVersion?: number;
  /** The key each device's pulled batches were first signed with. */
  readonly deviceKeys?: Readonly<Record<string, string>>;
}

export const EMPTY_SYNC_STATE: SyncState = {
  sent: 0,
  previous: null,
  outbox: [],
  cursor: 0,
  inbox: [],
  lastSyncedAt: null,
};

/** The server's address, or null when none is set. */
export async function readSyncServer(db: CasescoreDatabase = database()): Promise<string | null> {
  const value = (await db.settings.get(SERVER_KEY))?.value;
  return typeof value === 'string' && value ? value : null;
}

/** An address from what was typed: http(s) only, no path beyond "/", or what is wrong with it. */
export const checkSyncServer = checkServerAddress;

/** Saves the server's address (null switches syncing off). */
export async function saveSyncServer(url: string | null, db: CasescoreDatabase = database()): Promise<void> {
  if (url === null) await db.settings.delete(SERVER_KEY);
  else await db.settings.put({ key: SERVER_KEY, value: url });
}

export async function readSyncState(
  inspectionId: string,
  db: CasescoreDatabase = database(),
): Promise<SyncState> {
  const value = (await db.settings.get(stateKey(inspectionId)))?.value as SyncState | undefined;
  return value && typeof value === 'object' ? { ...EMPTY_SYNC_STATE, ...value } : EMPTY_SYNC_STATE;
}

/** Changes one inspection's sync state in one transaction. */
export async function updateSyncState(
  inspectionId: string,
  change: (state: SyncState) => SyncState,
  db: CasescoreDatabase = database(),
): Promise<SyncState> {
  return db.transaction('rw', db.settings, async () => {
    const next = change(await readSyncState(inspectionId, db));
    await db.settings.put({ key: stateKey(inspectionId), value: next });
    return next;
  });
}

/** Every inspection with sync state on this device. */
export async function syncedInspectionIds(db: CasescoreDatabase = database()): Promise<string[]> {
  const keys = await db.settings.where('key').startsWith('sync:').primaryKeys();
  return keys.map((key) => String(key).slice('sync:'.length));
}

/** Every inspection held here (not in the bin): each is offered to the team server, which says if it is shared. */
export async function localInspectionIds(db: CasescoreDatabase = database()): Promise<string[]> {
  const rows = await db.inspections.filter((i) => !i.deletedAt).toArray();
  return rows.map((i) => i.id);
}

/**
 * This install's device id and its counter now, with the inspection in the export format, read together in one
 * transaction so every change in the snapshot has a counter no higher than the one returned.
 */
export async function localSnapshot(
  inspectionId: string,
  db: CasescoreDatabase = database(),
): Promise<{ device: string; counter: number; inspection: ExportedInspection | null }> {
  return db.transaction('r', db.inspections, db.cases, db.settings, async () => {
    const device = (await db.settings.get(DEVICE_KEY))?.value as DeviceRecord | undefined;
    const inspection = await db.inspections.get(inspectionId);
    const cases = inspection ? await db.cases.where('inspectionId').equals(inspectionId).toArray() : [];
    return {
      device: device?.id ?? '',
      counter: device?.counter ?? 0,
      inspection: inspection && !inspection.deletedAt ? toExportedInspection(inspection, cases) : null,
    };
  });
}

/** What the sync engine needs of this device's storage, bound to one database (the app's, or a test's). */
export interface SyncStorage {
  snapshot(inspectionId: string): ReturnType<typeof localSnapshot>;
  readState(inspectionId: string): Promise<SyncState>;
  updateState(inspectionId: string, change: (state: SyncState) => SyncState): Promise<SyncState>;
  /** Every inspection with sync state on this device. */
  inspectionIds(): Promise<string[]>;
}

export function syncStorage(db: CasescoreDatabase = database()): SyncStorage {
  return {
    snapshot: (id) => localSnapshot(id, db),
    readState: (id) => readSyncState(id, db),
    updateState: (id, change) => updateSyncState(id, change, db),
    inspectionIds: () => syncedInspectionIds(db),
  };
}
