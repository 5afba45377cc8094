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
export { auditTrail } from './audit';
export { checkInitials, readInitials, saveInitials } from './settings';
export {
  createInspection,
  deleteInspection,
  editInspection,
  purgeDeletedInspections,
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
  setCaseNote,
  type AddedCases,
  type CaseDetails,
} from './cases';
export { setAnswer, type AnswerEntry } from './answers';
export { setCommentary, setPromptsOptional, type CommentaryEntry } from './desk';
export { answerHistory, useAnswerHistory, type AnswerChange, type AnswerState } from './history';
export { loadLondonDemo } from './demo';
export { fromExportedInspection, toExportedInspection } from './snapshot';
export { useAllCases, useCasesOf, useInitials, useInspection, useInspections } from './live';
export { applyImport, exportInspections, latestChange, planImport, replaceAllWith } from './transfer';
export { BROWSER_BACKUPS_KEPT, listBrowserBackups, readBrowserBackup, writeBrowserBackup } from './backups';
