/**
 * Answers set aside: a Yes or No given to a question that no longer applies to its case, because the case's
 * details (type, court report, release on licence) or the inspection's options changed after it was given. Such an
 * answer is kept, never counted, and counts again if the detail changes back. The scoring already leaves it out
 * (a question that cannot apply is tallied as "cannot apply"); this lists them so people and tools can see them.
 */
import { getFramework } from '../framework/registry';
import { caseQuestions, questionApplies } from '../framework/questions';
import type { AnswerValue, Framework } from '../framework/types';
import type { InspectionInput } from './inputs';
import { applicabilityContext } from './tally';

/** One answer kept but not counted. */
export interface SetAsideAnswer {
  readonly caseIndex: number;
  readonly questionId: string;
  readonly value: Extract<AnswerValue, 'yes' | 'no'>;
}

/** The Yes and No answers of an inspection's live cases that no longer apply, in case and question order. */
export function setAsideAnswers(
  inspection: InspectionInput,
  framework: Framework = getFramework(inspection.framework),
): SetAsideAnswer[] {
  const questions = caseQuestions(framework);
  const found: SetAsideAnswer[] = [];
  inspection.cases.forEach((sampled, caseIndex) => {
    if (sampled.deleted) return;
    const context = applicabilityContext(inspection, sampled);
    for (const question of questions) {
      const value = sampled.answers[question.id]?.value;
      if ((value === 'yes' || value === 'no') && !questionApplies(question, context)) {
        found.push({ caseIndex, questionId: question.id, value });
      }
    }
  });
  return found;
}
