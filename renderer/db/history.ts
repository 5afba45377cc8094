/**
 * An answer's history from the audit trail: every change to one question of one case (here, by undo, or
 * brought in by an import), oldest first, with who made it, when, and the value before and after.
 */
import { useLiveQuery } from './live-query';
import type { AnswerValue } from '#shared/framework';
import { database } from './database';
import type { AuditEntry } from './entities';

/** One side of a change: the answer and its note, or null where there was none. */
export interface AnswerState {
  readonly value: AnswerValue | null;
  readonly note?: string;
}

export interface AnswerChange {
  readonly seq?: number;
  readonly at: string;
  readonly by: string;
  readonly before: AnswerState | null;
  readonly after: AnswerState | null;
  /** Set when the entry came from another copy's file: the fingerprint of its signer, or "unsigned". */
  readonly claimedIn?: string;
}

function asState(value: unknown): AnswerState | null {
  if (!value || typeof value !== 'object' || !('value' in value)) return null;
  const { value: v, note } = value as { value: unknown; note?: unknown };
  const known = v === 'yes' || v === 'no' || v === 'na' ? v : null;
  return { value: known, ...(typeof note === 'string' && note !== '' ? { note } : {}) };
}

/** The changes to one answer in the audit trail, oldest first. */
export async function answerHistory(caseId: string, questionId: string): Promise<AnswerChange[]> {
  const entries: AuditEntry[] = await database()
    .audit.where('caseId')
    .equals(caseId)
    .filter((e) => e.action === 'answer' && e.key === questionId)
    .sortBy('seq');
  return entries.map((e) => ({
    ...(e.seq !== undefined ? { seq: e.seq } : {}),
    at: e.at,
    by: e.by,
    before: asState(e.before),
    after: asState(e.after),
    ...(e.claimedIn ? { claimedIn: e.claimedIn } : {}),
  }));
}

/** The same, kept up to date as answers change; `undefined` while loading. */
export function useAnswerHistory(caseId: string, questionId: string): AnswerChange[] | undefined {
  return useLiveQuery(() => answerHistory(caseId, questionId), [caseId, questionId]);
}
