// The case sample: each case's progress (answered of applicable) and status, filtered by inspector, by
// incomplete, or by a No answer to a chosen key question.
import { memo, useMemo } from 'react';
import { Link } from 'react-router';
import { caseQuestions, hasCaseDetail, keyQuestionLabel, type Framework } from '#shared/framework';
import { CASE_STATUS_LABELS } from '#shared/moderation';
import type { StoredCase, StoredInspection } from '../../db';
import { NO_FILTERS } from '../../state/filters-slice';
import { useCasescore } from '../../state/store';
import { CASE_TYPE_LABELS, ROSH_LABELS, SAFETY_WELLBEING_LABELS } from '../../ui/labels';
import { caseRows, filterCaseRows, type CaseRow } from './filterCases';
import { paths } from '../../app/paths';
import './cases.css';

/** A case row's height in pixels with nothing wrapped (cases.css), for the height of a group not yet drawn. */
const ROW_HEIGHT = 41;

/**
 * Rows in each group the browser skips or draws as one (cases.css): enough that a 1,000-case list is a hundred
 * groups to check against the viewport as it scrolls rather than a thousand rows, few enough that a group coming
 * into view is a small part of a frame.
 */
const ROWS_PER_GROUP = 10;

function groups<T>(rows: readonly T[]): T[][] {
  const grouped: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_GROUP) grouped.push(rows.slice(i, i + ROWS_PER_GROUP));
  return grouped;
}

const STATUS_LABELS = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
} as const;

export function CaseList({
  inspection,
  framework,
  cases,
}: {
  inspection: StoredInspection;
  framework: Framework;
  cases: readonly StoredCase[];
}) {
  const filters = useCasescore((s) => s.caseFilters[inspection.id] ?? NO_FILTERS);
  const setFilters = useCasescore((s) => s.setCaseFilters);
  const rows = useMemo(
    () => caseRows(framework, inspection.options, cases),
    [framework, inspection.options, cases],
  );
  const shown = useMemo(() => filterCaseRows(rows, filters), [rows, filters]);
  // Youth cases record the child's safety and wellbeing level; probation cases do not.
  const wellbeing = hasCaseDetail(framework, 'safetyWellbeing');
  const inspectors = [
    ...new Set(rows.map((r) => r.sampled.inspector).filter((i): i is string => !!i)),
  ].sort();
  const keyQuestions = caseQuestions(framework).filter((q) => q.kind === 'key-question');
  const set = (changes: Partial<typeof filters>) => setFilters(inspection.id, changes);

  return (
    <section aria-labelledby="cases-heading">
      <div className="section-head">
        <h2 id="cases-heading">
          Case sample <span className="count">({rows.length})</span>
        </h2>
        <div className="filters" role="group" aria-label="Filter cases">
          <label>
            <span>Scored by</span>
            <select value={filters.inspector} onChange={(e) => set({ inspector: e.target.value })}>
              <option value="">Everyone</option>
              {inspectors.map((i) => (
                <option key={i} value={i}>
                  {i}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Answered No to</span>
            <select value={filters.answeredNoTo} onChange={(e) => set({ answeredNoTo: e.target.value })}>
              <option value="">Any key question</option>
              {keyQuestions.map((q) => (
                <option key={q.id} value={q.id}>
                  {keyQuestionLabel(framework, q.standard, q.question)}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.incompleteOnly}
              onChange={(e) => set({ incompleteOnly: e.target.checked })}
            />
            <span>Incomplete only</span>
          </label>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="empty">
          No cases yet. Add the sample below, one at a time or as a pasted list of references.
        </p>
      ) : (
        // Every case is in the page (so find in page, the keyboard and printing reach them all), and each row is
        // a grid of its own the browser lays out and paints only near the viewport (cases.css says why). A row
        // laid out as a grid is no longer a table row to the browser, so the table's roles are given outright. Its
        // own region scrolls sideways when the window is too narrow for its columns.
        <div className="table-scroll">
          <table
            className={`table cases-table${wellbeing ? ' cases-table--wellbeing' : ''}`}
            role="table"
            aria-labelledby="cases-caption"
          >
            <caption id="cases-caption" className="visually-hidden">
              Cases, {shown.length} shown of {rows.length}
            </caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  Reference
                </th>
                <th scope="col" role="columnheader">
                  Type
                </th>
                <th scope="col" role="columnheader">
                  RoSH
                </th>
                {wellbeing && (
                  <th scope="col" role="columnheader">
                    Safety and wellbeing
                  </th>
                )}
                <th scope="col" role="columnheader">
                  Inspector
                </th>
                <th scope="col" role="columnheader">
                  Progress
                </th>
                <th scope="col" role="columnheader">
                  Status
                </th>
              </tr>
            </thead>
            {groups(shown).map((group, i) => (
              <tbody
                role="rowgroup"
                key={i}
                className="cases-group"
                style={{ containIntrinsicSize: `auto ${group.length * ROW_HEIGHT}px` }}
              >
                {group.map((row) => (
                  <CaseListRow
                    key={row.sampled.id}
                    row={row}
                    inspectionId={inspection.id}
                    framework={framework}
                    wellbeing={wellbeing}
                  />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {rows.length > 0 && shown.length === 0 && <p className="empty">No cases match these filters.</p>}
    </section>
  );
}

/** One case. Memoised: a filter changed draws only the rows that were not shown before. */
const CaseListRow = memo(function CaseListRow({
  row: { sampled, progress },
  inspectionId,
  framework,
  wellbeing,
}: {
  readonly row: CaseRow;
  readonly inspectionId: string;
  readonly framework: Framework;
  readonly wellbeing: boolean;
}) {
  return (
    <tr role="row">
      <th scope="row" role="rowheader">
        <Link to={paths.scoreCase(inspectionId, sampled.id)}>{sampled.reference}</Link>
      </th>
      <td role="cell">{framework.words.caseTypes[sampled.caseType] ?? CASE_TYPE_LABELS[sampled.caseType]}</td>
      <td role="cell">{sampled.attributes.rosh ? ROSH_LABELS[sampled.attributes.rosh] : '—'}</td>
      {wellbeing && (
        <td role="cell">
          {sampled.attributes.safetyWellbeing
            ? SAFETY_WELLBEING_LABELS[sampled.attributes.safetyWellbeing]
            : '—'}
        </td>
      )}
      <td role="cell">{sampled.inspector ?? '—'}</td>
      <td role="cell">
        {progress.answered} of {progress.applicable}
      </td>
      <td role="cell">
        <span className={`status status--${progress.status}`}>{STATUS_LABELS[progress.status]}</span>
        {sampled.status && sampled.status.value !== 'in-progress' && (
          <>
            {' '}
            <span className="tag">{CASE_STATUS_LABELS[sampled.status.value]}</span>
          </>
        )}
      </td>
    </tr>
  );
});
