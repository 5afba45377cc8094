/**
 * Live queries whose last answer is kept in memory after the screen showing it goes, so that a screen coming back
 * (the inspections list, after an inspection) is drawn in its first frame instead of after a read of every row.
 *
 * A kept answer is given back only while it is still true: nothing has been written to the tables it was read
 * from since its read began (in this window or another: Dexie's `storagemutated` event, the one its live queries
 * listen to), and the database and the state of encryption at rest are the ones it was read with. Otherwise the
 * screen reads as before. Either way the live query reads again behind it, and when that read finds rows equal
 * to the ones already shown they keep their identity, so nothing is drawn twice (rows are memoised on them).
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { atRestGeneration } from './at-rest';
import { database, type CasescoreDatabase } from './database';
import { useLiveQuery } from './live-query';
import { sameRow } from './open-case';

/** Writes seen to each table (`database/table`) since this window started. */
const writes = new Map<string, number>();
let listening = false;

function countWrites(parts: ObservabilitySet): void {
  // Parts are named `idb://database/table/index`.
  const tables = new Set(
    Object.keys(parts).map((part) => part.slice('idb://'.length).split('/').slice(0, 2).join('/')),
  );
  for (const table of tables) writes.set(table, (writes.get(table) ?? 0) + 1);
}

function writesTo(db: CasescoreDatabase, tables: readonly string[]): number {
  return tables.reduce((sum, table) => sum + (writes.get(`${db.name}/${table}`) ?? 0), 0);
}

interface Kept {
  readonly value: unknown;
  readonly db: CasescoreDatabase;
  readonly generation: number;
  /** The writes to its tables counted when its read began. */
  readonly writes: number;
}

const kept = new Map<string, Kept>();

/** The kept answer of `name`, when it is still true; otherwise `undefined`. */
function stillTrue(name: string, tables: readonly string[]): unknown {
  const entry = kept.get(name);
  if (!entry) return undefined;
  const db = database();
  const fresh =
    entry.db === db && entry.generation === atRestGeneration() && entry.writes === writesTo(db, tables);
  return fresh ? entry.value : undefined;
}

/**
 * `querier`'s rows, live, and kept in memory under `name` between screens. `tables` names every table the
 * querier reads; `keepSame(shown, read)` returns what to show, reusing what is shown where the rows are equal.
 */
export function useKeptLiveQuery<T>(
  name: string,
  tables: readonly string[],
  querier: () => Promise<T>,
  keepSame: (shown: T, read: T) => T,
): T | undefined {
  if (!listening) {
    listening = true;
    Dexie.on('storagemutated', countWrites);
  }
  return useLiveQuery(
    async () => {
      const db = database();
      const generation = atRestGeneration();
      const before = writesTo(db, tables);
      const read = await querier();
      const shown = kept.get(name);
      const value = shown && shown.db === db ? keepSame(shown.value as T, read) : read;
      kept.set(name, { value, db, generation, writes: before });
      return value;
    },
    [],
    stillTrue(name, tables) as T | undefined,
  );
}

/** `read`, with each row equal to the one shown in its place replaced by that one; `shown` when all are. */
export function keepSameRows<Row>(shown: Row[], read: Row[]): Row[] {
  const rows = read.map((row, i) => (i < shown.length && sameRow(shown[i], row) ? shown[i]! : row));
  return rows.length === shown.length && rows.every((row, i) => row === shown[i]) ? shown : rows;
}

/** `read`, with each entry equal to the one shown under its key replaced by that one; `shown` when all are. */
export function keepSameEntries<Key, Row>(shown: Map<Key, Row>, read: Map<Key, Row>): Map<Key, Row> {
  let changed = shown.size !== read.size;
  const entries = new Map<Key, Row>();
  for (const [key, row] of read) {
    const before = shown.get(key);
    const same = before !== undefined && sameRow(before, row);
    if (!same) changed = true;
    entries.set(key, same ? before : row);
  }
  return changed ? entries : shown;
}
