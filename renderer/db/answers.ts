/**
 * Answering a key question, prompt or non-rated question for one case: one transaction that writes the answer
 * and its audit entry, or neither. A Yes or No where the question cannot apply is refused.
 */
import { findCaseQuestion, getFramework, questionApplies, type AnswerValue } from '../../shared/framework';
import { refuseIfLocked } from './case-status';
import { database } from './database';
import type { StoredAnswer } from './entities';
import { SaveError } from './errors';
import { audited, versionOf } from './write';

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
 */
export async function setAnswer(
  caseId: string,
  questionId: string,
  entry: AnswerEntry,
  by: string,
  options: AnswerOptions = {},
): Promise<StoredAnswer> {
  const db = database();
  return audited(by, [db.inspections, db.cases], async (write) => {
    const sampled = await db.cases.get(caseId);
    if (!sampled || sampled.deleted) throw new SaveError('That case no longer exists.');
    refuseIfLocked(sampled);
    const inspection = await db.inspections.get(sampled.inspectionId);
    if (!inspection || inspection.deletedAt) throw new SaveError('That inspection no longer exists.');
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
    const answer: StoredAnswer = { value: entry.value, ...(note ? { note } : {}), ...write.after(previous) };
    await db.cases.put({
      ...sampled,
      answers: { ...sampled.answers, [questionId]: answer },
      ...write.stamp,
    });
    await write.record({
      inspectionId: sampled.inspectionId,
      caseId,
      action: 'answer',
      key: questionId,
      before: previous ?? null,
      after: { value: answer.value, note: answer.note },
    });
    return answer;
  });
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
  return audited(by, [db.inspections, db.cases], async (write) => {
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
    await db.cases.put({ ...sampled, answers: { ...sampled.answers, [questionId]: answer }, ...write.stamp });
    await write.record({
      inspectionId: sampled.inspectionId,
      caseId,
      action: 'answer',
      key: questionId,
      before: previous ?? null,
      after: { value: answer.value, note: answer.note },
    });
    return answer;
  });
}
