/**
 * Every question a case can be asked, flattened from the framework with what kind it is and where it sits:
 * the one list that tallies, applicability checks, import validation and the region roll-up all walk.
 */
import { assertNever, conditionHolds, standardAppliesToCase } from './applicability';
import type {
  ApplicabilityContext,
  CaseSampledStandard,
  Framework,
  KeyQuestion,
  NonRatedQuestion,
  Prompt,
} from './types';

/** A case question with its kind and the standard it belongs to. */
export type CaseQuestion =
  | {
      readonly kind: 'key-question';
      readonly id: string;
      readonly standard: CaseSampledStandard;
      readonly question: KeyQuestion;
    }
  | {
      readonly kind: 'prompt';
      readonly id: string;
      readonly standard: CaseSampledStandard;
      readonly keyQuestion: KeyQuestion;
      readonly question: Prompt;
    }
  | {
      readonly kind: 'non-rated';
      readonly id: string;
      readonly standardId: string;
      readonly question: NonRatedQuestion;
    };

const cache = new WeakMap<Framework, readonly CaseQuestion[]>();

/** Every case question in the framework (key questions, prompts, non-rated questions), in framework order. */
export function caseQuestions(framework: Framework): readonly CaseQuestion[] {
  const cached = cache.get(framework);
  if (cached) return cached;
  const questions: CaseQuestion[] = [];
  for (const domain of framework.domains) {
    for (const standard of domain.standards) {
      if (standard.method !== 'case-sample') continue;
      for (const keyQuestion of standard.keyQuestions) {
        questions.push({ kind: 'key-question', id: keyQuestion.id, standard, question: keyQuestion });
        for (const prompt of keyQuestion.prompts) {
          questions.push({ kind: 'prompt', id: prompt.id, standard, keyQuestion, question: prompt });
        }
      }
    }
  }
  for (const question of framework.nonRatedQuestions) {
    questions.push({ kind: 'non-rated', id: question.id, standardId: question.standardId, question });
  }
  cache.set(framework, questions);
  return questions;
}

const indexCache = new WeakMap<Framework, ReadonlyMap<string, CaseQuestion>>();

/** The case question with this id, or `undefined` when the framework has none. */
export function findCaseQuestion(framework: Framework, id: string): CaseQuestion | undefined {
  let index = indexCache.get(framework);
  if (!index) {
    index = new Map(caseQuestions(framework).map((q) => [q.id, q]));
    indexCache.set(framework, index);
  }
  return index.get(id);
}

/** Whether a case question can apply to this case; where it cannot, only Not applicable is a valid answer. */
export function questionApplies(question: CaseQuestion, context: ApplicabilityContext): boolean {
  switch (question.kind) {
    case 'key-question':
      return standardAppliesToCase(question.standard, context);
    case 'prompt':
      return (
        standardAppliesToCase(question.standard, context) &&
        conditionHolds(question.question.appliesWhen, context)
      );
    case 'non-rated':
      return conditionHolds(question.question.appliesWhen, context);
    default:
      return assertNever(question);
  }
}
