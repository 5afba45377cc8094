// Which cases the case list shows, by inspector, completeness, and a No answer to a chosen key question.
import type { Framework } from '#shared/framework';
import { caseProgress, type Progress } from '#shared/scoring';
import type { StoredCase } from '../../db';
import type { CaseFilters } from '../../state/filters-slice';

/** A live case with its progress. */
export interface CaseRow {
  readonly sampled: StoredCase;
  readonly progress: Progress;
}

/** Live cases with their progress, in the order given. */
export function caseRows(
  framework: Framework,
  options: Readonly<Record<string, boolean>>,
  cases: readonly StoredCase[],
): CaseRow[] {
  return cases
    .filter((c) => !c.deleted)
    .map((sampled) => ({ sampled, progress: caseProgress(framework, options, sampled) }));
}

/** The rows the filters let through. */
export function filterCaseRows(rows: readonly CaseRow[], filters: CaseFilters): CaseRow[] {
  return rows.filter(({ sampled, progress }) => {
    if (filters.inspector && sampled.inspector !== filters.inspector) return false;
    if (filters.incompleteOnly && progress.status === 'complete') return false;
    if (filters.answeredNoTo && sampled.answers[filters.answeredNoTo]?.value !== 'no') return false;
    return true;
  });
}
