/**
 * This install's device counter, and the rule that makes it the one thing a write has to read: every committed
 * transaction that changes a case, an inspection or a summary moves the counter on by exactly one.
 *
 * The counter is the `device` row of the settings table (this install's id and the last counter it used). It
 * stamps each change (write.ts), and every window of this install shares it. `audited()` moves it for its own
 * writes; this DBCore middleware moves it for any other write of those tables (a moderation, switching
 * encryption at rest on, a summary made again), so no change can leave it where it was. A window that kept a copy
 * of rows (the open case: open-case.ts; the summaries: summary-memory.ts) made by the last change anyone made
 * knows the copy is still right when the stored counter is still that change's: one small read vouches for
 * every row the copy holds, instead of reading each row back.
 *
 * It sits above the summary upkeep (summary-upkeep.ts), so it sees the app's own writes, and tells that upkeep
 * (by transaction) what the transaction found and wrote.
 */
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import { newId } from './clock';

/** The settings key of this install's device id and change counter. */
export const DEVICE_KEY = 'device';

/** This install's identity and the last counter it used. */
export interface DeviceRecord {
  readonly id: string;
  readonly counter: number;
  /**
   * A random id of the change that wrote this record. A counter can come round again (the record put back by
   * hand, or deleted and begun again): a copy or a memory is vouched for only by the very record its change
   * wrote, so by this too. Records written before it was kept have none.
   */
  readonly change?: string;
}

/** Whether two device records are the same change's: same id, counter and change. */
export function sameChange(a: DeviceRecord | undefined, b: DeviceRecord | undefined): boolean {
  return (
    a !== undefined && b !== undefined && a.id === b.id && a.counter === b.counter && a.change === b.change
  );
}

export function isDeviceRecord(value: unknown): value is DeviceRecord {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as DeviceRecord).id === 'string' &&
    Number.isSafeInteger((value as DeviceRecord).counter)
  );
}

/** The tables whose every change moves the counter. */
const COUNTED = new Set(['cases', 'inspections', 'summaries']);

/** What one read-write transaction did with the counter. */
interface CounterState {
  /** The counter as the transaction found it: its first read of the row, made before it wrote the row. */
  found: Promise<DeviceRecord | undefined> | undefined;
  /** The record `found` read, once it has come back (`null` until then). */
  foundRecord: DeviceRecord | undefined | null;
  /** The record it wrote; `undefined` when it wrote none yet, or more than one (then nothing is vouched). */
  written: DeviceRecord | undefined;
  /** How many writes of the device record it made (puts and deletes): more than one vouches for nothing. */
  puts: number;
  /** Whether the counter is moved yet (by this layer, or by `audited()`): a change of a counted table then moves nothing. */
  moved: boolean;
}

const states = new WeakMap<DBCoreTransaction, CounterState>();

/** The transactions whose device record `audited()` writes itself (write.ts): its put is their move. */
const movedByWriter = new WeakSet<object>();

/**
 * Says that this transaction (Dexie's `idbtrans`) moves the counter itself, once, with a record it made: no
 * change in it moves the counter again. Any other write of the device record (put back by hand, a settings file
 * loaded) is no move: a change beside it still moves the counter, with a change id of its own, or a copy made
 * before that change would be vouched for by the record put back.
 */
export function movesCounterItself(trans: object): void {
  movedByWriter.add(trans);
}

/**
 * The device record as this transaction found it, before writing it, when the transaction read it (every write
 * that moves the counter does); `undefined` when it has not.
 */
export function counterFound(trans: DBCoreTransaction): Promise<DeviceRecord | undefined> | undefined {
  return states.get(trans)?.found;
}

/** The counter this transaction writes, when it has written exactly one so far. */
export function counterWritten(trans: DBCoreTransaction): number | undefined {
  const state = states.get(trans);
  return state && state.puts === 1 ? state.written?.counter : undefined;
}

/**
 * How a transaction moved the counter, once it has: the record it found and the one it wrote, the next counter
 * of the same device. `undefined` when it found no record, wrote none, wrote more than one, or wrote anything
 * but the next (nothing is vouched then).
 */
