// Answer values as words.
import type { AnswerValue } from '#shared/framework';

const LABELS: Readonly<Record<AnswerValue, string>> = { yes: 'Yes', no: 'No', na: 'N/A' };

export function answerLabel(value: AnswerValue | null | undefined): string {
  return value ? LABELS[value] : 'Unanswered';
}

export const ANSWER_CHOICES: readonly AnswerValue[] = ['yes', 'no', 'na'];
