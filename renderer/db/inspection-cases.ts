/**
 * An inspection's cases, live, as every screen of one inspection shows them (`useCasesOf`): read in full once,
 * then kept in step with each write without reading every case again.
 *
 * Dexie's live queries read everything a query covers after any write that touches it: on the scoring page, all
 * sixty cases after every answer, with a redraw behind the read, in the time the next key is pressed. Here:
 * - a write says which cases it changed (Dexie's `storagemutated` event names their keys, in this window and in
 *   every other), and only those are read again;
 * - an answer this window wrote needs no read at all: the row it wrote (see open-case.ts) takes its place as
 *   soon as the transaction has committed (`casesCommitted`), in the same task that marks the answer "Saved";
 * - a write that names a range instead of keys (a bulk write, a clear, a restore) reads every case again, as
 *   does opening or closing the keys of encryption at rest. While the keys are closed a read of case content is
 *   refused: the rows already shown stay, as live-query.ts does for every other read.
 *
 * Each change event a write of this window's makes is matched to that write's commit by count, per case: an
 * event for a case this window did not write, or one more than it wrote, is read. A read never puts back an
 * older row over a change that came after the read began.
 */
import Dexie from 'dexie';
import { useSyncExternalStore } from 'react';
import { onAtRestChange } from './at-rest';
import { database, type CasescoreDatabase } from './database';
import type { StoredCase } from './entities';
import { isLocked } from './live-query';
import { sameRow } from './open-case';

/** References in order as people read them ("C-2" before "C-10"); one collator, made once. */
const byReference = new Intl.Collator('en', { numeric: true });

/** More changed cases than this in one write are read with the rest: one read of all is cheaper. */
const MOST_KEYS = 50;

/** What a screen is given: the rows, or the error the last read ended with. */
interface Shown {
  readonly rows: StoredCase[] | undefined;
  readonly error?: unknown;
}

/** A range-set node as Dexie sends it (its own class in this window, a plain object from another). */
interface RangeNode {
  readonly from: unknown;
  readonly to: unknown;
  readonly d?: number;
  readonly l?: RangeNode | null;
  readonly r?: RangeNode | null;
}

/** The keys a range set names one by one; `null` when it names a range (or too many keys to read alone). */
function keysOf(set: RangeNode): string[] | null {
  const keys: string[] = [];
  const visit = (node: RangeNode | null | undefined): boolean => {
    if (!node || node.d === 0) return true;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    keys.push(node.from);
    return keys.length <= MOST_KEYS && visit(node.l) && visit(node.r);
  };
  return visit(set) ? keys : null;
}

/** Where a key's type sorts in IndexedDB's order: numbers, dates, strings, binary, arrays. */
function rank(key: unknown): number {
  if (typeof key === 'number') return 1;
  if (key instanceof Date) return 2;
  if (typeof key === 'string') return 3;
  return Array.isArray(key) ? 5 : 4;
}

/** Whether a range set takes in the string `key` (strings compare by code unit, as IndexedDB compares them). */
function covers(set: RangeNode | null | undefined, key: string): boolean {
  if (!set || set.d === 0) return false;
  const { from, to } = set;
  const above = rank(from) < 3 || (typeof from === 'string' && from <= key);
  const below = rank(to) > 3 || (typeof to === 'string' && key <= to);
  return (above && below) || covers(set.l, key) || covers(set.r, key);
}

class CasesSource {
  private shown: Shown = { rows: undefined };
  private readonly listeners = new Set<() => void>();
  /** Change events seen per case and not yet matched to a commit of this window's or read. */
  private readonly unread = new Map<string, number>();
  /** A read of every case is due. */
  private readAll = true;
  /** When each case last changed (events and this window's commits), against `tick`. */
  private readonly touched = new Map<string, number>();
  private tick = 0;
  private reading = false;
  private scheduled = false;
  private disposeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopAtRest: (() => void) | undefined;