export function counterMoved(trans: DBCoreTransaction): { from: DeviceRecord; to: DeviceRecord } | undefined {
  const state = states.get(trans);
  const from = state?.foundRecord;
  const to = state && state.puts === 1 ? state.written : undefined;
  if (!from || !to || to.id !== from.id || to.counter !== from.counter + 1) return undefined;
  return { from, to };
}

/** The transaction's first read of the device record, kept with what it comes back with. */
function noteFound(state: CounterState, read: Promise<unknown>): Promise<DeviceRecord | undefined> {
  // A read that fails fails its transaction, which reports it; here it only vouches for nothing.
  state.found = read.then(
    (row) => (state.foundRecord = deviceIn(row)),
    () => (state.foundRecord = undefined),
  );
  return state.found;
}

function deviceIn(row: unknown): DeviceRecord | undefined {
  const value = (row as { value?: unknown } | undefined)?.value;
  return isDeviceRecord(value) ? value : undefined;
}

export const deviceCounterMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'casescore-device-counter',
  // Above the summary upkeep (20) and encryption at rest (10): it sees the writes the app asks for.
  level: 30,
  create(down) {
    if (!down.schema.tables.some((t) => t.name === 'settings')) return down;
    const settings = down.table('settings');

    function stateOf(trans: DBCoreTransaction): CounterState | undefined {
      const idb = trans as unknown as IDBTransaction;
      // An upgrade runs alone (every other window has closed its connection), so nothing it changes is vouched.
      if (idb.mode !== 'readwrite' || !idb.objectStoreNames.contains('settings')) return undefined;
      let state = states.get(trans);
      if (!state) {
        state = { found: undefined, foundRecord: null, written: undefined, puts: 0, moved: false };
        states.set(trans, state);
      }
      return state;
    }

    function noteWritten(state: CounterState, record: DeviceRecord | undefined) {
      state.puts += 1;
      state.written = record;
    }

    /** A change to a counted table in a transaction that has not moved the counter: moves it by one. */
    function move(trans: DBCoreTransaction, state: CounterState) {
      const found = state.found ?? noteFound(state, settings.get({ trans, key: DEVICE_KEY }));
      // Counted now, so a second change in this transaction does not move it again.
      noteWritten(state, undefined);
      state.moved = true;
      void found
        .then((device) => {
          const record: DeviceRecord = {
            id: device?.id ?? newId(),
            counter: (device?.counter ?? 0) + 1,
            change: newId(),
          };
          state.written = record;
          return settings.mutate({ trans, type: 'put', values: [{ key: DEVICE_KEY, value: record }] });
        })
        // A write that fails aborts its transaction, which reports it to whoever asked for the change.
        .catch(() => undefined);
    }

    return {
      ...down,
      transaction(stores, mode, options) {
        // A write of a counted table also writes the counter.
        const counts = mode === 'readwrite' && stores.some((s) => COUNTED.has(s));
        return down.transaction(counts ? [...new Set([...stores, 'settings'])] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === 'settings') {
          return {
            ...table,
            get(req) {
              const read = table.get(req);
              const state = req.key === DEVICE_KEY ? stateOf(req.trans) : undefined;
              if (state && !state.found && state.puts === 0) noteFound(state, read);
              return read;
            },
            mutate(req) {
              const state = stateOf(req.trans);
              if (state) {
                if (req.type === 'put' || req.type === 'add') {
                  for (const row of req.values as { key?: unknown; value?: unknown }[]) {
                    if (row.key !== DEVICE_KEY) continue;
                    noteWritten(state, deviceIn(row));
                    if (movedByWriter.has(req.trans)) state.moved = true;
                  }
                } else {
                  // Deleted or cleared: whatever the counter is now, it vouches for nothing. But it is not moved:
                  // a change made after it still moves it (when any setting deleted counted as moving it, a
                  // change to a case made after it in the same transaction left the counter where it was, so a
                  // copy made before that change was vouched for and written over it).
                  noteWritten(state, undefined);
                  state.puts += 1;
                }
              }
              return table.mutate(req);
            },
          };
        }
        if (!COUNTED.has(name)) return table;
        return {
          ...table,
          mutate(req) {
            const state = stateOf(req.trans);
            if (state && !state.moved) move(req.trans, state);
            return table.mutate(req);
          },
        };
      },
    };
  },
};
