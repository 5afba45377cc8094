// The case sample: each case's progress (answered of applicable) and status, filtered by inspector, by
// incomplete, or by a No answer to a chosen key question.
import { memo, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { caseQuestions, hasCaseDetail, keyQuestionLabel, type Framework } from '#shared/framework';
import { CASE_STATUS_LABELS } from '#shared/moderation';
import type { StoredCase, StoredInspection } from '../../db';
import { NO_FILTERS } from '../../state/filters-slice';
import { useCasescore } from '../../state/store';
import { CASE_TYPE_LABELS, ROSH_LABELS, SAFETY_WELLBEING_LABELS } from '../../ui/labels';
import { useWindowedRows } from '../../ui/useWindowedRows';
import { caseRows, filterCaseRows, type CaseRow } from './filterCases';
import { paths } from '../../app/paths';
import './cases.css';

/** Each case row's height in pixels (fixed in styles.css), so long lists can be drawn a screenful at a time. */
const ROW_HEIGHT = 41;

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
  const body = useRef<HTMLTableSectionElement>(null);
  const visible = useWindowedRows(body, shown.length, ROW_HEIGHT);

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
        <table className="table cases-table">
          <caption className="visually-hidden">
            Cases, {shown.length} shown of {rows.length}
          </caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Type</th>
              <th scope="col">RoSH</th>
              {wellbeing && <th scope="col">Safety and wellbeing</th>}
              <th scope="col">Inspector</th>
              <th scope="col">Progress</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {visible.before > 0 && (
              <tr aria-hidden="true" className="spacer" style={{ height: visible.before }}>
                <td colSpan={wellbeing ? 7 : 6} />
              </tr>
            )}
            {shown.slice(visible.start, visible.end).map((row) => (
              <CaseListRow
                key={row.sampled.id}
                row={row}
                inspectionId={inspection.id}
                framework={framework}
                wellbeing={wellbeing}
              />
            ))}
            {visible.after > 0 && (
              <tr aria-hidden="true" className="spacer" style={{ height: visible.after }}>
                <td colSpan={wellbeing ? 7 : 6} />
              </tr>
            )}
          </tbody>
        </table>
      )}
      {rows.length > 0 && shown.length === 0 && <p className="empty">No cases match these filters.</p>}
    </section>
  );
}

/**
 * One case. Memoised: as the list scrolls, only the rows coming into the window are drawn, not every row in it
 * (a row's `CaseRow` is the same object while its case is unchanged).
 */
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
    <tr>
      <th scope="row">
        <Link to={paths.scoreCase(inspectionId, sampled.id)}>{sampled.reference}</Link>
      </th>
      <td>{framework.words.caseTypes[sampled.caseType] ?? CASE_TYPE_LABELS[sampled.caseType]}</td>
      <td>{sampled.attributes.rosh ? ROSH_LABELS[sampled.attributes.rosh] : '—'}</td>
      {wellbeing && (
        <td>
          {sampled.attributes.safetyWellbeing
            ? SAFETY_WELLBEING_LABELS[sampled.attributes.safetyWellbeing]
            : '—'}
        </td>
      )}
      <td>{sampled.inspector ?? '—'}</td>
      <td>
        {progress.answered} of {progress.applicable}
      </td>
      <td>
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