  constructor(
    readonly db: CasescoreDatabase,
    readonly inspectionId: string,
    /** Puts it among the sources that follow writes; true when it was not there. */
    private readonly register: (source: CasesSource) => boolean,
    private readonly release: (source: CasesSource) => void,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    clearTimeout(this.disposeTimer);
    this.listeners.add(listener);
    if (!this.stopAtRest) {
      // Keys opened or closed: every case reads again (while closed, the rows shown stay).
      this.stopAtRest = onAtRestChange(() => {
        this.readAll = true;
        this.schedule();
      });
      // Taken up again after it was let go: what changed meanwhile was not followed.
      this.readAll = this.register(this) || this.readAll;
      this.schedule();
    }
    return () => {
      this.listeners.delete(listener);
      // Not at once: React subscribes again straight away when a screen is drawn twice (its strict mode).
      if (this.listeners.size === 0) this.disposeTimer = setTimeout(() => this.dispose(), 0);
    };
  };

  readonly snapshot = (): Shown => this.shown;

  /** Let go once no screen shows it: it no longer follows writes. */
  private dispose(): void {
    if (this.listeners.size > 0) return;
    this.stopAtRest?.();
    this.stopAtRest = undefined;
    this.release(this);
  }

  /** A write named these parts (Dexie's observability set) as changed. */
  mutated(parts: Record<string, RangeNode>): void {
    const prefix = `idb://${this.db.name}/cases/`;
    if ('all' in parts) {
      this.readAll = true;
    } else {
      const changed = parts[prefix];
      if (!changed) return;
      const keys = keysOf(changed);
      if (keys === null) {
        this.readAll = true;
      } else {
        // A case not shown here matters only if the write moved it into this inspection (or made it).
        const here = covers(parts[`${prefix}inspectionId`], this.inspectionId);
        const rows = this.shown.rows;
        const shown = rows ? new Set(rows.map((c) => c.id)) : null;
        for (const key of keys) {
          if (shown && !shown.has(key) && !here) continue;
          this.unread.set(key, (this.unread.get(key) ?? 0) + 1);
          this.touched.set(key, ++this.tick);
        }
      }
    }
    // Read after this task: the write's own commit, if it was this window's, is taken in first.
    this.schedule();
  }

  /** This window committed these rows: shown at once, and the change event each made needs no read. */
  committed(rows: readonly StoredCase[]): void {
    // A read under way may have begun before this commit: the case is read again after it, to be sure.
    const sure = !this.reading && this.shown.rows !== undefined;
    let next = this.shown.rows;
    for (const row of rows) {
      if (row.inspectionId !== this.inspectionId) continue;
      const seen = this.unread.get(row.id) ?? 0;
      if (sure && seen > 1) this.unread.set(row.id, seen - 1);
      else if (sure) this.unread.delete(row.id);
      this.touched.set(row.id, ++this.tick);
      if (next) next = withRow(next, row);
    }
    if (next !== this.shown.rows) this.show({ rows: next });
  }

  private show(shown: Shown): void {
    this.shown = shown;
    for (const listener of this.listeners) listener();
  }

