/**
 * Answering a key question, prompt or non-rated question for one case: one transaction that writes the answer
 * and its audit entry, or neither. A Yes or No where the question cannot apply is refused.
 */
import { findCaseQuestion, getFramework, questionApplies, type AnswerValue } from '#shared/framework';
import { refuseIfLocked } from './case-status';
import { database } from './database';
import type { StoredAnswer, StoredCase } from './entities';
import { SaveError } from './errors';
import { forgetOpenCase, keepOpenCase, openCase, sameForAnswers, sameRow, type OpenCase } from './open-case';
import { audited, versionOf, type WriteContext } from './write';

/** An answer as a person gives it: a value (or `null` to clear it) and an optional note. */
export interface AnswerEntry {
  readonly value: AnswerValue | null;
  readonly note?: string;
}

/** Conditions on a save. */
export interface AnswerOptions {
  /**
   * The version (see `versionOf`) the stored answer must still have, or 'none' for no answer yet. Undo and
   * redo pass the version they last wrote, so they never overwrite a change made since by someone else.
   */
  readonly expect?: string;
  /** Change only the value and keep the stored note (undo and redo never touch notes typed since). */
  readonly keepNote?: boolean;
}

/** A save refused because the answer changed since this window last wrote it. */
export class AnswerChangedError extends SaveError {
  constructor(readonly current: StoredAnswer | undefined) {
    super(
      current
        ? `This answer was changed since (now ${current.value === null ? 'cleared' : current.value === 'na' ? 'N/A' : current.value === 'yes' ? 'Yes' : 'No'} by ${current.by}), so it was left as it is.`
        : 'This answer was changed since, so it was left as it is.',
    );
    this.name = 'AnswerChangedError';
  }
}

/**
 * Saves an answer and returns it as stored. Resolves only after the transaction commits with strict
 * durability; rejects (and nothing is written) if it cannot.
 *
 * The case's rows come from this window's copy when it has one (open-case.ts), so the transaction only writes:
 * the case row and the audit entry, with the stored rows read alongside to confirm the copy (see write.ts).
 */
export async function setAnswer(
  caseId: string,
  questionId: string,
  entry: AnswerEntry,
  by: string,
  options: AnswerOptions = {},
): Promise<StoredAnswer> {
  const db = database();
  // Timed for `npm run bench`: the transaction alone, against a bare IndexedDB put. A measure costs next to nothing.
  const started = performance.now();
  try {
    const stored = await audited(by, [db.inspections, db.cases], async (write) => {
      const known = write.fresh ? undefined : openCase(db, caseId);
      const { sampled, inspection } = known ?? (await readOpenCase(caseId));
      if (known) {
        write.confirm(db.cases.get(caseId), (row) => sameRow(row, known.sampled));
        write.confirm(db.inspections.get(known.inspection.id), (row) =>
          sameForAnswers(row, known.inspection),
        );
      }
      refuseIfLocked(sampled);
      const framework = getFramework(inspection.framework);
      const question = findCaseQuestion(framework, questionId);
      if (!question) throw new SaveError(`${questionId} is not a question of ${framework.name}.`);
      const previous = sampled.answers[questionId];
      if (options.expect !== undefined && versionOf(previous) !== options.expect) {
        throw new AnswerChangedError(previous);
      }
      const context = {
        options: inspection.options,
        caseType: sampled.caseType,
        attributes: sampled.attributes,
      };
      if ((entry.value === 'yes' || entry.value === 'no') && !questionApplies(question, context)) {
        throw new SaveError('This question does not apply to this case, so it can only be Not applicable.');
      }
      const typed = options.keepNote ? previous?.note : entry.note;
      const note = typed?.trim() ? typed : undefined;
      const answer: StoredAnswer = {
        value: entry.value,
        ...(note ? { note } : {}),
        ...write.after(previous),
      };
      await writeAnswer(write, { sampled, inspection }, questionId, answer);
      return answer;
    });
    performance.measure('casescore:answer-commit', { start: started, end: performance.now() });
    return stored;
  } catch (error) {
    forgetOpenCase(db, caseId);
    throw error;
  }
}

/** Reads a case and its inspection inside a write's transaction, refusing one that is gone. */
async function readOpenCase(caseId: string): Promise<OpenCase> {
  const db = database();
  const sampled = await db.cases.get(caseId);
  if (!sampled || sampled.deleted) throw new SaveError('That case no longer exists.');
  const inspection = await db.inspections.get(sampled.inspectionId);
  if (!inspection || inspection.deletedAt) throw new SaveError('That inspection no longer exists.');
  return {
    sampled,
    inspection: { id: inspection.id, framework: inspection.framework, options: inspection.options },
  };
}

/**
 * Saves the note beside an answer, keeping the stored value (notes save as they are typed, apart from the answer
 * keys). Saving the note that is there already writes nothing.
 */
export async function setAnswerNote(
  caseId: string,
  questionId: string,
  note: string,
  by: string,
): Promise<StoredAnswer | undefined> {
  const db = database();
  try {
    return await audited(by, [db.inspections, db.cases], async (write) => {
      const sampled = await db.cases.get(caseId);
      if (!sampled || sampled.deleted) throw new SaveError('That case no longer exists.');
      refuseIfLocked(sampled);
      const previous = sampled.answers[questionId];
      const next = note.trim() ? note : undefined;
      if ((previous?.note ?? undefined) === next) return previous;
      const inspection = await db.inspections.get(sampled.inspectionId);
      if (!inspection || inspection.deletedAt) throw new SaveError('That inspection no longer exists.');
      if (!findCaseQuestion(getFramework(inspection.framework), questionId)) {
        throw new SaveError(`${questionId} is not a question of this inspection's framework.`);
      }
      const answer: StoredAnswer = {
        value: previous?.value ?? null,
        ...(next ? { note: next } : {}),
        ...write.after(previous),
      };
      const open = { id: inspection.id, framework: inspection.framework, options: inspection.options };
      await writeAnswer(write, { sampled, inspection: open }, questionId, answer);
      return answer;
    });
  } catch (error) {
    forgetOpenCase(db, caseId);
    throw error;
  }
}

/**
 * Writes a case's answer and its audit entry (from what was there before) in the write's transaction. The
 * window's copy of the open case is kept before the commit, so an answer given meanwhile builds on this one.
 */
async function writeAnswer(
  write: WriteContext,
  { sampled, inspection }: OpenCase,
  questionId: string,
  answer: StoredAnswer,
): Promise<void> {
  const db = database();
  const next: StoredCase = {
    ...sampled,
    answers: { ...sampled.answers, [questionId]: answer },
    ...write.stamp,
  };
  keepOpenCase(db, { sampled: next, inspection });
  await Promise.all([
    db.cases.put(next),
    write.record({
      inspectionId: sampled.inspectionId,
      caseId: sampled.id,
      action: 'answer',
      key: questionId,
      before: sampled.answers[questionId] ?? null,
      after: { value: answer.value, note: answer.note },
    }),
  ]);
}
