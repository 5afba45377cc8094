// Scoring one case, keyboard first (the keys are in useScoringKeys): Y, N and A answer the focused question
// and move on to the next that can apply. The ratings panel beside the form moves as answers are saved.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  caseQuestions,
  numberStandards,
  standardIsRated,
  type ApplicabilityContext,
  type CaseQuestion,
} from '#shared/framework';
import { caseProgress } from '#shared/scoring';
import { describeStorageError, setPromptsOptional, type AnswerEntry, type StoredCase } from '../../db';
import { answerKey } from '../../state/answers-slice';
import { useCasescore } from '../../state/store';
import { caseDetailPhrases } from '../cases/case-details-text';
import { CaseStatusBar } from '../qa/CaseStatusBar';
import { RatingsAside } from '../ratings/RatingsAside';
import { useActor } from '../settings/actor';
import { whyNotApplicable } from './applicability-text';
import { CaseNote } from './CaseNote';
import { AnswerHistory } from './AnswerHistory';
import { EditCaseDialog } from './EditCaseDialog';
import { QuestionRow } from './QuestionRow';
import { shownAnswer } from './shown-answer';
import { paths } from '../../app/paths';
import './scoring-desk.css';
import { useScoringKeys } from './useScoringKeys';
import { ARRIVAL } from '../../ui/useArrivalFocus';
import { useAddressedInspection } from '../ratings/useRatedInspection';

/** A question as this case shows it, and the standard heading it starts, if it is the first of one. */
interface Row {
  readonly question: CaseQuestion;
  readonly notApplicableBecause: string | null;
  readonly heading: string | null;
}

/** A question as its row names it: a key question by its label, anything else by its words. */
function labelOf(question: CaseQuestion): string {
  return question.kind === 'key-question' ? question.question.label : question.question.text;
}

function standardOf(question: CaseQuestion): string {
  return question.kind === 'non-rated' ? question.standardId : question.standard.id;
}

