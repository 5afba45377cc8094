/** Inspection frameworks as data, and the rules for reading them (applicability, numbering, question lists). */
export * from './types';
export * from './hmip-rules';
export { PROBATION_PDU_2021 } from './probation-pdu-2021';
export { YOUTH_2018 } from './youth-2018';
export { FRAMEWORKS, findFramework, getFramework } from './registry';
export {
  assertNever,
  conditionHolds,
  ratedStandards,
  standardAppliesToCase,
  standardIsRated,
} from './applicability';
export { numberCaseQuestions, numberDomains, numberStandards } from './numbering';
export { caseQuestions, findCaseQuestion, questionApplies, type CaseQuestion } from './questions';
export { casesMeeting, keyQuestionLabel, standardLabel } from './labels';
export { declaredCaseDetails, hasCaseDetail, undeclaredCaseDetails } from './case-details';
