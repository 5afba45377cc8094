// The scoring desk's keyboard: where focus goes as a case is answered, and the page's own keys.
//
// A "stop" is a question focus may land on when moving by keyboard: one that can apply to this case and, when
// the inspection makes prompts optional, not a prompt. Answering with Y, N or A moves to the next stop; the
// arrows move between stops; a case opens on its first stop. Page keys: J and K next and previous case, U the
// next unanswered question, Q (Shift+Q) the next (previous) key question, H the focused answer's history,
// Ctrl+Z and Ctrl+Shift+Z undo and redo.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { CaseQuestion } from '#shared/framework';
import type { AnswerEntry } from '../../db';
import { afterPaint } from '../../state/after-paint';

/** What the keyboard needs to know of a question row. */
export interface StopRow {
  readonly question: Pick<CaseQuestion, 'id' | 'kind'>;
  readonly notApplicableBecause: string | null;
}

/** A row this close to the window's foot counts as out of view (it is scrolled to before it is cut off). */
const EDGE_PX = 24;

/** The page keys (without modifiers) this hook acts on; a question row must leave them alone. */
export const PAGE_KEYS: readonly string[] = ['j', 'k', 'u', 'q', 'h'];

/** Whether focus may land on a row when moving by keyboard. */
export function isStop(row: StopRow, promptsOptional: boolean): boolean {
  return row.notApplicableBecause === null && !(promptsOptional && row.question.kind === 'prompt');
}

/** The next stop after `from` in the direction `step` (never wrapping), or null when there is none. */
export function nextStop(
  rows: readonly StopRow[],
  from: number,
  step: 1 | -1,
  promptsOptional: boolean,
): number | null {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) {
    if (isStop(rows[i]!, promptsOptional)) return i;
  }
  return null;
}

/** The first stop of a case: where it opens. */
export function firstStop(rows: readonly StopRow[], promptsOptional: boolean): number | null {
  return nextStop(rows, -1, 1, promptsOptional);
}

/** The next (or previous) key question that can apply, wrapping round the case. */
export function nextKeyQuestion(rows: readonly StopRow[], from: number, step: 1 | -1): number | null {
  for (let n = 1; n <= rows.length; n++) {
    const i = (((from + step * n) % rows.length) + rows.length) % rows.length;
    const row = rows[i]!;
    if (row.question.kind === 'key-question' && row.notApplicableBecause === null) return i;
  }
  return null;
}

