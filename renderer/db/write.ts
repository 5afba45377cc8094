/**
 * The one way Casescore writes: `audited(by, tables, work)` opens a strict-durability transaction over the
 * tables the write touches (plus the audit and the device counter), stamps the change with who, when, this
 * install's device id and its next change counter, and records audit entries in the same transaction, so a
 * change and its audit entry commit together or not at all.
 *
 * The device counter orders this install's changes without trusting the clock: a later change from the same
 * device always has a higher counter, and undo compares versions (device and counter), never times.
 *
 * Speed without reads: a write waits on no read inside its transaction. This window keeps the device record
 * (and, for answers, the open case's rows: see open-case.ts) in memory and writes at once; the stored copies are
 * read in the same transaction, in parallel with the writes, only to confirm that nothing changed them meanwhile
 * (another window, a merge). If something did, the transaction is aborted, nothing is written, and the write is
 * made again from what is stored. IndexedDB runs transactions over the same stores one after another, so that
 * confirmation cannot be overtaken. Every change moves the device counter (device-counter.ts), so a copy made by
 * the last change anyone made needs no read of its own: the device record's read confirms it (`lastChange`).
 */
import type { Table } from 'dexie';
import { replacing, type Versioned } from '#shared/merge';
import { newId, now } from './clock';
import { database } from './database';
import {
  DEVICE_KEY,
  isDeviceRecord,
  movesCounterItself,
  sameChange,
  type DeviceRecord,
} from './device-counter';
import type { AuditEntry, Stamp, VersionStamp } from './entities';

export { DEVICE_KEY, type DeviceRecord } from './device-counter';

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
  /**
   * True when this attempt must read what is stored: the first attempt found a copy kept in memory out of date.
   */
  readonly fresh: boolean;
  /**
   * Confirms, before the transaction commits, that a row read in it (in parallel with the writes, not awaited
   * before them) is still what the write assumed; if not, the transaction is aborted and the write made again
   * with `fresh` set.
   */
  confirm<R>(read: PromiseLike<R>, stillSo: (row: R) => boolean): void;
  /**
   * The device and counter of the last change anyone made to this install's data, as this attempt has it
   * (confirmed before the commit, like a copy: see device-counter.ts); `undefined` when there is none yet. A row
   * this window wrote with that very stamp is still as it wrote it: nothing has changed since.
   */
  readonly lastChange: DeviceRecord | undefined;
}

/** A copy kept in memory was out of date: the attempt is aborted and made again from what is stored. */
export class StaleCopyError extends Error {
  constructor() {
    super('A copy kept in memory was out of date.');
    this.name = 'StaleCopyError';
  }
}

/** A version of a stored thing: the device and counter that wrote it ("" when it came from an old file). */
export function versionOf(stamp: Partial<Stamp> | undefined | null): string {
  if (!stamp) return 'none';
  return stamp.device !== undefined && stamp.counter !== undefined
    ? `${stamp.device}#${stamp.counter}`
    : `${stamp.by ?? ''}@${stamp.updatedAt ?? ''}`;
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

/** The device record this window last wrote, and whether that write has committed yet. */
interface KnownDevice {
  readonly record: DeviceRecord;
  committed: boolean;
}

/** The device record this window last wrote, per database (tests replace the database). */
const knownDevice = new WeakMap<object, KnownDevice>();

/**
 * Runs `work` in one read-write transaction over `tables`, the audit and the settings (for the counter).
 * Resolves once the transaction has committed with strict durability; rejects, with nothing written, otherwise.
 */
export async function audited<T>(
  by: string,
  tables: readonly Table[],
  work: (write: WriteContext) => Promise<T>,
): Promise<T> {
  try {
    return await attempt(by, tables, work, false);
  } catch (error) {
    if (!(error instanceof StaleCopyError)) throw error;
    return attempt(by, tables, work, true);
  }
}

async function attempt<T>(
  by: string,
  tables: readonly Table[],
  work: (write: WriteContext) => Promise<T>,
  fresh: boolean,
): Promise<T> {
  const db = database();
  const known = fresh ? undefined : knownDevice.get(db);
  let taken: KnownDevice | undefined;
  try {
    const result = await db.transaction('rw', [...tables, db.audit, db.settings], async (trans) => {
      // Its own put of the device record is the move (device-counter.ts): no change in it moves it again.
      movesCounterItself(trans.idbtrans);
      // Every confirmation settles to the error it found (or null), so none rejects while nothing awaits it.
      const confirmations: Promise<unknown>[] = [];
      const confirm = <R>(read: PromiseLike<R>, stillSo: (row: R) => boolean) => {
        confirmations.push(
          Promise.resolve(read).then(
            (row) => (stillSo(row) ? null : new StaleCopyError()),
            (error: unknown) => error,
          ),
        );
      };
      let device: DeviceRecord;
      let lastChange: DeviceRecord | undefined;
      if (known) {
        device = known.record;
        // The last change only once the write that took this counter has committed. A write still in flight may
        // yet abort, and then its counter is taken again by the next change (another window's, or one that
        // stamps nothing): finding it stored would vouch for copies that change never made. Until then the
        // copies are confirmed row by row.
        lastChange = known.committed ? known.record : undefined;
        confirm(db.settings.get(DEVICE_KEY), (row) =>
          sameChange(isDeviceRecord(row?.value) ? row.value : undefined, known.record),
        );
      } else {
        const stored = (await db.settings.get(DEVICE_KEY))?.value;
        device = isDeviceRecord(stored) ? stored : { id: newId(), counter: 0 };
        // Every change writes the record with a change id of its own; one without was put there some other way
        // (back by hand, to a counter a copy here was stamped with), so it vouches for no copy.
        lastChange = isDeviceRecord(stored) && stored.change !== undefined ? stored : undefined;
      }
      const counter = device.counter + 1;
      // Taken now, so a second write started before this one commits takes the next counter.
      // With a change id of its own: found again, the record is this change's, not one that reached the same
      // counter another way (the record put back by hand).
      taken = { record: { id: device.id, counter, change: newId() }, committed: false };
      knownDevice.set(db, taken);
      confirm(db.settings.put({ key: DEVICE_KEY, value: taken.record }), () => true);
      const at = now();
      const stamp: Stamp = { updatedAt: at, by, device: device.id, counter };
      let result: T;
      try {
        result = await work({
          at,
          by,
          device: device.id,
          counter,
          stamp,
          after: (...previous) => ({ ...stamp, ...replacing(previous) }),
          async record(entry) {
            await db.audit.add({ ...entry, at, by });
          },
          fresh,
          confirm,
          lastChange,
        });
      } catch (error) {
        // A refusal made from an out-of-date copy is no refusal: made again from what is stored.
        if ((await Promise.all(confirmations)).some((p) => p instanceof StaleCopyError))
          throw new StaleCopyError();
        throw error;
      }
      for (const problem of await Promise.all(confirmations)) if (problem) throw problem;
      return result;
    });
    if (taken) taken.committed = true;
    return result;
  } catch (error) {
    // Nothing was written: what this window thought it had taken is no longer known.
    knownDevice.delete(db);
    throw error;
  }
}
