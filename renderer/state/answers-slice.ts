/**
 * Answers in flight and the undo stack. An answer is drawn at once as "Saving…" until its transaction commits, then
 * "Saved"; a failed write keeps the answer on screen marked "Not saved" with the reason. Undo and redo replay
 * answer changes through the same save path, but only while the stored answer is still the version this window
 * wrote: a colleague's answer merged in, or another window's change, is never overwritten by undo. Import, merge
 * and restore clear the stack.
 */
import { flushSync } from 'react-dom';
import type { StateCreator } from 'zustand';
import { AnswerChangedError, describeStorageError, setAnswerNote, versionOf, type AnswerEntry } from '../db';
import { createAnswerWriter } from './answer-writes';
import type { CasescoreState } from './store';

/** Where one answer's save has got to. */
export type SaveStatus =
  | { readonly status: 'saving'; readonly entry: AnswerEntry }
  | {
      readonly status: 'saved';
      readonly entry: AnswerEntry;
      /** The stored version this save wrote (device and counter). */
      readonly version: string;
      readonly device: string | undefined;
      readonly counter: number | undefined;
    }
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
  /**
   * The version this window last wrote of each answer (its value or its note), by answer key. Undo and redo go
   * ahead only while that version is still the stored one.
   */
  readonly written: Readonly<Record<string, string>>;
  readonly past: readonly AnswerChange[];
  readonly future: readonly AnswerChange[];
  /** Saves an answer; resolves true once committed, false if the write failed (the failure is kept on screen). */
  answer(change: AnswerChange, by: string): Promise<boolean>;
  /**
   * Saves the note beside an answer, keeping its value, without adding to the undo stack (typing has its own
   * undo). Throws when the note was not saved.
   */
  saveNote(caseId: string, questionId: string, note: string, by: string): Promise<void>;
  /** Undoes the last answer change; returns it, or null when there is nothing to undo. */
  undo(by: string): Promise<AnswerChange | null>;
  /** Redoes the last undone change; returns it, or null when there is nothing to redo. */
  redo(by: string): Promise<AnswerChange | null>;
  /** Forgets undo and redo, and answers in flight: the stored data changed under them (import, restore). */
  clearUndo(): void;
}

/** The key an answer's save state is kept under. */
export function answerKey(caseId: string, questionId: string): string {
  return `${caseId}|${questionId}`;
}

/** How many answer changes undo remembers. */
const UNDO_DEPTH = 200;

type Saved =
  { readonly ok: true; readonly version: string } | { readonly ok: false; readonly changed: boolean };

export const createAnswersSlice: StateCreator<CasescoreState, [], [], AnswersSlice> = (set, get) => {
  const writer = createAnswerWriter();
  async function save(
    caseId: string,
    questionId: string,
    entry: AnswerEntry,
    by: string,
    replaying = false,
  ): Promise<Saved> {
    const key = answerKey(caseId, questionId);
    // Drawn before the write starts: the answer is in the page, marked "Saving…", and painted in the next frame
    // whatever the write costs; the transaction is started after that paint.
    flushSync(() => set((s) => ({ saves: { ...s.saves, [key]: { status: 'saving', entry } } })));
    try {
      // Written once that frame is painted, after every answer given before it (answer-writes.ts); undo and
      // redo expect the version this window last wrote, as it stands when their turn comes.
      const options = replaying
        ? () => ({ expect: get().written[key] ?? 'unknown', keepNote: true })
        : undefined;
      const stored = await writer.write(caseId, questionId, entry, by, options);
      const version = versionOf(stored);
      set((s) => ({
        saves: {
          ...s.saves,
          [key]: { status: 'saved', entry: stored, version, device: stored.device, counter: stored.counter },
        },
        written: { ...s.written, [key]: version },
      }));
      return { ok: true, version };
    } catch (error) {
      if (error instanceof AnswerChangedError) {
        // Nothing was written: the screen shows what is stored, and says why undo left it.
        set((s) => {
          const { [key]: _dropped, ...rest } = s.saves;
          return { saves: rest };
        });
        get().notify({ kind: 'info', text: `Not undone: ${error.message}` });
        return { ok: false, changed: true };
      }
      const message = describeStorageError(error);
      set((s) => ({ saves: { ...s.saves, [key]: { status: 'failed', entry, message } } }));
      return { ok: false, changed: false };
    }
  }

  return {
    saves: {},
    written: {},
    past: [],
    future: [],
    async answer(change, by) {
      const saved = await save(change.caseId, change.questionId, change.after, by);
      if (saved.ok) set((s) => ({ past: [...s.past, change].slice(-UNDO_DEPTH), future: [] }));
      return saved.ok;
    },
    async saveNote(caseId, questionId, note, by) {
      const stored = await setAnswerNote(caseId, questionId, note, by);
      if (stored) {
        const key = answerKey(caseId, questionId);
        set((s) => ({ written: { ...s.written, [key]: versionOf(stored) } }));
      }
    },
    async undo(by) {
      const change = get().past.at(-1);
      if (!change) return null;
      const saved = await save(change.caseId, change.questionId, change.before, by, true);
      if (!saved.ok) {
        // A change someone else has replaced can never be undone: it leaves the stack.
        if (saved.changed) set((s) => ({ past: s.past.slice(0, -1) }));
        return null;
      }
      set((s) => ({ past: s.past.slice(0, -1), future: [...s.future, change] }));
      return change;
    },
    async redo(by) {
      const change = get().future.at(-1);
      if (!change) return null;
      const saved = await save(change.caseId, change.questionId, change.after, by, true);
      if (!saved.ok) {
        if (saved.changed) set((s) => ({ future: s.future.slice(0, -1) }));
        return null;
      }
      set((s) => ({ future: s.future.slice(0, -1), past: [...s.past, change] }));
      return change;
    },
    clearUndo() {
      set({ past: [], future: [], saves: {}, written: {} });
    },
  };
};
