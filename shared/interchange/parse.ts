/**
 * Reading an export: text -> safe JSON -> envelope and upgrade -> schema -> semantics -> checksum. Nothing is
 * returned unless the whole file is valid, so a caller never writes half a file. `readExportFile` is the app's
 * way (native SHA-256, asynchronous); `parseExport` the same checks synchronously, for the `rate` command.
 */
import { contentChecksum, contentChecksumNative } from './checksum';
import { describePath } from './describe-path';
import { InterchangeError } from './errors';
import { DEFAULT_MAX_BYTES, parseJsonSafely } from './safe-json';
import { exportFileSchema, type ExportFile, type FORMAT_VERSION } from './schema';
import { dropUndeclaredCaseDetails } from './case-details';
import { checkSemantics } from './semantics';
import { upgradeToCurrent } from './upgrade';
import { firstIssueAsError } from './zod-issues';

/** Options for reading a file. */
export interface ParseOptions {
  /** The largest file accepted, in bytes. */
  readonly maxBytes?: number;
}

/**
 * Validates a parsed value as a current export file, upgrading older versions.
 * @throws InterchangeError naming the first problem's path.
 */
export function validateExport(value: unknown): ExportFile {
  try {
    return validateUpgraded(value);
  } catch (error) {
    throw inWords(error, value);
  }
}

/** The same error, its place said in an inspector's words (case reference, question number and words). */
export function inWords(error: unknown, root: unknown): unknown {
  if (!(error instanceof InterchangeError) || error.path.length === 0) return error;
  return new InterchangeError(error.path, error.problem, describePath(root, error.path));
}

/** A file that passed every check but its checksum, and the content its checksum was taken over. */
interface CheckedContent {
  readonly file: ExportFile;
  /** The content as written: the checksum covers the version the file was written as. */
  readonly writtenAs: ExportFile;
}

/** Upgrade, schema and semantics: everything but the checksum, in one pass over the data each. */
function checkContent(value: unknown): CheckedContent {
  // The checksum covers the version the file was written as; upgrades so far change nothing else.
  const writtenVersion = (value as { formatVersion?: unknown } | null)?.formatVersion;
  const upgraded = upgradeToCurrent(value);
  const result = exportFileSchema.safeParse(upgraded);
  if (!result.success) throw firstIssueAsError(result.error, upgraded);
  checkSemantics(result.data);
  return {
    file: result.data,
    writtenAs: { ...result.data, formatVersion: writtenVersion as typeof FORMAT_VERSION },
  };
}

function checksumDoesNotMatch(): InterchangeError {
  return new InterchangeError(
    ['checksum'],
    'does not match the content: the file was changed or damaged after it was exported',
  );
}

function validateUpgraded(value: unknown): ExportFile {
  const { file, writtenAs } = checkContent(value);
  if (file.checksum !== undefined && contentChecksum(writtenAs) !== file.checksum) {
    throw checksumDoesNotMatch();
  }
  return dropUndeclaredCaseDetails(file);
}

/**
 * Reads an export file's text into a checked file: the one way the app reads a file (import, restore, a backup),
 * in a worker. Text -> safe JSON -> upgrade -> schema -> semantics -> checksum (native SHA-256, the same value
 * as `parseExport`'s) -> case details a framework does not declare dropped. Nothing is returned unless the whole
 * file is valid. Checks that need the file as written (before any upgrade) go after the safe JSON step.
 * @throws InterchangeError naming the first problem, where it is in an inspector's words.
 */
export async function readExportFile(text: string, options: ParseOptions = {}): Promise<ExportFile> {
  const value = parseJsonSafely(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  try {
    const { file, writtenAs } = checkContent(value);
    if (file.checksum !== undefined && (await contentChecksumNative(writtenAs)) !== file.checksum) {
      throw checksumDoesNotMatch();
    }
    return dropUndeclaredCaseDetails(file);
  } catch (error) {
    throw inWords(error, value);
  }
}

/** Like `readExportFile`, but returns the error instead of throwing it. */
export async function tryReadExportFile(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  try {
    return { ok: true, file: await readExportFile(text, options) };
  } catch (error) {
    if (error instanceof InterchangeError) return { ok: false, error };
    throw error;
  }
}

/**
 * Reads an export file's text.
 * @throws InterchangeError naming the first problem's path.
 */
export function parseExport(text: string, options: ParseOptions = {}): ExportFile {
  return validateExport(parseJsonSafely(text, options.maxBytes ?? DEFAULT_MAX_BYTES));
}

/** The result of reading a file without throwing. */
export type ParseResult =
  { readonly ok: true; readonly file: ExportFile } | { readonly ok: false; readonly error: InterchangeError };

/** Like `parseExport`, but returns the error instead of throwing it. */
export function tryParseExport(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return { ok: true, file: parseExport(text, options) };
  } catch (error) {
    if (error instanceof InterchangeError) return { ok: false, error };
    throw error;
  }
}
