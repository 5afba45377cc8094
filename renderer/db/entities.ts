/**
 * The rows Casescore keeps in IndexedDB. They follow the export format closely (an inspection carries its
 * judgements and overrides; a case carries its answers keyed by question id), so a case's answers change in
 * one row, scoring reads one inspection's rows, and export is a plain copy.
 */
import type { AnswerValue, CaseAttributes, CaseType, FrameworkRef, Rating } from '#shared/framework';
import type { BackupReason } from '#shared/ipc';
import type { VersionedCaseDetail } from '#shared/interchange';
import type { Versioned } from '#shared/merge';
import type { CaseStatus } from '#shared/moderation';

/**
 * Who changed something and when, and which install made the change: its device id and that device's change
 * counter (absent on rows that came from files written before devices were recorded).
 */
export interface Stamp {
  readonly updatedAt: string;
  readonly by: string;
  readonly device?: string;
  readonly counter?: number;
  /** The versions this one replaced (device to highest counter seen); merging believes this, never the clock. */
  readonly replaces?: Readonly<Record<string, number>>;
}

/** A version of one thing: its stamp, and names of versions from before devices were recorded it replaced. */
export interface VersionStamp extends Stamp {
  readonly supersedes?: string[];
}

/** One answer to one question for one case. `value: null` is an answer that was cleared. */
export interface StoredAnswer extends Stamp {
  readonly value: AnswerValue | null;
  readonly note?: string;
  /** Versions from other copies this answer was chosen over in a merge. */
  readonly supersedes?: string[];
}

/** A judged standard's rating and the evidence behind it. */
export interface StoredJudgement extends Stamp {
  readonly rating: Rating | null;
  readonly note?: string;
  /** Evidence notes keyed by the judged standard's key-question ids. */
  readonly evidence?: Readonly<Record<string, string>>;
  readonly supersedes?: string[];
}

/** A professional-discretion override of a computed rating. */
export interface StoredOverride extends Stamp {
  readonly rating: Rating;
  readonly reason: string;
  readonly supersedes?: string[];
}

/** An inspection of one PDU (or youth offending service). */
export interface StoredInspection extends Stamp {
  readonly id: string;
  readonly name: string;
  readonly region?: string;
  /** The inspection round, a named period ("2022"); a region is viewed one round at a time. */
  readonly round?: string;
  /** YYYY-MM-DD. */
  readonly fieldworkStart?: string;
  readonly leadInspector?: string;
  readonly framework: FrameworkRef;
  readonly options: Readonly<Record<string, boolean>>;
  readonly judgements: Readonly<Record<string, StoredJudgement>>;
  readonly overrides: Readonly<Record<string, StoredOverride>>;
  readonly createdAt: string;
  /** Set while an inspection is in the bin; it can be restored for 30 days and is then purged. */
  readonly deletedAt?: string;
  /** Dip samples drawn for quality assurance, oldest first. */
  readonly dipSamples?: readonly StoredDipSample[];
  /**
   * The scoring desk's way of working for this inspection: when true, moving by keyboard passes over prompts
   * (aids to judgement; key questions decide the rating). A local preference, not part of the export.
   */
  readonly promptsOptional?: boolean;
  /**
   * The date (YYYY-MM-DD) this inspection is kept until, when someone chose one; otherwise the retention setting
   * counts from fieldwork. A local decision, not part of the export.
   */
  readonly keepUntil?: string;
  /** The report's words on each standard, by standard id: strengths and areas for improvement. */
  readonly commentary?: Readonly<Record<string, StoredCommentary>>;
}

/** An inspector's words on one standard, printed in the report. */
export interface StoredCommentary extends Stamp {
  readonly strengths?: string;
  readonly improvements?: string;
}

