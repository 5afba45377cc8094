/**
 * A case's status through quality assurance: in progress → submitted (the inspector says it is finished) →
 * quality assured (the quality lead has checked it) → locked (read-only). Reopening goes back to in progress;
 * reopening a locked case needs a reason. A case with no status recorded is in progress.
 */
import { caseQuestions, questionApplies } from '../framework/questions';
import type { Framework } from '../framework/types';
import type { CaseInput } from '../scoring/inputs';

export const CASE_STATUSES = ['in-progress', 'submitted', 'quality-assured', 'locked'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  'in-progress': 'In progress',
  submitted: 'Submitted',
  'quality-assured': 'Quality assured',
  locked: 'Locked',
};

/** What a person can do to a case's status. */
export type StatusMove = 'submit' | 'quality-assure' | 'lock' | 'reopen';

export const STATUS_MOVE_LABELS: Readonly<Record<StatusMove, string>> = {
  submit: 'Submit case',
  'quality-assure': 'Mark quality assured',
  lock: 'Lock case',
  reopen: 'Reopen case',
};

const TARGET: Readonly<Record<StatusMove, CaseStatus>> = {
  submit: 'submitted',
  'quality-assure': 'quality-assured',
  lock: 'locked',
  reopen: 'in-progress',
};

const FROM: Readonly<Record<StatusMove, readonly CaseStatus[]>> = {
  submit: ['in-progress'],
  'quality-assure': ['submitted'],
  lock: ['quality-assured'],
  reopen: ['submitted', 'quality-assured', 'locked'],
};

/** The status a move leads to. */
export function statusAfter(move: StatusMove): CaseStatus {
  return TARGET[move];
}

/** The moves open from a status, in the order the screen offers them. */
export function movesFrom(status: CaseStatus): StatusMove[] {
  return (Object.keys(FROM) as StatusMove[]).filter((m) => FROM[m].includes(status));
}

/** Key questions that apply to the case and have no answer (Yes, No or Not applicable), by id. */
export function unansweredKeyQuestions(
  framework: Framework,
  options: Readonly<Record<string, boolean>>,
  sampled: Pick<CaseInput, 'caseType' | 'attributes' | 'answers'>,
): string[] {
  const context = { options, caseType: sampled.caseType, attributes: sampled.attributes };
  return caseQuestions(framework)
    .filter((q) => q.kind === 'key-question' && questionApplies(q, context))
    .filter((q) => {
      const value = sampled.answers[q.id]?.value;
      return value !== 'yes' && value !== 'no' && value !== 'na';
    })
    .map((q) => q.id);
}

/**
 * Why a move cannot be made, in words naming the case, or `null` when it can. Submitting needs every key
 * question that applies answered; reopening a locked case needs a reason.
 */
export function statusMoveProblem(
  move: StatusMove,
  status: CaseStatus,
  reference: string,
  details: { unanswered: readonly string[]; reason?: string },
): string | null {
  if (!FROM[move].includes(status)) {
    return `Case ${reference} is ${CASE_STATUS_LABELS[status].toLowerCase()}, so it cannot be ${
      { submit: 'submitted', 'quality-assure': 'marked quality assured', lock: 'locked', reopen: 'reopened' }[
        move
      ]
    }.`;
  }
  if (move === 'submit' && details.unanswered.length > 0) {
    const n = details.unanswered.length;
    return `Case ${reference} cannot be submitted: ${n} key question${n === 1 ? '' : 's'} that appl${n === 1 ? 'ies' : 'y'} ${n === 1 ? 'is' : 'are'} unanswered (${details.unanswered.join(', ')}).`;
  }
  if (move === 'reopen' && status === 'locked' && !details.reason?.trim()) {
    return `Case ${reference} is locked: give a reason to reopen it.`;
  }
  return null;
}
