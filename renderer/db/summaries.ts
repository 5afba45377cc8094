/**
 * Each inspection's summary: what the inspections list shows (cases, progress, score, rating, what is still
 * provisional) and how many removed cases are in the bin, kept in its own small row so the list and a cold
 * start never read every case. Counts only: no reference, no note, no answer of any one case, so a summary is
 * not case content and is stored in clear when encryption at rest is on (docs/speed.md).
 *
 * Summaries are kept by summary-upkeep.ts, inside every transaction that writes a case or an inspection; this
 * file says what a summary is, works one out from the rows, and reads them.
 */
import { findFramework, type Framework } from '#shared/framework';
import {
  addTotals,
  caseTotals,
  emptyTotals,
  figuresOf,
  type InspectionFigures,
  type SampleTotals,
} from '#shared/scoring';
import type { CaseInput, DeletedCaseInput } from '#shared/scoring';
import { database } from './database';
import type { StoredCase, StoredInspection } from './entities';

/** The summaries table's name. */
export const SUMMARIES = 'summaries';

/** What adds up case by case: the sample's totals, and the removed cases in the bin. */
export interface SummaryTotals {
  /** Removed cases not yet erased: what the bin holds of this inspection's cases. */
  readonly binned: number;
  /** `null` where the cases could not be counted here (the framework is not held, or rows came sealed). */
  readonly sample: SampleTotals | null;
}

/** One inspection's summary row. */
export interface StoredSummary extends SummaryTotals {
  readonly inspectionId: string;
  /** What the list shows; `null` when the totals are, or the inspection's row cannot be rated. */
  readonly figures: InspectionFigures | null;
}

/** A row still sealed by encryption at rest (read without its key): its content cannot be counted. */
function isSealed(row: object): boolean {
  return 'sealed' in row;
}

/** A stored case as the scoring counts it. */
function asCaseInput(sampled: StoredCase): CaseInput | DeletedCaseInput {
  return sampled.deleted
    ? { deleted: true }
    : { caseType: sampled.caseType, attributes: sampled.attributes, answers: sampled.answers };
}

/** What an inspection's cases are counted against: its framework (when held here) and options. */
export interface CountingContext {
  readonly framework: Framework | undefined;
  readonly options: Readonly<Record<string, boolean>>;
}

/** The context of an inspection's row; `undefined` when there is no row (nothing to count against). */
export function countingContext(inspection: StoredInspection | undefined): CountingContext | undefined {
  if (!inspection || isSealed(inspection)) return undefined;
  return { framework: findFramework(inspection.framework), options: inspection.options };
}

/** Totals of nothing. */
export function noTotals(context: CountingContext | undefined): SummaryTotals {
  return { binned: 0, sample: context?.framework ? emptyTotals(context.framework) : null };
}

/** One case's own totals (a missing row counts nothing). */
export function totalsOfCase(
  context: CountingContext | undefined,
  sampled: StoredCase | undefined,
): SummaryTotals {
  if (!sampled) return noTotals(context);
  const binned = sampled.deleted && !sampled.purged ? 1 : 0;
  const framework = context?.framework;
  if (!framework || isSealed(sampled)) return { binned, sample: null };
  try {
    return { binned, sample: caseTotals(framework, context.options, asCaseInput(sampled)) };
  } catch {
    // A row the scoring cannot count leaves the totals unknown; the write itself must never fail for it.
    return { binned, sample: null };
  }
}

/** `a + sign × b`; counts that could not be made stay unknown. */
export function addSummaryTotals(a: SummaryTotals, b: SummaryTotals, sign: 1 | -1 = 1): SummaryTotals {
  return {
    binned: a.binned + sign * b.binned,
    sample: a.sample && b.sample ? addTotals(a.sample, b.sample, sign) : null,
  };
}

/** The summary row of an inspection with these totals. */
export function summaryRow(inspection: StoredInspection, totals: SummaryTotals): StoredSummary {
  const framework = countingContext(inspection)?.framework;
  let figures: InspectionFigures | null = null;
  if (framework && totals.sample) {
    try {
      figures = figuresOf(framework, inspection, totals.sample);
    } catch {
      // A row the scoring refuses (an override without a reason) has no figures; the list rates it itself.
      figures = null;
    }
  }
  return { inspectionId: inspection.id, binned: totals.binned, sample: totals.sample, figures };
}

/** An inspection's summary worked out from all its rows: what the upkeep must always agree with. */
export function summaryOf(inspection: StoredInspection, cases: readonly StoredCase[]): StoredSummary {
  const context = countingContext(inspection);
  let totals = noTotals(context);
  for (const sampled of cases) totals = addSummaryTotals(totals, totalsOfCase(context, sampled));
  return summaryRow(inspection, totals);
}

/** Every inspection's summary, by inspection id. */
export async function readSummaries(): Promise<Map<string, StoredSummary>> {
  const rows = await database().summaries.toArray();
  return new Map(rows.map((row) => [row.inspectionId, row]));
}

/**
 * Works out again every summary that is missing or could not be counted when it was written (a framework file
 * not yet held, rows read while locked), now that it can be. Returns how many it wrote; writes nothing (and
 * takes no write lock) when every summary has its figures.
 */
export async function refreshSummaries(): Promise<number> {
  const db = database();
  const due = async () => {
    const summaries = await readSummaries();
    return (await db.inspections.toArray()).filter(
      (i) => !summaries.get(i.id)?.figures && countingContext(i)?.framework,
    );
  };
  if ((await db.transaction('r', db.inspections, db.summaries, due)).length === 0) return 0;
  return db.transaction('rw', db.inspections, db.cases, db.summaries, async () => {
    let written = 0;
    for (const inspection of await due()) {
      const cases = await db.cases.where('inspectionId').equals(inspection.id).toArray();
      const fresh = summaryOf(inspection, cases);
      if (!fresh.figures) continue;
      await db.summaries.put(fresh);
      written += 1;
    }
    return written;
  });
}
