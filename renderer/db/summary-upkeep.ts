/**
 * Keeping every inspection's summary (summaries.ts) right, as one Dexie DBCore middleware: every write of a
 * case or an inspection, whoever makes it (an answer, adding or removing a case, an edit, the bin, erasure, an
 * import or merge, a restore, a sync), updates the summaries it changes in the same transaction, so a summary
 * commits with the change or not at all and can never be forgotten by a new kind of write.
 *
 * How, without reading every case again: a case written changes its inspection's totals by its own difference
 * (its totals as written, less its totals before), counted against the inspection's framework and options as
 * they stand when it is written. A write that changes what every case counts against (a new inspection, or a
 * changed framework or options) counts the inspection's cases again from scratch. Differences add up in any
 * order, so several writes in flight at once in one transaction are all counted; a count from scratch takes in
 * every write made before it and none after, which the order the writes were made in says (each is numbered as
 * it is made: IndexedDB carries out a transaction's requests in the order they are made).
 *
 * It sits above encryption at rest (at-rest.ts), so it sees rows as the app does; summaries hold no case
 * content and pass through that layer unsealed.
 */
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { StoredCase, StoredInspection } from './entities';
import {
  addSummaryTotals,
  countingContext,
  noTotals,
  summaryOf,
  summaryRow,
  SUMMARIES,
  totalsOfCase,
  type StoredSummary,
  type SummaryTotals,
} from './summaries';
import { sameRow } from './open-case';
import { SummaryMemory } from './summary-memory';
import { counterFound, counterMoved, counterWritten, sameChange } from './device-counter';

/** One inspection's summary as this transaction has it so far. */
interface Upkeep {
  /** The stored summary as the transaction found it (numbered 0), or the latest count from scratch. */
  base: { readonly seq: number; readonly totals: SummaryTotals | null } | undefined;
  /** Read once, on the transaction's first write to this inspection. */
  loaded: Promise<void>;
  /** Each case write's difference, numbered as it was made. */
  readonly differences: { readonly seq: number; readonly totals: SummaryTotals }[];
  /** The inspection's row as last read or written here, numbered (undefined: there is none). */
  row: { readonly seq: number; readonly value: StoredInspection | undefined } | undefined;
  /** The summary this transaction last wrote (`null`: deleted it), so the same row is not written twice. */
  written: StoredSummary | null | undefined;
}

/** What one transaction knows. */
interface TransactionState {
  seq: number;
  readonly upkeep: Map<string, Upkeep>;
  /** Case rows written in this transaction, so the next write of the same case knows its row before. */
  readonly cases: Map<string, StoredCase | undefined>;
  /**
   * Set when the transaction did what the memory cannot follow: wrote summaries itself, or cleared cases or
   * inspections (the rows that went are not in `cases`). What it leaves is then no memory to vouch for.
   */
  untracked: boolean;
}

/** The Dexie range type "equal" (a const enum in Dexie's types). */
const EQUAL = 1 as DBCoreKeyRange['type'];

