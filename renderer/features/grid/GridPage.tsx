// The grid: cases down the side, one standard's key questions across, as inspectors keep them in a spreadsheet
// today. For entry by keyboard (arrows move; Y, N, A answer and move on; Delete clears; Ctrl+D fills from the
// cell above; Enter opens the case) and for review (filter, sort, each column's counts). Answers go through
// the same save path as the case page, so "Saved", undo and the ratings panel behave the same.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  numberStandards,
  standardAppliesToCase,
  standardIsRated,
  type AnswerValue,
  type CaseSampledStandard,
} from '#shared/framework';
import { type AnswerEntry, type StoredCase } from '../../db';
import { answerKey } from '../../state/answers-slice';
import { useCasescore } from '../../state/store';
import { InspectionTabs } from '../inspections/InspectionTabs';
import { shownAnswer } from '../scoring/shown-answer';
import { RatingsAside } from '../ratings/RatingsAside';
import { useActor } from '../settings/actor';
import { sortCases, type GridShow, type GridSort } from './grid-rows';
import './grid.css';
import { useAddressedInspection } from '../ratings/useRatedInspection';

const WORDS: Readonly<Record<AnswerValue, string>> = { yes: 'Yes', no: 'No', na: 'N/A' };
const KEYS: Readonly<Record<string, AnswerValue>> = { y: 'yes', n: 'no', a: 'na' };

