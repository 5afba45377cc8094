/**
 * The margin in the inspectors' own words, shared by the app and the `rate` command so they never disagree.
 * Every sentence says which change moves the rating and the rating that change gives:
 *   "2 more Yes answers would make Assessment Good"
 *   "1 more No — an N/A answered No — would make it Good"
 *   "1 answer changed from Yes to No would make it Requires improvement"
 * A property test (tests/shared/scoring/margin-sentences.test.ts) reads every sentence back and checks it
 * against the scoring for every small count of Yes, No and N/A.
 */
import type { Margin, MarginStep } from './margins';
import { RATING_LABELS } from './ratings';

function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Where more answers come from, when not only from cases still unanswered: " — an N/A answered Yes —". */
function source(step: MarginStep, value: 'Yes' | 'No'): string {
  if (step.fromNotApplicable === 0) return '';
  const fromUnanswered = step.count - step.fromNotApplicable;
  const na = step.fromNotApplicable === 1 ? 'an N/A' : `${step.fromNotApplicable} N/A answers`;
  if (fromUnanswered === 0) return ` — ${na} answered ${value} —`;
  return ` — ${countOf(fromUnanswered, 'unanswered case')} and ${na}, answered ${value} —`;
}

function where(step: MarginStep): string {
  if (step.keyQuestions.length === 0) return '';
  const names = step.keyQuestions;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return ` in ${list}`;
}

/** One step as a sentence (without the full stop); `subject` is the standard's name or "it". */
export function describeMarginStep(step: MarginStep, subject: string): string {
  const to = RATING_LABELS[step.to];
  const n = step.count;
  switch (step.change) {
    case 'more-yes':
      return `${n} more Yes ${n === 1 ? 'answer' : 'answers'}${where(step)}${source(step, 'Yes')} would make ${subject} ${to}`;
    case 'more-no':
      return `${n} more No ${n === 1 ? 'answer' : 'answers'}${where(step)}${source(step, 'No')} would make ${subject} ${to}`;
    case 'no-to-yes':
      return `${countOf(n, 'answer')}${where(step)} changed from No to Yes would make ${subject} ${to}`;
    case 'yes-to-no':
      return `${countOf(n, 'answer')}${where(step)} changed from Yes to No would make ${subject} ${to}`;
  }
}

/**
 * Sentences describing what would lift or drop a standard (or key question); empty when not rated. The first
 * names the standard, the rest say "it".
 */
export function describeStandardMargin(standardName: string, margin: Margin | null): string[] {
  if (!margin) return [];
  return [...margin.up, ...margin.down].map((step, index) =>
    describeMarginStep(step, index === 0 ? standardName : 'it'),
  );
}
