/**
 * Answering a key question, prompt or non-rated question for one case: one transaction that writes the answer
 * and its audit entry, or neither. A Yes or No where the question cannot apply is refused.
 */
import { findCaseQuestion, getFramework, questionApplies, type AnswerValue } from '#shared/framework';
import { refuseIfLocked } from './case-status';
import { database } from './database';
import type { StoredAnswer, StoredCase } from './entities';
import { SaveError } from './errors';
import { casesCommitted } from './inspection-cases';
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
 * the case row and the audit entry. The copy is confirmed in the same transaction: by the device record alone
 * when this window's last write made it and nothing has changed since, else by reading the rows alongside.
 */
export async function setAnswer(
  caseId: string,
  questionId: string,
  entry: AnswerEntry,
  by: string,
  options: AnswerOptions = {},
): Promise<StoredAnswer> {
  const [outcome] = await setAnswers(caseId, [{ questionId, entry }], by, options);
  if (!outcome) throw new SaveError('Nothing was saved.');
  if (!outcome.ok) throw outcome.error;
  return outcome.stored;
}

/** One answer of several given to a case, to be saved together. */
export interface GivenAnswer {
  readonly questionId: string;
  readonly entry: AnswerEntry;
}

/** What became of one answer saved with others: stored, or refused (the others are saved all the same). */
export type AnswerOutcome =
  { readonly ok: true; readonly stored: StoredAnswer } | { readonly ok: false; readonly error: Error };

/**
 * Saves several answers to one case, in the order given, in one transaction: the case row written once, an audit
 * entry for each answer. Answers given faster than each can be committed (the keys of a quick inspector on a busy
 * laptop) are saved this way, so they never queue up one transaction each behind the next. An answer refused on
 * its own (a question this framework does not have, a Yes or No where it cannot apply) is refused alone; a case
 * that is locked or gone refuses them all (the promise rejects, nothing is written).
 */
export async function setAnswers(
  caseId: string,
  given: readonly GivenAnswer[],
  by: string,
  options: AnswerOptions = {},
): Promise<AnswerOutcome[]> {
  const db = database();
  // Timed for `npm run bench`: the transaction alone, against a bare IndexedDB put. A measure costs next to nothing.
  const started = performance.now();
  try {
    const { outcomes, written } = await audited(by, [db.inspections, db.cases], async (write) => {
      const known = write.fresh ? undefined : openCase(db, caseId);
      const { sampled, inspection } = known ?? (await readOpenCase(caseId));
      // A copy made by the last change anyone made is confirmed by the device record alone (write.ts); any other
      // is confirmed row by row.
      if (known && !madeByLastChange(known.sampled, write.lastChange)) {
        write.confirm(db.cases.get(caseId), (row) => sameRow(row, known.sampled));
        write.confirm(db.inspections.get(known.inspection.id), (row) =>
          sameForAnswers(row, known.inspection),
        );
      }
      refuseIfLocked(sampled);
      const framework = getFramework(inspection.framework);
      const context = {
        options: inspection.options,
        caseType: sampled.caseType,
        attributes: sampled.attributes,
      };
      const changes: AnswerChange[] = [];
      // Each answer as it stands after the ones before it in this write (what its audit entry starts from).
      const current: Record<string, StoredAnswer | undefined> = { ...sampled.answers };
      const outcomes = given.map(({ questionId, entry }): AnswerOutcome => {
        const question = findCaseQuestion(framework, questionId);
        if (!question) {
          return { ok: false, error: new SaveError(`${questionId} is not a question of ${framework.name}.`) };
        }
        const previous = current[questionId];
        if (options.expect !== undefined && versionOf(previous) !== options.expect) {
          return { ok: false, error: new AnswerChangedError(previous) };
        }
        if ((entry.value === 'yes' || entry.value === 'no') && !questionApplies(question, context)) {
          const error = new SaveError(
            'This question does not apply to this case, so it can only be Not applicable.',
          );
          return { ok: false, error };
        }
        const typed = options.keepNote ? previous?.note : entry.note;
        const note = typed?.trim() ? typed : undefined;
        // Stamped as replacing what was stored before this write: an answer given and replaced within the same
        // write was never stored, so no other copy can have seen it.
        const answer: StoredAnswer = {
          value: entry.value,
          ...(note ? { note } : {}),
          ...write.after(sampled.answers[questionId]),
        };
        changes.push({ questionId, before: previous, answer });
        current[questionId] = answer;
        return { ok: true, stored: answer };
      });
      // A lone answer refused is refused outright, as it always was: nothing is written.
      const lone = outcomes.length === 1 ? outcomes[0] : undefined;
      if (lone && !lone.ok) throw lone.error;
      const written =
        changes.length > 0 ? await writeAnswers(write, { sampled, inspection }, changes) : undefined;
      return { outcomes, written };
    });
    performance.measure('casescore:answer-commit', { start: started, end: performance.now() });
    // Committed: the screens showing this case take the row as written, without reading it back.
    if (written) casesCommitted(db, [written]);
    return outcomes;
  } catch (error) {
    forgetOpenCase(db, caseId);
    throw error;
  }
}

/** Whether a row was written by the change with this device and counter. */
function madeByLastChange(row: StoredCase, last: WriteContext['lastChange']): boolean {
  return last !== undefined && row.device === last.id && row.counter === last.counter;
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
    const { answer, written } = await audited(by, [db.inspections, db.cases], async (write) => {
      const sampled = await db.cases.get(caseId);
      if (!sampled || sampled.deleted) throw new SaveError('That case no longer exists.');
      refuseIfLocked(sampled);
      const previous = sampled.answers[questionId];
      const next = note.trim() ? note : undefined;
      if ((previous?.note ?? undefined) === next) return { answer: previous, written: undefined };
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
      const change = { questionId, before: previous, answer };
      return { answer, written: await writeAnswers(write, { sampled, inspection: open }, [change]) };
    });
    if (written) casesCommitted(db, [written]);
    return answer;
  } catch (error) {
    forgetOpenCase(db, caseId);
    throw error;
  }
}

/** One answer changed by a write: what it was before (for the audit entry) and what is stored now. */
interface AnswerChange {
  readonly questionId: string;
  readonly before: StoredAnswer | undefined;
  readonly answer: StoredAnswer;
}

/**
 * Writes a case's answers and an audit entry for each (from what was there before) in the write's transaction,
 * and returns the case row written. The window's copy of the open case is kept before the commit, so an answer
 * given meanwhile builds on these.
 */
async function writeAnswers(
  write: WriteContext,
  { sampled, inspection }: OpenCase,
  changes: readonly AnswerChange[],
): Promise<StoredCase> {
  const db = database();
  const answers = { ...sampled.answers };
  for (const { questionId, answer } of changes) answers[questionId] = answer;
  const next: StoredCase = { ...sampled, answers, ...write.stamp };
  keepOpenCase(db, { sampled: next, inspection });
  await Promise.all([
    db.cases.put(next),
    ...changes.map(({ questionId, before, answer }) =>
      write.record({
        inspectionId: sampled.inspectionId,
        caseId: sampled.id,
        action: 'answer',
        key: questionId,
        before: before ?? null,
        after: { value: answer.value, note: answer.note },
      }),
    ),
  ]);
  return next;
}