export const summaryUpkeepMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'casescore-summary-upkeep',
  // Above encryption at rest (the default level, 10): rows here are as the app sees them.
  level: 20,
  create(down) {
    if (!down.schema.tables.some((t) => t.name === SUMMARIES)) return down;
    const states = new WeakMap<DBCoreTransaction, TransactionState>();
    const casesTable = down.table('cases');
    const inspectionsTable = down.table('inspections');
    const summariesTable = down.table(SUMMARIES);
    const byInspection = casesTable.schema.getIndexByKeyPath('inspectionId');
    if (!byInspection) throw new Error('The cases table has no inspection index.');
    const memory = new SummaryMemory();

    /** The state of a transaction that keeps summaries, or undefined (an upgrade, or read-only). */
    function stateOf(trans: DBCoreTransaction): TransactionState | undefined {
      const idb = trans as unknown as IDBTransaction;
      // An upgrade builds the summaries itself (database.ts), from rows as they stand after it.
      if (idb.mode !== 'readwrite' || !idb.objectStoreNames.contains(SUMMARIES)) return undefined;
      let state = states.get(trans);
      if (!state) {
        const made: TransactionState = { seq: 0, upkeep: new Map(), cases: new Map(), untracked: false };
        idb.addEventListener('complete', () => remember(trans, made));
        states.set(trans, made);
        state = made;
      }
      return state;
    }

    /** What a committed transaction left, for the next one's guess (summary-memory.ts). */
    function remember(trans: DBCoreTransaction, state: TransactionState) {
      const inspections = new Map<
        string,
        { inspection: StoredInspection | undefined; totals: SummaryTotals | null }
      >();
      for (const [id, upkeep] of state.upkeep) {
        if (upkeep.written === undefined) continue;
        inspections.set(id, { inspection: upkeep.row?.value, totals: upkeep.written });
      }
      // Not followed: the memory starts again, vouching for nothing until the next commit (a summary written by
      // hand left the inspection's remembered totals behind its cases'; a cleared case stayed remembered, and
      // counted as "before" when put back).
      memory.committed(inspections, state.cases, state.untracked ? undefined : counterMoved(trans));
    }

    /**
     * A transaction's first write of one inspection's cases, when the memory knows them all: writes the summary
     * they will make at once, beside them; settle() writes the worked-out one over it only if they differ.
     */
    function writeGuess(trans: DBCoreTransaction, state: TransactionState, after: readonly StoredCase[]) {
      const id = after[0]?.inspectionId;
      if (id === undefined || state.upkeep.has(id)) return;
      if (new Set(after.map((row) => row.id)).size !== after.length) return;
      const guess = memory.guess(id, after);
      if (!guess) return;
      // Asks for the stored summary first (upkeepOf), so what the transaction found is read before the guess
      // is written over it: the layers below issue both requests at once, in this order.
      const upkeep = upkeepOf(trans, state, id);
      upkeep.written = guess;
      void summariesTable.mutate({ trans, type: 'put', values: [guess] });
    }

    /**
     * A transaction's first write of one inspection's cases, when the memory is right as of the last change
     * anyone made: the transaction moves the device counter on from the one the memory knows, and so confirms
     * (device-counter.ts) that nothing has changed since. The summary is the memory's, written beside the cases
     * with nothing read; if the counter turns out to have moved meanwhile (the write that moved it aborts then,
     * when it is an answer's), the inspection is counted again from its stored rows. Returns the cases' write,
     * or `undefined` when the memory cannot vouch.
     */
    function writeVouched(
      table: DBCoreTable,
      req: DBCoreMutateRequest & { type: 'put' | 'add' },
      state: TransactionState,
      seq: number,
    ): Promise<DBCoreMutateResponse> | undefined {
      const { trans } = req;
      const after = req.values as StoredCase[];
      const id = after[0]?.inspectionId;
      const known = memory.rightAsOf;
      const found = counterFound(trans);
      if (id === undefined || state.upkeep.has(id) || known === undefined || !found) return undefined;
      if (counterWritten(trans) !== known.counter + 1) return undefined;
      if (new Set(after.map((row) => row.id)).size !== after.length) return undefined;
      const guess = memory.guess(id, after);
      const inspection = memory.inspection(id);
      if (!guess || !inspection) return undefined;
      // The summary as it stands after this write; later writes in the transaction add their differences.
      state.upkeep.set(id, {
        base: { seq, totals: { binned: guess.binned, sample: guess.sample } },
        loaded: Promise.resolve(),
        differences: [],
        row: { seq, value: inspection },
        written: guess,
      });
      after.forEach((row) => state.cases.set(row.id, row));
      void summariesTable.mutate({ trans, type: 'put', values: [guess] });
      const written = table.mutate(req);
      const confirmed = found.then((device) =>
        sameChange(device, known) ? undefined : countAgain(trans, state, id),
      );
      return Promise.all([written, confirmed]).then(([response]) => {
        if (response.numFailures === 0) return response;
        // A row the store refused (a duplicate add) was not written: its row here is not known (as in
        // casesWritten; taken as written, it was the "before" of a later write of the case, and remembered), and
        // what the cases are now is not the guess; count them.
        for (const index of Object.keys(response.failures).map(Number)) state.cases.delete(after[index]!.id);
        return countAgain(trans, state, id).then(() => response);
      });
    }

    /** The upkeep of one inspection, reading its stored summary on first use. */
    function upkeepOf(trans: DBCoreTransaction, state: TransactionState, id: string): Upkeep {
      const upkeep = state.upkeep.get(id);
      if (upkeep) return upkeep;
      const made: Upkeep = {
        base: undefined,
        loaded: Promise.resolve(),
        differences: [],
        row: undefined,
        written: undefined,
      };
      made.loaded = summariesTable.get({ trans, key: id }).then((stored: SummaryTotals | undefined) => {
        // What the transaction found, before any write of its own (only this layer writes summaries).
        made.base ??= {
          seq: 0,
          totals: stored ? { binned: stored.binned, sample: stored.sample } : null,
        };
      });
      state.upkeep.set(id, made);
      return made;
    }

    function noteRow(upkeep: Upkeep, seq: number, value: StoredInspection | undefined) {
      if (!upkeep.row || upkeep.row.seq < seq) upkeep.row = { seq, value };
    }

    /**
     * Counts an inspection's cases from scratch, taking in every write made before now and none after, then
     * writes its summary.
     */
    function countAgain(trans: DBCoreTransaction, state: TransactionState, id: string): Promise<void> {
      const upkeep = upkeepOf(trans, state, id);
      const seq = (state.seq += 1);
      const range = { type: EQUAL, lower: id, upper: id };
      return Promise.all([
        inspectionsTable.get({ trans, key: id }) as Promise<StoredInspection | undefined>,
        casesTable.query({ trans, values: true, query: { index: byInspection!, range } }),
        upkeep.loaded,
      ]).then(([inspection, found]) => {
        noteRow(upkeep, seq, inspection);
        if (inspection && (!upkeep.base || upkeep.base.seq < seq)) {
          const { binned, sample } = summaryOf(inspection, found.result as StoredCase[]);
          upkeep.base = { seq, totals: { binned, sample } };
        }
        return settle(trans, state, id);
      });
    }

    /** Writes (or deletes) an inspection's summary as the transaction has it now. */
    function settle(trans: DBCoreTransaction, state: TransactionState, id: string): Promise<void> {
      const upkeep = upkeepOf(trans, state, id);
      const inspection = upkeep.row?.value;
      if (!inspection) {
        upkeep.written = null;
        return summariesTable.mutate({ trans, type: 'delete', keys: [id] }).then(() => undefined);
      }
      const base = upkeep.base;
      // No summary here yet for an inspection that has a row: count it.
      if (!base?.totals) return countAgain(trans, state, id);
      let totals = base.totals;
      for (const difference of upkeep.differences) {
        if (difference.seq > base.seq) totals = addSummaryTotals(totals, difference.totals);
      }
      const row = summaryRow(inspection, totals);
      // Already written so in this transaction (a right guess): nothing to write.
      if (upkeep.written && sameRow(upkeep.written, row)) return Promise.resolve();
      upkeep.written = row;
      return summariesTable.mutate({ trans, type: 'put', values: [row] }).then(() => undefined);
    }

    /** A write of cases: each case's difference counted against its inspection as it stands. */
    function casesWritten(
      table: DBCoreTable,
      req: DBCoreMutateRequest,
      state: TransactionState,
    ): Promise<DBCoreMutateResponse> {
      const { trans } = req;
      if (req.type === 'deleteRange') return rangeDeleted(table, req, state);
      const seq = (state.seq += 1);
      if (req.type !== 'delete') {
        const vouched = writeVouched(table, req, state, seq);
        if (vouched) return vouched;
      }
      const keys: string[] =
        req.type === 'delete' ? (req.keys as string[]) : req.values.map((row) => (row as StoredCase).id);
      const after: (StoredCase | undefined)[] =
        req.type === 'delete' ? keys.map(() => undefined) : (req.values as StoredCase[]);
      // The rows before: as this transaction last wrote them, or as stored (read before the write is made).
      const unknown = [...new Set(keys.filter((key) => !state.cases.has(key)))];
      const known = new Map(keys.map((key) => [key, state.cases.get(key)]));
      const stored = unknown.length
        ? (casesTable.getMany({ trans, keys: unknown }) as Promise<(StoredCase | undefined)[]>)
        : Promise.resolve([]);
      const before = stored.then((rows) => {
        unknown.forEach((key, i) => known.set(key, rows[i]));
        return keys.map((key, i) => {
          // A batch writing the same case twice: the second's row before is the first's.
          const earlier = keys.indexOf(key);
          return earlier < i ? after[earlier] : known.get(key);
        });
      });
      // Their inspections as they stand now, read alongside (a write names its inspection).
      const named = [...new Set(after.flatMap((row) => (row ? [row.inspectionId] : [])))];
      if (req.type !== 'delete' && named.length === 1) writeGuess(trans, state, after as StoredCase[]);
      const rows = readInspections(trans, state, named, seq);
      keys.forEach((key, i) => state.cases.set(key, after[i]));
      const written = table.mutate(req);
      return Promise.all([before, rows, written]).then(([rowsBefore, , response]) => {
        // A row refused by the store (a duplicate add) changed nothing; and its state here is not known.
        const failed = new Set(Object.keys(response.failures).map(Number));
        for (const index of failed) state.cases.delete(keys[index]!);
        const involved = new Set<string>(named);
        rowsBefore.forEach((row) => row && involved.add(row.inspectionId));
        const others = [...involved].filter((id) => !named.includes(id));
        return readInspections(trans, state, others, seq).then(() => {
          const differences = new Map<string, SummaryTotals>();
          const add = (row: StoredCase | undefined, sign: 1 | -1) => {
            if (!row) return;
            const upkeep = upkeepOf(trans, state, row.inspectionId);
            const context = countingContext(upkeep.row?.value);
            const totals = totalsOfCase(context, row);
            const soFar = differences.get(row.inspectionId) ?? noTotals(context);
            differences.set(row.inspectionId, addSummaryTotals(soFar, totals, sign));
          };
          keys.forEach((_key, i) => {
            if (failed.has(i)) return;
            add(rowsBefore[i], -1);
            add(after[i], 1);
          });
          for (const [id, totals] of differences) {
            upkeepOf(trans, state, id).differences.push({ seq, totals });
          }
          return Promise.all([...involved].map((id) => settle(trans, state, id))).then(() => response);
        });
      });
    }

    /** Reads inspections' rows (and their stored summaries) as they stand now, for counting a write at `seq`. */
    function readInspections(
      trans: DBCoreTransaction,
      state: TransactionState,
      ids: readonly string[],
      seq: number,
    ): Promise<void> {
      if (ids.length === 0) return Promise.resolve();
      const upkeeps = ids.map((id) => upkeepOf(trans, state, id));
      const rows = inspectionsTable.getMany({ trans, keys: [...ids] }) as Promise<
        (StoredInspection | undefined)[]
      >;
      return Promise.all([rows, ...upkeeps.map((u) => u.loaded)]).then(([found]) => {
        upkeeps.forEach((upkeep, i) => noteRow(upkeep, seq, found[i]));
      });
    }

    /** Cases deleted by range (clearing them all): every inspection with a summary is counted again. */
    function rangeDeleted(
      table: DBCoreTable,
      req: DBCoreMutateRequest & { type: 'deleteRange' },
      state: TransactionState,
    ): Promise<DBCoreMutateResponse> {
      const { trans } = req;
      state.untracked = true;
      return table.mutate(req).then((response) =>
        summariesTable
          .query({ trans, values: false, query: { index: summariesTable.schema.primaryKey, range: ANY } })
          .then((found) => {
            const ids = new Set([...(found.result as string[]), ...state.upkeep.keys()]);
            return Promise.all([...ids].map((id) => countAgain(trans, state, id)));
          })
          .then(() => response),
      );
    }

    /** A write of inspections: counted again where what cases count against changed, else re-rated. */
    function inspectionsWritten(
      table: DBCoreTable,
      req: DBCoreMutateRequest,
      state: TransactionState,
    ): Promise<DBCoreMutateResponse> {
      const { trans } = req;
      const seq = (state.seq += 1);
      if (req.type === 'deleteRange') {
        state.untracked = true;
        return table.mutate(req).then((response) =>
          summariesTable.mutate({ trans, type: 'deleteRange', range: req.range }).then(() => {
            // Every inspection this transaction knows is gone (a later write of one counts it from scratch).
            for (const upkeep of state.upkeep.values()) {
              noteRow(upkeep, seq, undefined);
              upkeep.written = undefined;
            }
            return response;
          }),
        );
      }
      const keys: string[] =
        req.type === 'delete'
          ? (req.keys as string[])
          : req.values.map((row) => (row as StoredInspection).id);
      const after: (StoredInspection | undefined)[] =
        req.type === 'delete' ? keys.map(() => undefined) : (req.values as StoredInspection[]);
      const upkeeps = keys.map((id) => upkeepOf(trans, state, id));
      const before = inspectionsTable.getMany({ trans, keys }) as Promise<(StoredInspection | undefined)[]>;
      const written = table.mutate(req);
      return Promise.all([before, written, ...upkeeps.map((u) => u.loaded)]).then(
        ([rowsBefore, response]) => {
          const failed = new Set(Object.keys(response.failures).map(Number));
          return Promise.all(
            keys.map((id, i) => {
              if (failed.has(i)) return undefined;
              const upkeep = upkeeps[i]!;
              // The row before this write (read just before it was made).
              const previous = rowsBefore[i];
              const next = after[i];
              noteRow(upkeep, seq, next);
              const recount =
                next !== undefined &&
                (previous === undefined ||
                  !sameRow(previous.framework, next.framework) ||
                  !sameRow(previous.options, next.options));
              return recount ? countAgain(trans, state, id) : settle(trans, state, id);
            }),
          ).then(() => response);
        },
      );
    }

    return {
      ...down,
      transaction(stores, mode, options) {
        // A write of cases or inspections also writes summaries, and may count an inspection's cases again.
        const keeps = mode === 'readwrite' && stores.some((s) => s === 'cases' || s === 'inspections');
        const scope = keeps ? [...new Set([...stores, 'cases', 'inspections', SUMMARIES])] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === SUMMARIES) {
          return {
            ...table,
            mutate(req) {
              // Summaries written or cleared by someone else (a restore clears every table): what this
              // transaction wrote of them is no longer known to be there, so settle() writes them again.
              const state = stateOf(req.trans);
              if (state) {
                state.untracked = true;
                const keys =
                  req.type === 'deleteRange'
                    ? null
                    : new Set(
                        req.type === 'delete'
                          ? req.keys
                          : req.values.map((row) => (row as StoredSummary).inspectionId),
                      );
                for (const [id, upkeep] of state.upkeep)
                  if (!keys || keys.has(id)) upkeep.written = undefined;
              }
              return table.mutate(req);
            },
          };
        }
        if (name !== 'cases' && name !== 'inspections') return table;
        return {
          ...table,
          mutate(req) {
            const state = stateOf(req.trans);
            if (!state) return table.mutate(req);
            return name === 'cases' ? casesWritten(table, req, state) : inspectionsWritten(table, req, state);
          },
        };
      },
    };
  },
};

/** The Dexie range type "any" (every key). */
const ANY = { type: 3 as DBCoreKeyRange['type'], lower: undefined, upper: undefined };
