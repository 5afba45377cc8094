/**
 * What the scoring engine reads: the least an inspection must say to be rated. The interchange format's
 * inspections and the renderer's stored rows both fit these shapes, so either can be scored directly.
 */
import type { AnswerValue, CaseAttributes, CaseType, FrameworkRef, Rating } from '../framework/types';

/** One answer; `null` means it was cleared and counts as unanswered. */
export interface AnswerInput {
  readonly value: AnswerValue | null;
}

/** A sampled case and its answers, keyed by question id. */
export interface CaseInput {
  readonly deleted?: false;
  readonly caseType: CaseType;
  readonly attributes: CaseAttributes;
  readonly answers: Readonly<Partial<Record<string, AnswerInput>>>;
}

/** A case removed from the sample, kept so a merge can tell removed from never added; never scored. */
export interface DeletedCaseInput {
  readonly deleted: true;
}

/** The inspector's rating of a judged standard; `null` means not yet judged. */
export interface JudgementInput {
  readonly rating: Rating | null;
}

/** A professional-discretion departure from a computed rating: always with a reason, and ideally who made it. */
export interface OverrideInput {
  readonly rating: Rating;
  readonly reason: string;
  readonly by?: string;
}

/** An inspection as the scoring engine sees it. */
export interface InspectionInput {
  readonly framework: FrameworkRef;
  readonly options: Readonly<Partial<Record<string, boolean>>>;
  readonly judgements: Readonly<Partial<Record<string, JudgementInput>>>;
  readonly overrides?: Readonly<Partial<Record<string, OverrideInput>>>;
  readonly cases: readonly (CaseInput | DeletedCaseInput)[];
}
