/**
 * What the summary upkeep (summary-upkeep.ts) remembers of the summaries, inspections and cases its committed
 * transactions wrote, so an answer's transaction can write its inspection's new summary straight away, beside
 * the case, instead of one round trip later once the stored rows are read.
 *
 * It knows the device counter (device-counter.ts) its memories are right as of: the last change it saw commit,
 * when that change followed straight on from the one before it. A transaction that finds the stored counter still
 * there writes its guess and reads nothing more; if the counter turns out to have moved meanwhile, the upkeep
 * counts the inspection again from its stored rows. Otherwise the memory is only a guess: the upkeep reads the
 * stored rows in the same transaction, works the summary out from them, and writes that over the guess when the
 * two differ (IndexedDB carries out a transaction's requests in order, so the later write is the one that
 * stays). A wrong memory (another window wrote, a transaction aborted) costs one more write, never a wrong
 * summary.
 *
 * It holds counts and inspection rows, never a case's content: a case is remembered by its totals alone. An
 * inspection row's judgements and overrides are sealed at rest, so every memory is emptied when the keys are
 * opened or closed (the lock).
 */
import { onAtRestChange } from './at-rest';
import { sameChange, type DeviceRecord } from './device-counter';
import type { StoredCase, StoredInspection } from './entities';
import {
  addSummaryTotals,
  countingContext,
  summaryRow,
  totalsOfCase,
  type StoredSummary,
  type SummaryTotals,
} from './summaries';

/** One inspection as last committed: its row and its summary's totals. */
interface RememberedInspection {
  readonly inspection: StoredInspection;
  readonly totals: SummaryTotals;
}

/** One case as last committed: its inspection, and its totals as counted against that inspection's framework and options. */
interface RememberedCase {
  readonly inspectionId: string;
  readonly countedAgainst: string;
  readonly totals: SummaryTotals;
}

/** What a case's totals depend on besides the case: its inspection's framework and options. */
function countedAgainst(inspection: StoredInspection): string {
  return JSON.stringify([inspection.framework, inspection.options]);
}

/** Enough for an inspection or two being worked on; the oldest are forgotten first. */
const MOST_INSPECTIONS = 8;
const MOST_CASES = 240;

/** Every memory made (one per database opened), held weakly so a closed database's can go. */
const memories = new Set<WeakRef<SummaryMemory>>();
onAtRestChange(() => {
  for (const held of memories) {
    const memory = held.deref();
    if (memory) memory.forget();
    else memories.delete(held);
  }
});

export class SummaryMemory {
  readonly #inspections = new Map<string, RememberedInspection>();
  readonly #cases = new Map<string, RememberedCase>();
  /**
   * The device record (device-counter.ts) of the last change these memories are right as of; `undefined` when
   * not known. Its id and change id count as well as its counter: a record deleted, reset or put back by hand
   * counts up to the same numbers again.
   */
  #rightAsOf: DeviceRecord | undefined;

  constructor() {
    memories.add(new WeakRef(this));
  }

  /** The device record of the last change every memory here is right as of, or `undefined`. */
  get rightAsOf(): DeviceRecord | undefined {
    return this.#rightAsOf;
  }

  /** An inspection's row as last committed. */
  inspection(id: string): StoredInspection | undefined {
    return this.#inspections.get(id)?.inspection;
  }

  /**
   * After a transaction commits: each inspection's row and summary totals as it left them, the case rows it
   * wrote (`undefined`: deleted), and how it moved the device counter. An inspection it left without a row or
   * summary is forgotten; so is everything else when the transaction did not follow straight on from the last
   * change remembered (another window, or a write that moved no counter, came between).
   */
  committed(
    inspections: ReadonlyMap<
      string,
      { inspection: StoredInspection | undefined; totals: SummaryTotals | null }
    >,
    cases: ReadonlyMap<string, StoredCase | undefined>,
    moved: { readonly from: DeviceRecord; readonly to: DeviceRecord } | undefined,
  ): void {
    if (!moved || !this.#rightAsOf || !sameChange(moved.from, this.#rightAsOf)) this.forget();
    for (const [id, { inspection, totals }] of inspections) {
      this.#inspections.delete(id);
      if (inspection && totals) this.#inspections.set(id, { inspection, totals });
    }
    trim(this.#inspections, MOST_INSPECTIONS);
    for (const [id, row] of cases) {
      this.#cases.delete(id);
      const counted = row && this.#inspections.get(row.inspectionId)?.inspection;
      if (row && counted) {
        this.#cases.set(id, {
          inspectionId: row.inspectionId,
          countedAgainst: countedAgainst(counted),
          totals: totalsOfCase(countingContext(counted), row),
        });
      }
    }
    trim(this.#cases, MOST_CASES);
    this.#rightAsOf = moved?.to;
  }

  /** Forgets everything (the encryption keys were opened or closed: inspection rows are sealed content). */
  forget(): void {
    this.#inspections.clear();
    this.#cases.clear();
    this.#rightAsOf = undefined;
  }

  /**
   * The summary an inspection will have once these case rows (each case written once, all of the one
   * inspection) replace the remembered ones; `undefined` when something needed is not remembered.
   */
  guess(inspectionId: string, written: readonly StoredCase[]): StoredSummary | undefined {
    const remembered = this.#inspections.get(inspectionId);
    if (!remembered) return undefined;
    const context = countingContext(remembered.inspection);
    const against = countedAgainst(remembered.inspection);
    let totals = remembered.totals;
    for (const row of written) {
      const before = this.#cases.get(row.id);
      // Counted against other options or another framework than the inspection has now: no use.
      if (!before || before.inspectionId !== inspectionId || before.countedAgainst !== against)
        return undefined;
      if (row.inspectionId !== inspectionId) return undefined;
      totals = addSummaryTotals(addSummaryTotals(totals, before.totals, -1), totalsOfCase(context, row));
    }
    return summaryRow(remembered.inspection, totals);
  }
}

function trim<K, V>(map: Map<K, V>, most: number): void {
  for (const key of map.keys()) {
    if (map.size <= most) return;
    map.delete(key);
  }
}
