// Which cases the grid shows and in what order: a find box (reference or inspector), a "show" choice, a sort.
import type { StoredCase } from '../../db';

export type GridShow = 'all' | 'with-no' | 'unanswered';
export type GridSort = 'reference' | 'most-no' | 'inspector';

const byReference = (a: StoredCase, b: StoredCase) =>
  a.reference.localeCompare(b.reference, 'en', { numeric: true });

export function sortCases(
  cases: readonly StoredCase[],
  {
    filter,
    show,
    sort,
    questionIds,
  }: { filter: string; show: GridShow; sort: GridSort; questionIds: readonly string[] },
): StoredCase[] {
  const find = filter.trim().toLowerCase();
  const noCount = (c: StoredCase) => questionIds.filter((q) => c.answers[q]?.value === 'no').length;
  const unanswered = (c: StoredCase) => questionIds.some((q) => (c.answers[q]?.value ?? null) === null);
  const shown = cases.filter(
    (c) =>
      (!find ||
        c.reference.toLowerCase().includes(find) ||
        (c.inspector ?? '').toLowerCase().includes(find)) &&
      (show === 'all' || (show === 'with-no' ? noCount(c) > 0 : unanswered(c))),
  );
  const order =
    sort === 'most-no'
      ? (a: StoredCase, b: StoredCase) => noCount(b) - noCount(a) || byReference(a, b)
      : sort === 'inspector'
        ? (a: StoredCase, b: StoredCase) =>
            (a.inspector ?? '').localeCompare(b.inspector ?? '') || byReference(a, b)
        : byReference;
  return [...shown].sort(order);
}