export function GridPage() {
  const { standardId } = useParams();
  const { inspection, cases, rated } = useAddressedInspection();
  const by = useActor();
  const navigate = useNavigate();
  const saves = useCasescore((s) => s.saves);
  const answer = useCasescore((s) => s.answer);
  const [filter, setFilter] = useState('');
  const [show, setShow] = useState<GridShow>('all');
  const [sort, setSort] = useState<GridSort>('reference');
  const [at, setAt] = useState<[number, number]>([0, 1]);
  const [said, setSaid] = useState('');
  const table = useRef<HTMLTableElement>(null);

  const standards = useMemo(
    () =>
      rated && inspection
        ? rated.framework.domains
            .flatMap((d) => d.standards)
            .filter(
              (s): s is CaseSampledStandard =>
                s.method === 'case-sample' && standardIsRated(s, inspection.options),
            )
        : [],
    [rated, inspection],
  );
  const standard = standards.find((s) => s.id === standardId) ?? standards[0];
  const numbers = useMemo(
    () =>
      rated && inspection ? numberStandards(rated.framework, inspection.options) : new Map<string, string>(),
    [rated, inspection],
  );

  const valueOf = (c: StoredCase, questionId: string): AnswerValue | null => {
    // The same rule as the case page: this window's save until the stored row catches up, else what is stored.
    return shownAnswer(saves[answerKey(c.id, questionId)], c.answers[questionId]).entry?.value ?? null;
  };

  const questions = useMemo(() => standard?.keyQuestions ?? [], [standard]);
  const rows = useMemo(() => {
    if (!inspection || !standard) return [];
    const live = (cases ?? []).filter((c) => !c.deleted);
    return sortCases(live, { filter, show, sort, questionIds: questions.map((q) => q.id) });
  }, [cases, inspection, standard, filter, show, sort, questions]);

  if (inspection === null) return <main className="page">That inspection does not exist.</main>;
  if (!inspection || !rated || !cases) return <main className="page">Loading…</main>;
  if (!standard) return <main className="page">This inspection rates no case-sampled standard.</main>;

  const applies = (c: StoredCase) =>
    standardAppliesToCase(standard, {
      options: inspection.options,
      caseType: c.caseType,
      attributes: c.attributes,
    });
  const [row, col] = [Math.min(at[0], Math.max(rows.length - 1, 0)), Math.min(at[1], questions.length)];

  function focusCell(r: number, c: number) {
    const next: [number, number] = [
      Math.max(0, Math.min(r, rows.length - 1)),
      Math.max(0, Math.min(c, questions.length)),
    ];
    setAt(next);
    table.current?.querySelector<HTMLElement>(`[data-cell="${next[0]}:${next[1]}"]`)?.focus();
  }

  function save(c: StoredCase, questionId: string, value: AnswerValue | null) {
    const stored = c.answers[questionId];
    const before: AnswerEntry = stored
      ? { value: stored.value, ...(stored.note ? { note: stored.note } : {}) }
      : { value: null };
    void answer({ caseId: c.id, questionId, before, after: { ...before, value } }, by);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, r: number, c: number) {
    const sampled = rows[r];
    if (!sampled || event.altKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const question = c > 0 ? questions[c - 1] : undefined;
    const move = (dr: number, dc: number) => {
      event.preventDefault();
      focusCell(r + dr, c + dc);
    };
    if (event.key === 'ArrowDown') return move(1, 0);
    if (event.key === 'ArrowUp') return move(-1, 0);
    if (event.key === 'ArrowRight') return move(0, 1);
    if (event.key === 'ArrowLeft') return move(0, -1);
    if (event.key === 'Home') return move(0, -c);
    if (event.key === 'End') return move(0, questions.length - c);
    if (event.key === 'Enter') {
      event.preventDefault();
      navigate(`/inspections/${inspection!.id}/cases/${sampled.id}`);
      return;
    }
    if (!question) return;
    const cannotApply = !applies(sampled);
    let value: AnswerValue | null | undefined;
    if (event.ctrlKey && key === 'd') {
      const above = rows[r - 1];
      if (!above) return;
      event.preventDefault();
      value = valueOf(above, question.id);
    } else if (event.ctrlKey) return;
    else if (KEYS[key]) value = KEYS[key];
    else if (event.key === 'Delete' || event.key === 'Backspace') value = null;
    if (value === undefined) return;
    event.preventDefault();
    if (cannotApply && (value === 'yes' || value === 'no')) {
      setSaid(`${standard!.name} does not apply to case ${sampled.reference}, so it can only be N/A.`);
      return;
    }
    setSaid('');
    save(sampled, question.id, value);
    // Answering moves along the row, then to the next case, as entry from a paper record goes.
    if (!event.ctrlKey && value !== null) {
      if (c < questions.length) focusCell(r, c + 1);
      else focusCell(r + 1, 1);
    }
  }

  const counts = questions.map((q) => {
    const tally = { yes: 0, no: 0, na: 0 };
    for (const c of rows) {
      const v = valueOf(c, q.id);
      if (v) tally[v] += 1;
    }
    return tally;
  });

  return (
    <div className="with-panel">
      <main className="page grid-page">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to={`/inspections/${inspection.id}`}>{inspection.name}</Link>{' '}
          <span aria-hidden="true">›</span> <span aria-current="page">Grid</span>
        </nav>
        <InspectionTabs inspection={inspection} />
        <h1>Grid: {`${numbers.get(standard.id) ?? ''} ${standard.name}`.trim()}</h1>
        <div className="grid-controls">
          <label className="field">
            <span>Standard</span>
            <select
              value={standard.id}
              onChange={(e) => navigate(`/inspections/${inspection.id}/grid/${e.target.value}`)}
            >
              {standards.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${numbers.get(s.id) ?? ''} ${s.name}`.trim()}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Find a case</span>
            <input
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder="Reference or inspector"
            />
          </label>
          <label className="field">
            <span>Show</span>
            <select value={show} onChange={(e) => setShow(e.target.value as GridShow)}>
              <option value="all">Every case</option>
              <option value="with-no">Cases with a No</option>
              <option value="unanswered">Cases not finished</option>
            </select>
          </label>
          <label className="field">
            <span>Sort by</span>
            <select value={sort} onChange={(e) => setSort(e.target.value as GridSort)}>
              <option value="reference">Reference</option>
              <option value="most-no">Most No answers first</option>
              <option value="inspector">Inspector</option>
            </select>
          </label>
        </div>
        <p className="keys-hint">
          <kbd>↑</kbd>
          <kbd>↓</kbd>
          <kbd>←</kbd>
          <kbd>→</kbd> move · <kbd>Y</kbd> <kbd>N</kbd> <kbd>A</kbd> answer and move on · <kbd>Delete</kbd>{' '}
          clear · <kbd>Ctrl</kbd>+<kbd>D</kbd> fill from the cell above · <kbd>Enter</kbd> open the case
        </p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {said}
        </p>
        {said && (
          <p className="field-error" aria-hidden="true">
            {said}
          </p>
        )}
        {rows.length === 0 ? (
          <p className="empty">No case matches.</p>
        ) : (
          <div className="table-scroll" tabIndex={-1}>
            <table
              ref={table}
              className="table answer-grid"
              role="grid"
              aria-label={`Answers to ${standard.name}`}
            >
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  {questions.map((q) => (
                    <th key={q.id} scope="col" title={q.text}>
                      {q.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((c, r) => {
                  const cannotApply = !applies(c);
                  return (
                    <tr key={c.id}>
                      <th
                        scope="row"
                        role="rowheader"
                        data-cell={`${r}:0`}
                        tabIndex={r === row && col === 0 ? 0 : -1}
                        onFocus={() => setAt([r, 0])}
                        onKeyDown={(e) => onKeyDown(e, r, 0)}
                      >
                        <Link to={`/inspections/${inspection.id}/cases/${c.id}`} tabIndex={-1}>
                          {c.reference}
                        </Link>
                        {c.inspector && <span className="sub"> {c.inspector}</span>}
                      </th>
                      {questions.map((q, i) => {
                        const value = valueOf(c, q.id);
                        const save = saves[answerKey(c.id, q.id)];
                        return (
                          <td
                            key={q.id}
                            role="gridcell"
                            data-cell={`${r}:${i + 1}`}
                            data-question={q.id}
                            tabIndex={r === row && col === i + 1 ? 0 : -1}
                            aria-label={`${c.reference}, ${q.label}: ${value ? WORDS[value] : cannotApply ? 'does not apply' : 'unanswered'}${save?.status === 'failed' ? `, not saved: ${save.message}` : ''}`}
                            className={`grid-cell${value ? ` grid-cell--${value}` : ''}${cannotApply ? ' grid-cell--cannot-apply' : ''}${save?.status === 'failed' ? ' grid-cell--failed' : ''}`}
                            onFocus={() => setAt([r, i + 1])}
                            onKeyDown={(e) => onKeyDown(e, r, i + 1)}
                          >
                            {value ? WORDS[value] : cannotApply ? '—' : ''}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Shown cases</th>
                  {counts.map((t, i) => (
                    <td key={questions[i]!.id} className="grid-counts">
                      Yes {t.yes} · No {t.no} · N/A {t.na}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </main>
      <RatingsAside inspectionId={inspection.id} rated={rated} />
    </div>
  );
}
