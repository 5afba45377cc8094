/**
 * The rows of the cases this window is answering, as it last read or wrote them, so that saving an answer needs
 * no read before its write (see write.ts). A copy is only ever a guess: every write that uses one confirms, in
 * the same transaction, that the stored rows are still what the copy says, and is made again from the stored
 * rows when they are not. A few cases are kept (the open one and those just left); a write that fails forgets
 * its case.
 */
import type { StoredCase, StoredInspection } from './entities';

/** A case as this window last saw it, with what its inspection says that an answer depends on. */
export interface OpenCase {
  readonly sampled: StoredCase;
  readonly inspection: Pick<StoredInspection, 'id' | 'framework' | 'options'>;
}

/** How many cases are kept: the open one and the few just left (J and K move between them). */
const KEPT = 4;

const copies = new WeakMap<object, Map<string, OpenCase>>();

function copiesOf(db: object): Map<string, OpenCase> {
  let map = copies.get(db);
  if (!map) {
    map = new Map();
    copies.set(db, map);
  }
  return map;
}

/** The copy of a case kept for `db`, if any. */
export function openCase(db: object, caseId: string): OpenCase | undefined {
  return copiesOf(db).get(caseId);
}

/** Keeps (or replaces) a case's copy, newest last; the oldest beyond a few are dropped. */
export function keepOpenCase(db: object, copy: OpenCase): void {
  const map = copiesOf(db);
  map.delete(copy.sampled.id);
  map.set(copy.sampled.id, copy);
  while (map.size > KEPT) map.delete(map.keys().next().value as string);
}

/** Forgets a case's copy (its write failed, so what is stored is not known). */
export function forgetOpenCase(db: object, caseId: string): void {
  copiesOf(db).delete(caseId);
}

/** Whether two stored rows are the same, field by field (rows are plain JSON-like data). */
export function sameRow(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  for (const key of aKeys) {
    if (!sameRow((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Whether an inspection row still says what an answer depends on: there, not deleted, same framework and options. */
export function sameForAnswers(stored: StoredInspection | undefined, known: OpenCase['inspection']): boolean {
  return (
    stored !== undefined &&
    !stored.deletedAt &&
    sameRow(stored.framework, known.framework) &&
    sameRow(stored.options, known.options)
  );
}
