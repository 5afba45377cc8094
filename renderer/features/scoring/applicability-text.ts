// Why a question does not apply to a case, in words, read from the framework's conditions.
import {
  conditionHolds,
  type ApplicabilityContext,
  type CaseQuestion,
  type Condition,
} from '#shared/framework';
import { CASE_TYPE_LABELS } from '../../ui/labels';

function failingReason(condition: Condition | undefined, context: ApplicabilityContext): string | null {
  if (!condition || conditionHolds(condition, context)) return null;
  switch (condition.kind) {
    case 'option':
      return 'This inspection does not rate it.';
    case 'case-type':
      return `Applies only to: ${condition.caseTypes.map((t) => CASE_TYPE_LABELS[t].toLowerCase()).join(', ')}.`;
    case 'court-report-inspected':
      return 'No court report was inspected with this case.';
    case 'released-on-licence':
      return 'Applies only to cases released on licence in the period.';
    case 'all':
      for (const inner of condition.conditions) {
        const reason = failingReason(inner, context);
        if (reason) return reason;
      }
      return null;
    case 'named':
      return condition.condition ? failingReason(condition.condition, context) : null;
  }
}

/** Why the question cannot apply to this case, or `null` when it can. */
export function whyNotApplicable(question: CaseQuestion, context: ApplicabilityContext): string | null {
  switch (question.kind) {
    case 'key-question':
      return (
        failingReason(question.standard.ratedWhen, context) ??
        failingReason(question.standard.appliesToCase, context)
      );
    case 'prompt':
      return (
        failingReason(question.standard.ratedWhen, context) ??
        failingReason(question.standard.appliesToCase, context) ??
        failingReason(question.question.appliesWhen, context)
      );
    case 'non-rated':
      return failingReason(question.question.appliesWhen, context);
  }
}
