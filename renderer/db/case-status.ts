/**
 * Moving a case through quality assurance (submitted, quality assured, locked, reopened): one transaction that
 * writes the status and its audit entry. A locked case refuses every other change until reopened with a reason.
 */
import { getFramework } from '#shared/framework';
import {
  CASE_STATUS_LABELS,
  keyQuestionName,
  statusAfter,
  statusMoveProblem,
  unansweredKeyQuestions,
  type CaseStatus,
  type StatusMove,
} from '#shared/moderation';
import { database } from './database';
import type { StoredCase, StoredCaseStatus } from './entities';
import { SaveError } from './errors';
import { audited } from './write';

/** A case's status; a case with none recorded is in progress. */
export function statusOf(sampled: Pick<StoredCase, 'status'>): CaseStatus {
  return sampled.status?.value ?? 'in-progress';
}

/** Throws the message an inspector sees when changing a locked case. Call inside the write's transaction. */
export function refuseIfLocked(sampled: StoredCase): void {
  if (statusOf(sampled) === 'locked') {
    throw new SaveError(`Case ${sampled.reference} is locked; reopen it with a reason to change it.`);
  }
}

/** Makes a status move, audited; rejects with the reason (naming the case) when it cannot be made. */
export async function moveCaseStatus(
  caseId: string,
  move: StatusMove,
  by: string,
  reason?: string,
): Promise<StoredCaseStatus> {
  const db = database();
  return audited(by, [db.inspections, db.cases], async (write) => {
    const sampled = await db.cases.get(caseId);
    if (!sampled || sampled.deleted) throw new SaveError('That case no longer exists.');
    const inspection = await db.inspections.get(sampled.inspectionId);
    if (!inspection) throw new SaveError('That inspection no longer exists.');
    const before = statusOf(sampled);
    const framework = getFramework(inspection.framework);
    // Named with their standards ("Planning: Keeping other people safe"), so the inspector can find them.
    const unanswered =
      move === 'submit'
        ? unansweredKeyQuestions(framework, inspection.options, sampled).map((id) =>
            keyQuestionName(framework, id),
          )
        : [];
    const problem = statusMoveProblem(move, before, sampled.reference, { unanswered, reason });
    if (problem) throw new SaveError(problem);
    const trimmed = reason?.trim();
    const status: StoredCaseStatus = {
      value: statusAfter(move),
      ...(trimmed ? { reason: trimmed } : {}),
      ...write.after(sampled.status),
    };
    await db.cases.put({ ...sampled, status, ...write.stamp });
    await write.record({
      inspectionId: sampled.inspectionId,
      caseId,
      action: 'case-status',
      key: move,
      before: sampled.status ?? null,
      after: status,
    });
    return status;
  });
}

/** "Locked by KM: reason". */
export function describeStatus(status: StoredCaseStatus | undefined): string {
  if (!status) return CASE_STATUS_LABELS['in-progress'];
  return `${CASE_STATUS_LABELS[status.value]} by ${status.by}${status.reason ? `: “${status.reason}”` : ''}`;
}