  private schedule(): void {
    if (this.scheduled || this.reading) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      void this.read();
    }, 0);
  }

  /** Reads what is due, one read at a time, until nothing is. */
  private async read(): Promise<void> {
    if (this.reading || this.listeners.size === 0) return;
    this.reading = true;
    try {
      while (this.readAll || this.unread.size > 0) {
        const began = this.tick;
        if (this.readAll) {
          this.readAll = false;
          this.unread.clear();
          const rows = await this.db.cases.where('inspectionId').equals(this.inspectionId).toArray();
          this.takeAll(rows, began);
        } else {
          const keys = [...this.unread.keys()];
          this.unread.clear();
          const rows = await this.db.cases.bulkGet(keys);
          this.take(keys, rows, began);
        }
      }
    } catch (error) {
      // Refused while the keys are closed: the rows shown stay until they open (and everything is read again).
      if (!isLocked(error)) this.show({ rows: this.shown.rows, error });
    } finally {
      this.reading = false;
    }
    if (this.readAll || this.unread.size > 0) this.schedule();
  }

  /** Every case, read; a case that changed since the read began keeps the row shown (it is read again). */
  private takeAll(read: StoredCase[], began: number): void {
    const shown = new Map((this.shown.rows ?? []).map((c) => [c.id, c]));
    const rows: StoredCase[] = [];
    for (const row of read) {
      const before = shown.get(row.id);
      if ((this.touched.get(row.id) ?? 0) > began && before) rows.push(before);
      else rows.push(before && sameRow(before, row) ? before : row);
      shown.delete(row.id);
    }
    // A case this window wrote after the read began is shown as written, read or not.
    for (const [id, row] of shown) if ((this.touched.get(id) ?? 0) > began) rows.push(row);
    rows.sort((a, b) => byReference.compare(a.reference, b.reference));
    const same =
      this.shown.rows !== undefined &&
      rows.length === this.shown.rows.length &&
      rows.every((row, i) => row === this.shown.rows![i]);
    if (!same || this.shown.error) this.show({ rows: same ? this.shown.rows : rows });
  }

  /** Some cases, read: each one put in place, taken out (gone, or moved to another inspection) or left. */
  private take(keys: readonly string[], read: readonly (StoredCase | undefined)[], began: number): void {
    let rows = this.shown.rows;
    if (!rows) return;
    keys.forEach((key, i) => {
      if ((this.touched.get(key) ?? 0) > began) return;
      const row = read[i];
      if (row && row.inspectionId === this.inspectionId) rows = withRow(rows!, row);
      else rows = rows!.filter((c) => c.id !== key);
    });
    if (rows !== this.shown.rows) this.show({ rows });
  }
}

/** `rows` with `row` in its case's place (or added in reference order); `rows` itself when nothing changed. */
function withRow(rows: StoredCase[], row: StoredCase): StoredCase[] {
  const at = rows.findIndex((c) => c.id === row.id);
  if (at >= 0) {
    if (rows[at] === row || sameRow(rows[at], row)) return rows;
    const next = rows.slice();
    next[at] = row;
    return next;
  }
  return [...rows, row].sort((a, b) => byReference.compare(a.reference, b.reference));
}

/** The sources screens are subscribed to (or were, a moment ago): each follows every write. */
const sources = new Set<CasesSource>();
let listening = false;

function sourceOf(db: CasescoreDatabase, inspectionId: string): CasesSource {
  if (!listening) {
    listening = true;
    Dexie.on('storagemutated', (parts) => {
      for (const source of sources) source.mutated(parts as Record<string, RangeNode>);
    });
  }
  for (const source of sources) if (source.db === db && source.inspectionId === inspectionId) return source;
  const made = new CasesSource(
    db,
    inspectionId,
    (source) => !sources.has(source) && !!sources.add(source),
    (source) => sources.delete(source),
  );
  // Followed from its first subscriber on (a screen drawn and thrown away never subscribes).
  return made;
}

/** Rows this window's write committed: every screen showing their inspection shows them at once. */
export function casesCommitted(db: CasescoreDatabase, rows: readonly StoredCase[]): void {
  for (const source of sources) if (source.db === db) source.committed(rows);
}

const NOTHING: Shown = { rows: [] };
const noSubscription = () => () => undefined;

/** An inspection's cases, removed ones included (they are tombstones), in reference order; `undefined` while loading. */
export function useCasesOf(inspectionId: string | undefined): StoredCase[] | undefined {
  const source = inspectionId ? sourceOf(database(), inspectionId) : null;
  const shown = useSyncExternalStore(
    source?.subscribe ?? noSubscription,
    source?.snapshot ?? (() => NOTHING),
  );
  if (shown.error) throw shown.error;
  return shown.rows;
}
