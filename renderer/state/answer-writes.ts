/**
 * The window's answer writes, one after another: each answer given is written once the frame that draws it has
 * been painted (after-paint.ts), and answers to one case that come while a write is committing are written
 * together, in one transaction, as soon as it has. A quick inspector on a busy laptop can give answers faster
 * than strict durability commits them one by one; queued a transaction each, they would hold back everything
 * written after them (the note typed next among it) by as long as the queue.
 *
 * Undo and redo are written alone: each checks the version stored before it writes (`expect`).
 */
import { setAnswers, whileWriting, type AnswerEntry, type AnswerOptions, type StoredAnswer } from '../db';
import { afterPaint } from './after-paint';

interface Queued {
  readonly caseId: string;
  readonly questionId: string;
  readonly entry: AnswerEntry;
  readonly by: string;
  readonly options: AnswerOptions | undefined;
  /** Settles once the answer is written, or refused. */
  readonly done: Promise<StoredAnswer>;
  readonly resolve: (stored: StoredAnswer) => void;
  readonly reject: (error: unknown) => void;
}

export interface AnswerWriter {
  /**
   * Writes one answer; resolves with it as stored once committed. `options` (undo and redo) are read only when
   * its turn comes, so they see every write before it.
   */
  write(
    caseId: string,
    questionId: string,
    entry: AnswerEntry,
    by: string,
    options?: () => AnswerOptions,
  ): Promise<StoredAnswer>;
}

export function createAnswerWriter(): AnswerWriter {
  const queue: (Omit<Queued, 'options'> & { readonly options?: () => AnswerOptions })[] = [];
  let draining = false;

  /** Whether `next` can be written in the same transaction as `first`. */
  const together = (first: (typeof queue)[number], next: (typeof queue)[number]) =>
    !first.options && !next.options && next.caseId === first.caseId && next.by === first.by;

  async function drain(): Promise<void> {
    draining = true;
    try {
      await afterPaint();
      while (queue.length > 0) {
        const first = queue[0]!;
        let count = 1;
        while (count < queue.length && together(first, queue[count]!)) count += 1;
        const batch = queue.splice(0, count);
        try {
          const outcomes = await setAnswers(
            first.caseId,
            batch.map(({ questionId, entry }) => ({ questionId, entry })),
            first.by,
            first.options?.(),
          );
          batch.forEach((queued, i) => {
            const outcome = outcomes[i];
            if (outcome?.ok) queued.resolve(outcome.stored);
            else queued.reject(outcome ? outcome.error : new Error('The answer was not saved.'));
          });
        } catch (error) {
          for (const queued of batch) queued.reject(error);
        }
        // What waits on these writes (the version this window wrote, which the next undo expects) is taken in
        // before the next write starts: their callbacks were registered before this one.
        await Promise.allSettled(batch.map((queued) => queued.done));
      }
    } finally {
      draining = false;
    }
  }

  return {
    write(caseId, questionId, entry, by, options) {
      let settle: Pick<Queued, 'resolve' | 'reject'> | undefined;
      const done = new Promise<StoredAnswer>((resolve, reject) => (settle = { resolve, reject }));
      queue.push({ caseId, questionId, entry, by, options, done, ...settle! });
      // The lock waits for the whole queue, not only the write under way, before it forgets the keys.
      if (!draining) void whileWriting(drain());
      return done;
    },
  };
}