export function CaseScoringPage() {
  const { inspectionId, caseId } = useParams();
  const { inspection, cases, rated } = useAddressedInspection();
  const by = useActor();
  const navigate = useNavigate();
  const answer = useCasescore((s) => s.answer);
  const saveNote = useCasescore((s) => s.saveNote);
  const undo = useCasescore((s) => s.undo);
  const redo = useCasescore((s) => s.redo);
  const notify = useCasescore((s) => s.notify);
  const [editing, setEditing] = useState(false);
  const [historyOf, setHistoryOf] = useState<number | null>(null);

  const live = useMemo(() => (cases ?? []).filter((c) => !c.deleted), [cases]);
  const index = live.findIndex((c) => c.id === caseId);
  const sampled: StoredCase | undefined = live[index];

  // The questions as this case shows them depend on the case's type and facts, not on its answers: worked out
  // again when those change, not after every answer saved.
  const framework = rated?.framework;
  const facts = sampled && `${sampled.id} ${sampled.caseType} ${JSON.stringify(sampled.attributes)}`;
  const rows: Row[] = useMemo(() => {
    if (!framework || !inspection || !sampled) return [];
    const context: ApplicabilityContext = {
      options: inspection.options,
      caseType: sampled.caseType,
      attributes: sampled.attributes,
    };
    const numbers = numberStandards(framework, inspection.options);
    const names = new Map(framework.domains.flatMap((d) => d.standards.map((s) => [s.id, s.name] as const)));
    // Each standard's key questions and prompts, then the non-rated questions shown beside it.
    const questions = caseQuestions(framework);
    const ordered = framework.domains
      .flatMap((d) => d.standards)
      .filter((s) => s.method === 'case-sample' && standardIsRated(s, inspection.options))
      .flatMap((s) => questions.filter((q) => standardOf(q) === s.id));
    return ordered.map((question, i, all) => {
      const standardId = standardOf(question);
      const first = i === 0 || standardOf(all[i - 1]!) !== standardId;
      return {
        question,
        notApplicableBecause: whyNotApplicable(question, context),
        heading: first ? `${numbers.get(standardId) ?? ''} ${names.get(standardId) ?? ''}`.trim() : null,
      };
    });
    // `facts` stands for the case's id, type and attributes; `sampled` itself changes with every answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [framework, inspection?.options, facts]);

  // The case and the cases around it as last drawn, for the keys (read when a key is pressed, so the key
  // handlers keep one identity while answers are saved).
  const here = useRef({ sampled, live, index });
  useLayoutEffect(() => {
    here.current = { sampled, live, index };
  });

  // What a question shows, read when a key needs it (each row draws its own from its own save, so an answer
  // given redraws its row alone, not the page).
  const entryFor = useCallback((questionId: string): AnswerEntry | undefined => {
    const current = here.current.sampled;
    return current
      ? shownAnswer(
          useCasescore.getState().saves[answerKey(current.id, questionId)],
          current.answers[questionId],
        ).entry
      : undefined;
  }, []);

  const goToCase = useCallback(
    (step: 1 | -1) => {
      const next = here.current.live[here.current.index + step];
      if (next && inspectionId) navigate(paths.scoreCase(inspectionId, next.id));
    },
    [inspectionId, navigate],
  );

  // Undo and redo can reach an answer in another case: follow it there.
  const followChange = useCallback(
    (change: { caseId: string } | null | undefined) => {
      if (change && change.caseId !== caseId && inspectionId) {
        navigate(paths.scoreCase(inspectionId, change.caseId));
      }
    },
    [caseId, inspectionId, navigate],
  );
  // Shown as chosen at once; the stored preference follows when the write commits.
  const [promptsChoice, setPromptsChoice] = useState<boolean | null>(null);
  const promptsOptional = promptsChoice ?? inspection?.promptsOptional === true;
  const keys = useScoringKeys({
    caseId: sampled?.id,
    rows,
    promptsOptional,
    valueOf: useCallback((questionId: string) => entryFor(questionId)?.value, [entryFor]),
    goToCase,
    undo: useCallback(async () => followChange(await undo(by)), [undo, by, followChange]),
    redo: useCallback(async () => followChange(await redo(by)), [redo, by, followChange]),
    onAllAnswered: useCallback(
      () => notify({ kind: 'info', text: 'Every question that applies to this case is answered.' }),
      [notify],
    ),
    onHistory: setHistoryOf,
  });

  // Row callbacks that never change identity (they read the latest state through a ref), so answering one
  // question redraws that row and the ratings panel, not all fifty rows.
  const latest = useRef({ rows, entryFor, answer, saveNote, by, caseId: sampled?.id });
  useLayoutEffect(() => {
    latest.current = { rows, entryFor, answer, saveNote, by, caseId: sampled?.id };
  });
  // A note is saved to the case and question of the row it was typed in (rows are keyed by case, so a note still
  // being saved as the inspector moves to the next case cannot land on that case).
  const noteFor = useCallback(async (caseId: string, questionId: string, note: string) => {
    const { saveNote: save, by: who } = latest.current;
    await save(caseId, questionId, note, who);
  }, []);
  const { advanceFrom } = keys;
  const answerAt = useCallback(
    (index: number, entry: AnswerEntry, via: 'key' | 'click') => {
      const { rows: current, entryFor: entryOf, answer: save, by: who, caseId: id } = latest.current;
      const question = current[index]?.question;
      if (!question || !id) return;
      const before = entryOf(question.id) ?? { value: null };
      // Focus moves on before the answer is drawn: moving it after would make the browser lay out the page
      // with the answer there and then, inside the key's event, and then again for the frame.
      if (via === 'key') advanceFrom(index);
      void save({ caseId: id, questionId: question.id, before, after: entry }, who);
    },
    [advanceFrom],
  );

  if (inspection === null || (cases && rated && !sampled)) {
    return <main className="page">That case does not exist (it may have been removed).</main>;
  }
  if (!inspection || !rated || !sampled) return <main className="page">Loading…</main>;

  const progress = caseProgress(rated.framework, inspection.options, sampled);

  return (
    <div className="with-panel">
      <main className="page scoring">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to={paths.inspection(inspection.id)}>{inspection.name}</Link>{' '}
          <span aria-hidden="true">›</span> <span aria-current="page">Case {sampled.reference}</span>
        </nav>
        <div className="page-head">
          <div>
            <h1>Case {sampled.reference}</h1>
            <p className="sub">
              {[
                ...caseDetailPhrases(rated.framework, sampled),
                sampled.inspector && `inspector ${sampled.inspector}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p className="sub">
              Case {index + 1} of {live.length} · {progress.answered} of {progress.applicable} answered
            </p>
          </div>
          <div className="actions">
            <button type="button" className="button" onClick={() => goToCase(-1)} disabled={index <= 0}>
              ‹ Previous case (K)
            </button>
            <button
              type="button"
              className="button"
              onClick={() => goToCase(1)}
              disabled={index >= live.length - 1}
            >
              Next case (J) ›
            </button>
            <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
              Edit case
            </button>
            <Link
              className="button button--quiet"
              to={`/inspections/${inspection.id}/cases/${sampled.id}/record`}
            >
              Case record
            </Link>
          </div>
        </div>
        <CaseStatusBar sampled={sampled} framework={rated.framework} options={inspection.options} by={by} />
        <CaseNote key={sampled.id} sampled={sampled} />
        <p className="keys-hint">
          <kbd>Y</kbd> Yes · <kbd>N</kbd> No · <kbd>A</kbd> N/A · <kbd>↑</kbd>
          <kbd>↓</kbd> or <kbd>Tab</kbd> move · <kbd>Q</kbd> next key question · <kbd>U</kbd> next unanswered
          · <kbd>J</kbd>/<kbd>K</kbd> next/previous case · <kbd>H</kbd> history of an answer · <kbd>Ctrl</kbd>
          +<kbd>Z</kbd> undo · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd> redo
        </p>
        <label className="prompts-optional">
          <input
            type="checkbox"
            checked={promptsOptional}
            onChange={(event) => {
              const optional = event.target.checked;
              setPromptsChoice(optional);
              setPromptsOptional(inspection.id, optional, by).catch((error: unknown) => {
                setPromptsChoice(null);
                notify({ kind: 'error', text: `Not saved: ${describeStorageError(error)}` });
              });
            }}
          />{' '}
          Prompts optional in this inspection: moving by keyboard goes from key question to key question
          (prompts can still be answered)
        </label>
        <div className={`questions${promptsOptional ? ' questions--prompts-optional' : ''}`}>
          {rows.map((row, i) => {
            const q = row.question;
            const label = q.kind === 'key-question' ? q.question.label : q.question.text;
            return (
              <div key={`${sampled.id}:${q.id}`}>
                {row.heading && <h2 className="standard-heading">{row.heading}</h2>}
                <QuestionRow
                  ref={keys.setRowRef}
                  index={i}
                  id={q.id}
                  kind={q.kind}
                  label={label}
                  text={q.question.text}
                  notApplicableBecause={row.notApplicableBecause}
                  stored={sampled.answers[q.id]}
                  onFocusRow={keys.setFocused}
                  onMove={keys.moveFrom}
                  onAnswer={answerAt}
                  caseId={sampled.id}
                  onNote={noteFor}
                />
              </div>
            );
          })}
        </div>
      </main>
      <RatingsAside inspectionId={inspection.id} rated={rated} />
      {historyOf !== null && rows[historyOf] && (
        <AnswerHistory
          caseId={sampled.id}
          questionId={rows[historyOf].question.id}
          label={labelOf(rows[historyOf].question)}
          onClose={() => setHistoryOf(null)}
        />
      )}
      {editing && (
        <EditCaseDialog
          sampled={sampled}
          framework={rated.framework}
          options={inspection.options}
          numbers={numberStandards(rated.framework, inspection.options)}
          onClose={() => setEditing(false)}
          onRemoved={() => navigate(paths.inspection(inspection.id), { state: ARRIVAL })}
        />
      )}
    </div>
  );
}
