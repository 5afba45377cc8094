/**
 * Quality assurance and moderation, pure: case status and its moves, dip samples, and agreement between a
 * first and a second scoring.
 */
export {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  movesFrom,
  STATUS_MOVE_LABELS,
  statusAfter,
  statusMoveProblem,
  unansweredKeyQuestions,
  type CaseStatus,
  type StatusMove,
} from './case-status';
export {
  dipSampleProblem,
  drawDipSample,
  MAX_SEED,
  seededRandom,
  type DipCandidate,
  type DipDraw,
  type DipStratum,
} from './dip-sample';
export {
  AGREEMENT_CATEGORIES,
  keyQuestionName,
  moderationAgreement,
  type AgreementRow,
  type ModeratedCase,
  type ModerationAgreement,
} from './agreement-figures';
export { inspectionAgreement } from './section';
export { agreementToCsv } from './agreement-csv';