/** The next unanswered question that counts towards finishing the case (not a prompt), wrapping round. */
export function nextUnanswered(
  rows: readonly StopRow[],
  from: number,
  valueOf: (questionId: string) => AnswerEntry['value'] | undefined,
): number | null {
  for (let n = 1; n <= rows.length; n++) {
    const i = (from + n) % rows.length;
    const row = rows[i]!;
    if (
      row.question.kind !== 'prompt' &&
      row.notApplicableBecause === null &&
      (valueOf(row.question.id) ?? null) === null
    )
      return i;
  }
  return null;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export interface ScoringKeys {
  /** Gives each question row's element to the keyboard (rows carry `data-index`). */
  readonly setRowRef: (el: HTMLDivElement | null) => void;
  /** The row that has focus, told by the row itself. */
  readonly setFocused: (index: number) => void;
  /** Arrow keys: to the next or previous stop. */
  readonly moveFrom: (index: number, step: 1 | -1) => void;
  /** After answering by keyboard: on to the next stop. */
  readonly advanceFrom: (index: number) => void;
}

export function useScoringKeys({
  caseId,
  rows,
  promptsOptional,
  valueOf,
  goToCase,
  undo,
  redo,
  onAllAnswered,
  onHistory,
}: {
  /** The open case; a new one starts on its first stop. */
  readonly caseId: string | undefined;
  readonly rows: readonly StopRow[];
  readonly promptsOptional: boolean;
  readonly valueOf: (questionId: string) => AnswerEntry['value'] | undefined;
  readonly goToCase: (step: 1 | -1) => void;
  readonly undo: () => void | Promise<void>;
  readonly redo: () => void | Promise<void>;
  /** U was pressed with nothing left to answer. */
  readonly onAllAnswered: () => void;
  /** H was pressed on a question: show its answer's history. */
  readonly onHistory: (index: number) => void;
}): ScoringKeys {
  const rowRefs = useRef<(HTMLDivElement | null)[]>([]);
  // Which row has focus matters only when a key is pressed: kept in a ref, so moving from row to row (every
  // answer moves on) redraws nothing.
  const focused = useRef(0);
  const setFocused = useCallback((index: number) => {
    focused.current = index;
  }, []);
  // The row callbacks keep one identity (rows are memoised and must not redraw on every answer), so they
  // read the latest rows and preference through a ref.
  const latest = useRef({ rows, promptsOptional });
  useLayoutEffect(() => {
    latest.current = { rows, promptsOptional };
  });

  // Focus moves at once, without the browser's own scroll, which lays out the whole page there and then, inside
  // the key's event, before the answer just given can be painted. Whether the row is in view is read first,
  // while the page is still laid out as last painted (so reading it costs nothing); a row out of view, or at
  // the very edge, is centred once the frame showing the answer has been painted (as the browser's own focus
  // scroll does, so answering down the page scrolls once every few questions, not at every one). Scrolling
  // brings rows into sight that were never laid out (`content-visibility: auto`): done in the answer's own
  // frame, it held that frame back by about 10 ms; done after it, the answer shows at once and the page moves
  // one frame later.
  const focusRow = useCallback((i: number | null) => {
    if (i === null) return;
    const target = rowRefs.current[i];
    if (!target) return;
    const { top, bottom } = target.getBoundingClientRect();
    const outOfView = top < 0 || bottom > window.innerHeight - EDGE_PX;
    target.focus({ preventScroll: true });
    if (!outOfView) return;
    const scroll = () => {
      if (document.activeElement === target) target.scrollIntoView?.({ block: 'center' });
    };
    void afterPaint().then(scroll);
  }, []);

  const setRowRef = useCallback((el: HTMLDivElement | null) => {
    const index = Number(el?.dataset.index);
    if (el && Number.isInteger(index)) rowRefs.current[index] = el;
  }, []);

  const moveFrom = useCallback(
    (index: number, step: 1 | -1) => {
      const { rows: current, promptsOptional: skipPrompts } = latest.current;
      focusRow(nextStop(current, index, step, skipPrompts));
    },
    [focusRow],
  );
  const advanceFrom = useCallback((index: number) => moveFrom(index, 1), [moveFrom]);

  useEffect(() => {
    async function onKeyDown(event: KeyboardEvent) {
      if (isTyping(event.target) || event.altKey || event.defaultPrevented) return;
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && key === 'z') {
        event.preventDefault();
        await (event.shiftKey ? redo() : undo());
        return;
      }
      if ((event.ctrlKey || event.metaKey) && key === 'y') {
        event.preventDefault();
        await redo();
        return;
      }
      if (event.ctrlKey || event.metaKey) return;
      if (key === 'j') goToCase(1);
      else if (key === 'k') goToCase(-1);
      else if (key === 'q') {
        event.preventDefault();
        focusRow(nextKeyQuestion(rows, focused.current, event.shiftKey ? -1 : 1));
      } else if (key === 'h') {
        // Only from a question row, so H always means "this answer's history".
        const row = (event.target as HTMLElement | null)?.closest?.('[data-index]');
        if (row) onHistory(Number((row as HTMLElement).dataset.index));
      } else if (key === 'u') {
        const found = nextUnanswered(rows, focused.current, valueOf);
        if (found === null) onAllAnswered();
        else focusRow(found);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [rows, valueOf, goToCase, undo, redo, onAllAnswered, onHistory, focusRow]);

  // A case opens on its first question that can apply, ready for the keyboard; only when the case changes
  // (or its rows first arrive), not on every answer. Before paint, so the first key pressed lands there.
  const hasRows = rows.length > 0;
  useLayoutEffect(() => {
    if (hasRows) focusRow(firstStop(latest.current.rows, latest.current.promptsOptional));
  }, [caseId, hasRows, focusRow]);

  return { setRowRef, setFocused, moveFrom, advanceFrom };
}
