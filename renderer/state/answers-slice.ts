/**
 * Answers in flight and the undo stack. An answer shows as "Saving…" until its transaction commits, then
 * "Saved"; a failed write keeps the answer on screen marked "Not saved" with the reason. Undo and redo replay
 * answer changes through the same save path.
 */
import type { StateCreator } from 'zustand';
import { describeStorageError, setAnswer, type AnswerEntry } from '../db';
import type { CasescoreState } from './store';

/** Where one answer's save has got to. */
export type SaveStatus =
  | { readonly status: 'saving'; readonly entry: AnswerEntry }
  | { readonly status: 'saved'; readonly entry: AnswerEntry; readonly savedAt: string }
  | { readonly status: 'failed'; readonly entry: AnswerEntry; readonly message: string };

/** One answer change, as undo and redo replay it. */
export interface AnswerChange {
  readonly caseId: string;
  readonly questionId: string;
  readonly before: AnswerEntry;
  readonly after: AnswerEntry;
}

export interface AnswersSlice {
  /** Save state by `answerKey(caseId, questionId)`. */
  readonly saves: Readonly<Record<string, SaveStatus>>;
  readonly past: readonly AnswerChange[];
  readonly future: readonly AnswerChange[];
  /** Saves an answer; resolves true once committed, false if the write failed (the failure is kept on screen). */
  answer(change: AnswerChange, by: string): Promise<boolean>;
  /** Undoes the last answer change; returns it, or null when there is nothing to undo. */
  undo(by: string): Promise<AnswerChange | null>;
  /** Redoes the last undone change; returns it, or null when there is nothing to redo. */
  redo(by: string): Promise<AnswerChange | null>;
}

/** The key an answer's save state is kept under. */
export function answerKey(caseId: string, questionId: string): string {
  return `${caseId}|${questionId}`;
}

/** How many answer changes undo remembers. */
const UNDO_DEPTH = 200;

export const createAnswersSlice: StateCreator<CasescoreState, [], [], AnswersSlice> = (set, get) => {
  async function save(caseId: string, questionId: string, entry: AnswerEntry, by: string): Promise<boolean> {
    const key = answerKey(caseId, questionId);
    set((s) => ({ saves: { ...s.saves, [key]: { status: 'saving', entry } } }));
    try {
      // Timed for `npm run bench` (commit time against a bare IndexedDB put); a mark costs next to nothing.
      const started = performance.now();
      const stored = await setAnswer(caseId, questionId, entry, by);
      performance.measure('casescore:answer-commit', { start: started, end: performance.now() });
      set((s) => ({ saves: { ...s.saves, [key]: { status: 'saved', entry, savedAt: stored.updatedAt } } }));
      return true;
    } catch (error) {
      const message = describeStorageError(error);
      set((s) => ({ saves: { ...s.saves, [key]: { status: 'failed', entry, message } } }));
      return false;
    }
  }

  return {
    saves: {},
    past: [],
    future: [],
    async answer(change, by) {
      const ok = await save(change.caseId, change.questionId, change.after, by);
      if (ok) set((s) => ({ past: [...s.past, change].slice(-UNDO_DEPTH), future: [] }));
      return ok;
    },
    async undo(by) {
      const change = get().past.at(-1);
      if (!change) return null;
      const ok = await save(change.caseId, change.questionId, change.before, by);
      if (!ok) return null;
      set((s) => ({ past: s.past.slice(0, -1), future: [...s.future, change] }));
      return change;
    },
    async redo(by) {
      const change = get().future.at(-1);
      if (!change) return null;
      const ok = await save(change.caseId, change.questionId, change.after, by);
      if (!ok) return null;
      set((s) => ({ future: s.future.slice(0, -1), past: [...s.past, change] }));
      return change;
    },
  };
};
