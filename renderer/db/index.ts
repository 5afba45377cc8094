/** The storage layer: the only code that talks to IndexedDB (through Dexie). */
export {
  CasescoreDatabase,
  DATABASE_NAME,
  database,
  onDatabaseUpgradedElsewhere,
  replaceDatabase,
} from './database';
export type * from './entities';
export { describeStorageError, SaveError } from './errors';
export { auditTrail, onChangeCommitted } from './audit';
export { checkInitials, readInitials, saveInitials } from './settings';
export {
  createInspection,
  deleteInspection,
  editInspection,
  restoreInspection,
  setJudgement,
  setOverride,
  type InspectionDetails,
  type JudgementEntry,
} from './inspections';
export {
  addCases,
  editCase,
  referencesFromPaste,
  removeCase,
  restoreCase,
  setCaseNote,
  type AddedCases,
  type CaseDetails,
  type CaseEditAnswers,
} from './cases';
export {
  AnswerChangedError,
  setAnswer,
  setAnswerNote,
  setAnswers,
  type AnswerEntry,
  type AnswerOptions,
  type AnswerOutcome,
  type GivenAnswer,
} from './answers';
export { ERASED_REFERENCE, purgeCase, purgeInspection, readErasures, type Erasure } from './erasure';
export { BIN_DAYS, emptiedAfter, emptyExpiredBin, readBin, type BinContents, type BinnedCase } from './bin';
export { audited, deviceId, versionOf, type WriteContext } from './write';
export { setCommentary, setPromptsOptional, type CommentaryEntry } from './desk';
export { answerHistory, useAnswerHistory, type AnswerChange, type AnswerState } from './history';
export { loadLondonDemo } from './demo';
export { fromExportedInspection, toExportedInspection } from './snapshot';
export { newId } from './clock';
export {
  useAllCases,
  useBin,
  useCasesOf,
  useInitials,
  useInspection,
  useInspections,
  useSummaries,
} from './live';
export { readSummaries, refreshSummaries, summaryOf, type StoredSummary } from './summaries';
export { applyImport, exportInspections, latestChange, planImport, replaceAllWith } from './transfer';
export { ownFingerprint, signingKeys } from './signing';
export { distrustKey, readTeam, teamMemberByKey, trustKey, useTeam, type TeamMember } from './team';
export { sourceOfFile, type FileSource } from './trust';
export {
  AT_REST_KEY,
  atRestEnabled,
  atRestOpen,
  AtRestLockedError,
  onAtRestChange,
  passphraseProblem,
  SHORTEST_PASSPHRASE,
  shareDataKey,
  whileWriting,
  type AtRestRecord,
} from './at-rest';
export {
  adoptAtRest,
  lockAtRest,
  lockSettled,
  readAtRest,
  switchOnAtRest,
  unlockAtRest,
} from './at-rest-session';
export { openBackup, sealBackup, type OpenedBackup } from './sealed-backup';
export { BROWSER_BACKUPS_KEPT, listBrowserBackups, readBrowserBackup, writeBrowserBackup } from './backups';
export {
  checkMinimumCases,
  MAXIMUM_MINIMUM_CASES,
  readMinimumCases,
  saveMinimumCases,
  useMinimumCases,
} from './minimum-cases';
export {
  DEFAULT_SAMPLING,
  readSamplingSettings,
  SAMPLING_LEVELS,
  samplingProblem,
  saveSamplingSettings,
  useSamplingSettings,
  type SamplingSettings,
} from './sampling-settings';
export {
  checkLockMinutes,
  DEFAULT_LOCK_MINUTES,
  MAXIMUM_LOCK_MINUTES,
  readLockMinutes,
  saveLockMinutes,
  useLockMinutes,
} from './lock-settings';
export {
  addMonths,
  checkRetentionMonths,
  DEFAULT_RETENTION_MONTHS,
  keepUntilOf,
  MAXIMUM_RETENTION_MONTHS,
  pastKeepUntil,
  readRetentionMonths,
  saveRetentionMonths,
  setKeepUntil,
  today,
  useRetentionMonths,
} from './retention';
export { describeStatus, moveCaseStatus, refuseIfLocked, statusOf } from './case-status';
export { dipCandidates, recordDipSample, reconcileAnswer, setSecondAnswer } from './moderation';
export {
  frameworkKey,
  holdStoredFrameworks,
  keepFramework,
  loadFramework,
  readStoredFrameworks,
  useStoredFrameworks,
  type LoadedFramework,
  type StoredFramework,
} from './frameworks';
