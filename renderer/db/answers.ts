/**
 * Answering a key question, prompt or non-rated question for one case: one transaction that writes the answer
 * and its audit entry, or neither. A Yes or No where the question cannot apply is refused.
 */
import { findCaseQuestion, getFramework, questionApplies, type AnswerValue } from '../../shared/framework';
import { record } from './audit';
import { refuseIfLocked } from './case-status';
import { now } from './clock';
import { database } from './database';
import type { StoredAnswer } from './entities';
import { SaveError } from './errors';

/** An answer as a person gives it: a value (or `null` to clear it) and an optional note. */
export interface AnswerEntry {
  readonly value: AnswerValue | null;
  readonly note?: string;
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
): Promise<StoredAnswer> {
  const db = database();
  return db.transaction('rw', db.inspections, db.cases, db.audit, async () => {
    const sampled = await db.cases.get(caseId);
    if (!sampled || sampled.deleted) throw new SaveError('That case no longer exists.');
    refuseIfLocked(sampled);
    const inspection = await db.inspections.get(sampled.inspectionId);
    if (!inspection) throw new SaveError('That inspection no longer exists.');
    const framework = getFramework(inspection.framework);
    const question = findCaseQuestion(framework, questionId);
    if (!question) throw new SaveError(`${questionId} is not a question of ${framework.name}.`);
    const context = {
      options: inspection.options,
      caseType: sampled.caseType,
      attributes: sampled.attributes,
    };
    if ((entry.value === 'yes' || entry.value === 'no') && !questionApplies(question, context)) {
      throw new SaveError('This question does not apply to this case, so it can only be Not applicable.');
    }
    const at = now();
    const note = entry.note?.trim() ? entry.note : undefined;
    const answer: StoredAnswer = { value: entry.value, ...(note ? { note } : {}), updatedAt: at, by };
    await db.cases.put({
      ...sampled,
      answers: { ...sampled.answers, [questionId]: answer },
      updatedAt: at,
      by,
    });
    await record({
      at,
      by,
      inspectionId: sampled.inspectionId,
      caseId,
      action: 'answer',
      key: questionId,
      before: sampled.answers[questionId] ?? null,
      after: { value: answer.value, note: answer.note },
    });
    return answer;
  });
}
