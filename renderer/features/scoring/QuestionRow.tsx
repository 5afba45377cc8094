// One question of a case: Yes / No / Not applicable (buttons or the Y, N and A keys), a note, and whether the
// answer is saved. A question that cannot apply says why and accepts only Not applicable; a Yes or No given
// before it stopped applying is shown set aside (kept, not counted). Any other letter typed on the row starts
// the note, so typing a sentence never answers a run of questions.
import { memo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { AnswerValue } from '#shared/framework';
import { describeStorageError, versionOf, type AnswerEntry, type StoredAnswer } from '../../db';
import { answerKey } from '../../state/answers-slice';
import { useCasescore } from '../../state/store';
import { Problem } from '../../ui/Message';
import { autosaveText, useAutosave } from '../../ui/useAutosave';
import { shownAnswer } from './shown-answer';
import { PAGE_KEYS } from './useScoringKeys';
import './scoring.css';

/** Keys the scoring page uses (next case, next unanswered, next key question, history); they never start a note. */
const NAVIGATION_KEYS = new Set(PAGE_KEYS);

const CHOICES: readonly { value: AnswerValue; label: string; name: string; key: string }[] = [
  { value: 'yes', label: 'Yes', name: 'Yes', key: 'Y' },
  { value: 'no', label: 'No', name: 'No', key: 'N' },
  { value: 'na', label: 'N/A', name: 'Not applicable', key: 'A' },
];

export interface QuestionRowProps {
  /** The row's place in the case's list of questions. */
  readonly index: number;
  readonly id: string;
  readonly kind: 'key-question' | 'prompt' | 'non-rated';
  readonly label: string;
  readonly text: string;
  /** Why it cannot apply, or null when it can. */
  readonly notApplicableBecause: string | null;
  /** The answer as stored; shown unless this window's own save of it is in flight or failed (shown-answer.ts). */
  readonly stored: StoredAnswer | undefined;
  readonly onAnswer: (index: number, entry: AnswerEntry, via: 'key' | 'click') => void;
  /** The case the row belongs to. */
  readonly caseId: string;
  /** Saves the note beside the answer (its value unchanged); rejects when it was not saved. */
  readonly onNote: (caseId: string, questionId: string, note: string) => Promise<void>;
  readonly onMove: (index: number, step: 1 | -1) => void;
  readonly onFocusRow: (index: number) => void;
  /** The row's element, for the page's keys to move focus to it. */
  readonly ref?: Ref<HTMLDivElement>;
}

export const QuestionRow = memo(function QuestionRow(props: QuestionRowProps) {
  const { index, id, kind, label, text, notApplicableBecause, stored, caseId, ref } = props;
  const { onAnswer, onNote, onMove, onFocusRow } = props;
  // The row follows its own save alone: an answer given redraws this row, not the page around it.
  const pending = useCasescore((s) => s.saves[answerKey(caseId, id)]);
  const { entry, save } = shownAnswer(pending, stored);
  const value = entry?.value ?? null;
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const autosave = useAutosave(entry?.note ?? '', (typed) => onNote(caseId, id, typed), describeStorageError);
  const note = autosave.text;
  const [refused, setRefused] = useState<string | null>(null);
  const setAside = notApplicableBecause !== null && (value === 'yes' || value === 'no');

  function choose(choice: AnswerValue | null, via: 'key' | 'click') {
    if (notApplicableBecause && (choice === 'yes' || choice === 'no')) {
      setRefused('This question does not apply to this case, so it can only be N/A.');
      return;
    }
    setRefused(null);
    onAnswer(index, { value: choice, ...(note.trim() ? { note } : {}) }, via);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const choice = key === 'y' ? 'yes' : key === 'n' ? 'no' : key === 'a' ? 'na' : null;
    if (choice) {
      event.preventDefault();
      choose(choice, 'key');
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      choose(null, 'key');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onMove(index, 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(index, -1);
    } else if (
      kind !== 'prompt' &&
      event.key.length === 1 &&
      event.key !== ' ' &&
      !NAVIGATION_KEYS.has(key) &&
      noteBox.current
    ) {
      // Any other letter starts (or continues) this question's note.
      event.preventDefault();
      noteBox.current.focus();
      autosave.setText(note + event.key);
    }
  }

  const labelId = `q-${id}-label`;
  const statusId = `q-${id}-status`;
  return (
    <div
      ref={ref}
      className={`question question--${kind}${notApplicableBecause ? ' question--cannot-apply' : ''}${setAside ? ' question--set-aside' : ''}${value ? ` question--answered-${value}` : ''}`}
      role="group"
      // Tab, like the arrows, passes over a question that cannot apply (a click still reaches it).
      tabIndex={notApplicableBecause ? -1 : 0}
      aria-labelledby={labelId}
      aria-describedby={statusId}
      data-question={id}
      data-index={index}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(index);
      }}
    >
      <div className="question__text" id={labelId}>
        {kind === 'key-question' && (
          <span className="question__label">
            {label}
            {/* Heard as "Engagement: Does assessment…", not "EngagementDoes assessment…". */}
            <span className="visually-hidden">: </span>
          </span>
        )}
        {kind === 'non-rated' && <span className="tag">Not rated</span>}
        <span>{text}</span>
        {notApplicableBecause && !setAside && (
          <span className="question__why">Does not apply: {notApplicableBecause}</span>
        )}
        {setAside && (
          <span className="question__why question__set-aside">
            Set aside: answered {value === 'yes' ? 'Yes' : 'No'}, but no longer applies (
            {notApplicableBecause.replace(/\.$/, '')}). Kept, not counted; it counts again if the case&rsquo;s
            details change back.
          </span>
        )}
      </div>
      <div className="question__answer">
        <div className="answer-buttons">
          {CHOICES.map((c) => {
            const disabled = notApplicableBecause !== null && c.value !== 'na';
            return (
              <button
                key={c.value}
                type="button"
                tabIndex={-1}
                className={`answer answer--${c.value}`}
                aria-pressed={value === c.value}
                title={c.name}
                aria-keyshortcuts={c.key}
                disabled={disabled}
                onClick={() => choose(value === c.value ? null : c.value, 'click')}
              >
                {c.label}
              </button>
            );
          })}
        </div>
        <span
          id={statusId}
          className={`save-status save-status--${save?.status ?? 'none'}`}
          role={save?.status === 'failed' ? 'alert' : undefined}
        >
          {/* One text, changed in place from "Saving…" to "Saved" (three would swap one node for another). */}
          {save?.status === 'saving'
            ? 'Saving…'
            : save?.status === 'saved'
              ? 'Saved'
              : save?.status === 'failed'
                ? `Not saved: ${save.message}`
                : ''}
        </span>
      </div>
      <Problem text={refused} />
      {kind !== 'prompt' && (
        <label className="question__note">
          <span className="visually-hidden">Note on {label}</span>
          <textarea
            ref={noteBox}
            rows={1}
            placeholder="Note"
            value={note}
            onChange={(e) => autosave.setText(e.target.value)}
            onBlur={autosave.flush}
            onKeyDown={(e) => {
              // Escape leaves the note for the row, ready for the answer keys again.
              if (e.key === 'Escape') {
                e.preventDefault();
                autosave.flush();
                (e.currentTarget.closest('.question') as HTMLElement | null)?.focus();
              }
            }}
          />
          <span className={`note-status note-status--${autosave.status.kind}`} aria-live="polite">
            {autosaveText(autosave.status)}
          </span>
        </label>
      )}
    </div>
  );
}, sameRowProps);

/**
 * Whether a row would draw the same: the stored answer compared by what it shows and its version (value, note,
 * who wrote it), not by identity, so the rows re-read after every save do not redraw all fifty questions for the
 * one that changed.
 */
function sameRowProps(before: QuestionRowProps, after: QuestionRowProps): boolean {
  for (const key of Object.keys(after) as (keyof QuestionRowProps)[]) {
    if (key === 'stored') continue;
    if (!Object.is(before[key], after[key])) return false;
  }
  return (
    before.stored?.value === after.stored?.value &&
    before.stored?.note === after.stored?.note &&
    versionOf(before.stored) === versionOf(after.stored)
  );
}
