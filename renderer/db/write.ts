/**
 * The one way Casescore writes: `audited(by, tables, work)` opens a strict-durability transaction over the
 * tables the write touches (plus the audit and the device counter), stamps the change with who, when, this
 * install's device id and its next change counter, and records audit entries in the same transaction, so a
 * change and its audit entry commit together or not at all.
 *
 * The device counter orders this install's changes without trusting the clock: a later change from the same
 * device always has a higher counter, and undo compares versions (device and counter), never times.
 */
import type { Table } from 'dexie';
import { replacing, type Versioned } from '../../shared/merge';
import { newId, now } from './clock';
import { database } from './database';
import type { AuditEntry, Stamp, VersionStamp } from './entities';

/** The settings key of this install's device id and change counter. */
export const DEVICE_KEY = 'device';

/** This install's identity and the last counter it used. */
export interface DeviceRecord {
  readonly id: string;
  readonly counter: number;
}

/** What a write is given: its stamp, and a way to record what it changed. */
export interface WriteContext {
  readonly at: string;
  readonly by: string;
  readonly device: string;
  readonly counter: number;
  /** Who, when, device and counter, to spread into a changed row. */
  readonly stamp: Stamp;
  /**
   * The stamp of a new version of one thing that replaces `previous` (what was stored before): this write's
   * stamp, plus every version the previous ones replaced or were, so a merge knows this change saw them.
   */
  after(...previous: (Versioned | undefined)[]): VersionStamp;
  /** Adds an audit entry in this transaction, stamped with this write's time and author. */
  record(entry: Omit<AuditEntry, 'at' | 'by'>): Promise<void>;
}

/** A version of a stored thing: the device and counter that wrote it ("" when it came from an old file). */
export function versionOf(stamp: Partial<Stamp> | undefined | null): string {
  if (!stamp) return 'none';
  return stamp.device !== undefined && stamp.counter !== undefined
    ? `${stamp.device}#${stamp.counter}`
    : `${stamp.by ?? ''}@${stamp.updatedAt ?? ''}`;
}

function isDeviceRecord(value: unknown): value is DeviceRecord {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as DeviceRecord).id === 'string' &&
    Number.isSafeInteger((value as DeviceRecord).counter)
  );
}

/** This install's device id, made on first use. */
export async function deviceId(): Promise<string> {
  return (await deviceState()).id;
}

/** This install's device id and the last counter it used, made on first use. */
export async function deviceState(): Promise<DeviceRecord> {
  const db = database();
  return db.transaction('rw', db.settings, async () => {
    const stored = (await db.settings.get(DEVICE_KEY))?.value;
    if (isDeviceRecord(stored)) return stored;
    const created: DeviceRecord = { id: newId(), counter: 0 };
    await db.settings.put({ key: DEVICE_KEY, value: created });
    return created;
  });
}

/**
 * Runs `work` in one read-write transaction over `tables`, the audit and the settings (for the counter).
 * Resolves once the transaction has committed with strict durability; rejects, with nothing written, otherwise.
 */
export async function audited<T>(
  by: string,
  tables: readonly Table[],
  work: (write: WriteContext) => Promise<T>,
): Promise<T> {
  const db = database();
  return db.transaction('rw', [...tables, db.audit, db.settings], async () => {
    const stored = (await db.settings.get(DEVICE_KEY))?.value;
    const device = isDeviceRecord(stored) ? stored : { id: newId(), counter: 0 };
    const counter = device.counter + 1;
    await db.settings.put({ key: DEVICE_KEY, value: { id: device.id, counter } });
    const at = now();
    const stamp: Stamp = { updatedAt: at, by, device: device.id, counter };
    return work({
      at,
      by,
      device: device.id,
      counter,
      stamp,
      after: (...previous) => ({ ...stamp, ...replacing(previous) }),
      async record(entry) {
        await db.audit.add({ ...entry, at, by });
      },
    });
  });
}
