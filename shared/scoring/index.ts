/**
 * The scoring engine: answers -> key-question tallies -> bands -> standard, domain and overall ratings,
 * margins to the next band, and the region roll-up. Pure: no DOM, no Node, no storage.
 */
export type * from './inputs';
export { addTallies, EMPTY_TALLY, tallyInspection, applicabilityContext, type Tally } from './tally';
export { bandFor, rateKeyQuestion, type KeyQuestionResult } from './key-question';
export {
  OverrideError,
  overrideProblem,
  rateCaseSampledStandard,
  rateJudgedStandard,
  type StandardResult,
} from './standard';
export { overallRating, scoreStandardRatings, type OverallBasis, type OverallResult } from './overall';
export { rateInspection, type DomainResult, type InspectionRating } from './inspection';
export {
  keyQuestionMargin,
  standardMargin,
  moreYesToReach,
  noChangedToYesToReach,
  yesChangedToNoToFallBelow,
  moreNoToFallBelow,
  type Margin,
  type MarginChange,
  type MarginStep,
} from './margins';
export { describeMarginStep, describeStandardMargin } from './margin-text';
export { rollUpRegion, RegionMixError, type RegionQuestionTotal, type RegionRollUp } from './region';
export { lowerRating, ratingAbove, ratingBelow, ratingRank, RATING_LABELS } from './ratings';
export { caseProgress, sampleProgress, type Progress, type ProgressStatus } from './progress';
export {
  addTotals,
  caseTotals,
  emptyTotals,
  figuresOf,
  sampleTotals,
  type InspectionFigures,
  type SampleTotals,
  type TallyCounts,
} from './summary';
export { inspectorPatterns, type InspectorPattern } from './inspectors';
export { describeFigure, figureOf, questionHeading, type Figure } from './figures';
export { setAsideAnswers, type SetAsideAnswer } from './set-aside';
export { caseSampledNotRated, describeNotRated, isUnfinished, type NotRatedReason } from './not-rated';
export {
  describeProvisional,
  inspectionProgress,
  isProvisional,
  progressFigures,
  unfinishedWork,
  type ProgressFigures,
  type UnfinishedWork,
} from './provisional';
export { DEFAULT_MINIMUM_CASES, describeTooFewCases, TOO_FEW_CASES, tooFewCases } from './too-few';
export { describeMaximum } from './maximum-text';
export {
  bandOfShare,
  keyQuestionCertainty,
  MAX_MORE_CASES,
  SHOWN_LEVELS,
  standardCertainty,
  type KeyQuestionCertainty,
  type StandardCertainty,
} from './certainty';
