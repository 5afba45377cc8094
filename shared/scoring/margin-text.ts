/**
 * The margin to the next band in the inspectors' own words, shared by the app and the `rate` command so they
 * never disagree: "2 more Yes answers would make Assessment Good".
 */
import type { Margin } from './margins';
import { RATING_LABELS } from './ratings';

function answers(count: number, kind: string): string {
  return `${count} ${kind} answer${count === 1 ? '' : 's'}`;
}

/**
 * Sentences describing what would lift or drop a standard (or key question) one band; empty when not rated.
 * "More Yes answers" is said only while enough cases are still unanswered for it to happen.
 */
export function describeStandardMargin(standardName: string, margin: Margin | null): string[] {
  if (!margin) return [];
  const sentences: string[] = [];
  if (margin.lift) {
    const to = RATING_LABELS[margin.lift.to];
    if (margin.lift.moreYesPossible) {
      sentences.push(`${answers(margin.lift.moreYes, 'more Yes')} would make ${standardName} ${to}`);
    }
    if (margin.lift.noChangedToYes !== null) {
      const n = margin.lift.noChangedToYes;
      const subject = margin.lift.moreYesPossible ? 'it' : standardName;
      sentences.push(
        `${n} ${n === 1 ? 'answer' : 'answers'} changed from No to Yes would make ${subject} ${to}`,
      );
    }
  }
  if (margin.drop?.yesChangedToNo != null) {
    const n = margin.drop.yesChangedToNo;
    const to = RATING_LABELS[margin.drop.to];
    sentences.push(`${n} ${n === 1 ? 'answer' : 'answers'} changed to No would make it ${to}`);
  }
  return sentences;
}
