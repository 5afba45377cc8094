/** Inspection frameworks as data, and the rules for reading them (applicability, numbering, question lists). */
export * from './types';
export { PROBATION_PDU_2021 } from './probation-pdu-2021';
export { YOUTH_2018 } from './youth-2018';
export {
  conflictingFramework,
  findFramework,
  forgetLoadedFrameworks,
  FrameworkConflictError,
  FRAMEWORKS,
  getFramework,
  isBuiltInFramework,
  knownFrameworks,
  registerFramework,
  unknownFrameworkMessage,
  withFrameworks,
} from './registry';
export {
  checkFrameworkFile,
  checkFrameworkText,
  frameworkFile,
  FrameworkFileError,
  frameworkFileText,
  frameworkHash,
  loadFrameworkFile,
  type FrameworkCheck,
} from './file';
export {
  FRAMEWORK_FORMAT,
  FRAMEWORK_FORMAT_VERSION,
  frameworkFileSchema,
  type FrameworkFile,
} from './file-schema';
export { frameworkJsonSchema } from './file-json-schema';
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
export { describeSureness } from './sureness';
export { declaredCaseDetails, hasCaseDetail, undeclaredCaseDetails } from './case-details';