/** A sampled case and its answers. */
export interface StoredCase extends Stamp {
  readonly id: string;
  readonly inspectionId: string;
  readonly reference: string;
  /** `referenceKey(reference)`: what references are compared on (indexed with the inspection). */
  readonly referenceKey?: string;
  readonly caseType: CaseType;
  readonly inspector?: string;
  readonly attributes: CaseAttributes;
  readonly answers: Readonly<Record<string, StoredAnswer>>;
  readonly note?: string;
  readonly createdAt: string;
  /**
   * A removed case is kept in the bin (restorable for 30 days, its `updatedAt` saying when it was removed), then
   * purged to a tombstone of id and time only, so a merge can tell "removed" from "never there".
   */
  readonly deleted?: boolean;
  /** Set once a removed case's content has been erased. */
  readonly purged?: boolean;
  /** Where the case is in quality assurance; absent means in progress. */
  readonly status?: StoredCaseStatus;
  /** The quality lead's blind second scoring, when the case was dip-sampled. */
  readonly secondScoring?: StoredSecondScoring;
  /** Each detail's version (reference, type, inspector, risk…, note, and `removed`), so details merge one by one. */
  readonly detailVersions?: Readonly<Partial<Record<VersionedCaseDetail, Versioned>>>;
}

/** A blind second scoring of a case's key questions, with the first scoring as it stood when it began. */
export interface StoredSecondScoring {
  readonly by: string;
  readonly startedAt: string;
  /** The first scoring's key-question answers when the second scoring began (kept: reconciling changes them). */
  readonly first: Readonly<Record<string, AnswerValue | null>>;
  readonly second: Readonly<Record<string, AnswerValue>>;
  /** Key questions reconciled: the agreed answer (what rates), why, who and when. */
  readonly reconciled: Readonly<Record<string, StoredReconciliation>>;
}

export interface StoredReconciliation {
  readonly agreed: AnswerValue;
  readonly reason?: string;
  readonly by: string;
  readonly at: string;
}

/** A dip sample the quality lead drew: its seed (shown and kept so the draw can be checked), size and cases. */
export interface StoredDipSample {
  readonly id: string;
  readonly seed: number;
  readonly size: number;
  readonly drawnAt: string;
  readonly by: string;
  readonly caseIds: readonly string[];
  readonly strata: readonly { inspector: string; caseType: string; cases: number; drawn: number }[];
}

/** A case's status, who set it and when, and the reason given (required to reopen a locked case). */
export interface StoredCaseStatus extends Stamp {
  readonly value: CaseStatus;
  readonly reason?: string;
}

/** What an audit entry records a change to. */
export type AuditAction =
  | 'answer'
  | 'case-added'
  | 'case-edited'
  | 'case-removed'
  | 'case-status'
  | 'dip-sample'
  | 'second-answer'
  | 'reconciled'
  | 'inspection-created'
  | 'inspection-edited'
  | 'inspection-deleted'
  | 'inspection-restored'
  | 'case-restored'
  /** A removed case erased for good (by the bin after 30 days, or by "Delete for good"). */
  | 'case-purged'
  | 'judgement'
  | 'override'
  | 'demo-loaded'
  | 'imported'
  | 'merged'
  | 'restored'
  | 'team';

/** One change, with its old and new value, written in the same transaction as the change itself. */
export interface AuditEntry {
  readonly seq?: number;
  readonly at: string;
  readonly by: string;
  readonly inspectionId: string;
  readonly caseId?: string;
  readonly action: AuditAction;
  /** What within the target changed: a question id, a standard id, a field name. */
  readonly key?: string;
  readonly before: unknown;
  readonly after: unknown;
  /** Taken from another copy's file: the fingerprint of its signer, or "unsigned". That file's claim, not ours. */
  readonly claimedIn?: string;
}

/** A setting, such as the inspector's initials. */
export interface Setting {
  readonly key: string;
  readonly value: unknown;
}

/** A backup kept inside the browser's own storage: a full export, as the desktop keeps in its backups folder. */
export interface StoredBackup {
  readonly name: string;
  readonly writtenAt: string;
  readonly bytes: number;
  readonly reason: BackupReason;
  readonly text: string;
}
