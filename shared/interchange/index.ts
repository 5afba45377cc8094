/** The versioned export format: validation schema, parse, serialise, upgrade, and its JSON Schema. */
export { formatPath, InterchangeError, type PathSegment } from './errors';
export { DEFAULT_MAX_BYTES, describeFileSize, MAX_DEPTH, parseJsonSafely } from './safe-json';
export {
  looksSealed,
  parseSealedBackup,
  SEALED_BACKUP_FORMAT,
  SEALED_BACKUP_VERSION,
  sealedBackupSchema,
  type SealedBackup,
} from './sealed-backup';
export * from './schema';
export {
  frameworksOf,
  parseExport,
  parseSignedExport,
  readExportFile,
  tryParseExport,
  tryReadExportFile,
  validateExport,
  type ParseOptions,
  type ParseResult,
  type SignedParseResult,
} from './parse';
export { carriedFrameworks, frameworksFor } from './frameworks';
export { createExport, serialiseExport, serialiseSignedExport, writeExportFile } from './serialise';
export { exportJsonSchema } from './json-schema';
export { upgradeToCurrent } from './upgrade';
export { answersToCsv, CASE_COLUMNS, CSV_BOM, neutraliseCell } from './csv';
export { canonicalInspection, contentChecksum, contentChecksumNative } from './checksum';
export { sha256Hex, sha256HexNative } from './sha256';
export * from './signature';
