/**
 * From a key question's tally to its band: share = Yes / (Yes + No) on the exact ratio; Not applicable and
 * unanswered cases are left out. A key question with no Yes or No answers is not rated.
 */
import type { Framework, KeyQuestionBand, Rating } from '../framework/types';
import { reachesEdge } from './fractions';
import type { Tally } from './tally';

/** A rated (or not yet rated) key question. */
export interface KeyQuestionResult {
  readonly id: string;
  readonly label: string;
  readonly yes: number;
  readonly no: number;
  readonly notApplicable: number;
  readonly unanswered: number;
  /** Yes + No: the denominator of the share. */
  readonly applicable: number;
  /** Yes / applicable, a ratio from 0 to 1; `null` when nothing applicable was answered. */
  readonly share: number | null;
  /** The band the share falls in; `null` when not rated. */
  readonly band: KeyQuestionBand | null;
  /** The band's rating; `null` when not rated. */
  readonly rating: Rating | null;
}

/**
 * The band for `yes` of `applicable`: the highest band whose inclusive lower edge the exact share reaches.
 * Returns `null` when `applicable` is 0.
 */
export function bandFor(framework: Framework, yes: number, applicable: number): KeyQuestionBand | null {
  if (applicable <= 0) return null;
  let found: KeyQuestionBand | null = null;
  for (const band of framework.keyQuestionBands) {
    if (reachesEdge(yes, applicable, band.lowerEdge)) found = band;
  }
  return found;
}

/** Rates one key question from its tally. */
export function rateKeyQuestion(
  framework: Framework,
  keyQuestion: { readonly id: string; readonly label: string },
  tally: Tally,
): KeyQuestionResult {
  const applicable = tally.yes + tally.no;
  const band = bandFor(framework, tally.yes, applicable);
  return {
    id: keyQuestion.id,
    label: keyQuestion.label,
    yes: tally.yes,
    no: tally.no,
    notApplicable: tally.notApplicable,
    unanswered: tally.unanswered,
    applicable,
    share: applicable > 0 ? tally.yes / applicable : null,
    band,
    rating: band?.rating ?? null,
  };
}
