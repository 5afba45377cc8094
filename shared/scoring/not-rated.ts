/**
 * Why a standard has no rating, as data, so the panel, breakdown, report and `rate` all say the same thing.
 * Two reasons are final (nothing more can be scored: "no out-of-court cases in the sample", "every answer was
 * N/A"); the others are unfinished work, and only those make a rating provisional.
 */
import type { Tally } from './tally';

/** Why a standard is not rated. */
export type NotRatedReason =
  /** No case in the sample is of the kind its questions reach ("out-of-court cases"). */
  | { readonly kind: 'no-cases-of-kind'; readonly cases: string }
  /** Cases reach it, and every one was answered N/A. */
  | { readonly kind: 'every-answer-na' }
  /** Cases reach it and some are still unanswered; none has a Yes or No. */
  | { readonly kind: 'no-answers-yet'; readonly someNotApplicable: boolean }
  /** The sample has no cases yet. */
  | { readonly kind: 'no-cases-yet' }
  /** A judged standard the inspector has not rated yet. */
  | { readonly kind: 'not-judged-yet' };

/**
 * Why a case-sampled standard whose key questions have no Yes or No answer is not rated, from their tallies.
 * `cases` names the cases the standard reaches ("out-of-court cases"), or `null` when it reaches every case.
 */
export function caseSampledNotRated(tallies: readonly Tally[], cases: string | null): NotRatedReason {
  let reached = 0;
  let cannotApply = 0;
  let notApplicable = 0;
  let unanswered = 0;
  for (const t of tallies) {
    reached += t.yes + t.no + t.notApplicable + t.unanswered;
    cannotApply += t.cannotApply;
    notApplicable += t.notApplicable;
    unanswered += t.unanswered;
  }
  if (reached === 0) {
    return cannotApply > 0 && cases !== null ? { kind: 'no-cases-of-kind', cases } : { kind: 'no-cases-yet' };
  }
  if (unanswered === 0) return { kind: 'every-answer-na' };
  return { kind: 'no-answers-yet', someNotApplicable: notApplicable > 0 };
}

/** The reason in words, to follow "Not rated: ". */
export function describeNotRated(reason: NotRatedReason): string {
  switch (reason.kind) {
    case 'no-cases-of-kind':
      return `no ${reason.cases} in the sample`;
    case 'every-answer-na':
      return 'every answer was N/A';
    case 'no-answers-yet':
      return reason.someNotApplicable ? 'no Yes or No answers yet' : 'no answers yet';
    case 'no-cases-yet':
      return 'no cases in the sample yet';
    case 'not-judged-yet':
      return 'not judged yet';
  }
}

/** Whether the reason is work still to do (so the rating may change), rather than a fact of the sample. */
export function isUnfinished(reason: NotRatedReason): boolean {
  return (
    reason.kind === 'no-answers-yet' || reason.kind === 'no-cases-yet' || reason.kind === 'not-judged-yet'
  );
}
