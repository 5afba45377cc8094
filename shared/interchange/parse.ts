/**
 * Reading an export: text -> safe JSON -> signature -> envelope and upgrade -> schema -> semantics -> checksum.
 * Nothing is returned unless the whole file is valid, so a caller never writes half a file. `readExportFile` is
 * the app's way (signature checked, native SHA-256, asynchronous); `parseExport` the same content checks
 * synchronously, for the `rate` command.
 */
import { checksumOfText, contentChecksum, contentChecksumNative } from './checksum';
import { describePath } from './describe-path';
import { InterchangeError } from './errors';
import { DEFAULT_MAX_BYTES, parseJsonSafely } from './safe-json';
import { safeParseExportFile, type ExportFile, type FORMAT_VERSION } from './schema';
import { dropUndeclaredCaseDetails } from './case-details';
import { checkSemantics } from './semantics';
import { checkSignature, signedBytesOfText, signsChecksum, type SignatureCheck } from './signature';
import { upgradeToCurrent } from './upgrade';
import { carriedFrameworks } from './frameworks';
import { withFrameworks } from '../framework/registry';
import type { Framework } from '../framework/types';
import { firstIssueAsError } from './zod-issues';

/** Options for reading a file. */
export interface ParseOptions {
  /** The largest file accepted, in bytes. */
  readonly maxBytes?: number;
  /** Frameworks this reader holds beyond the built-in ones (loaded in Settings), while the file is read. */
  readonly held?: readonly Framework[];
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
  /** The frameworks it carries, held while it is read. */
  readonly frameworks: readonly Framework[];
}

/** Upgrade, schema and semantics (with the file's own and the reader's frameworks held): all but the checksum. */
function checkContent(value: unknown, held: readonly Framework[]): CheckedContent {
  // The checksum covers the version the file was written as; upgrades so far change nothing else.
  const writtenVersion = (value as { formatVersion?: unknown } | null)?.formatVersion;
  const upgraded = upgradeToCurrent(value);
  const result = safeParseExportFile(upgraded);
  if (!result.success) throw firstIssueAsError(result.error, upgraded);
  const frameworks = [...held, ...carriedFrameworks(result.data)];
  withFrameworks(frameworks, () => checkSemantics(result.data));
  return {
    file: result.data,
    writtenAs: { ...result.data, formatVersion: writtenVersion as typeof FORMAT_VERSION },
    frameworks,
  };
}

function checksumDoesNotMatch(): InterchangeError {
  return new InterchangeError(
    ['checksum'],
    'does not match the content: the file was changed or damaged after it was exported',
  );
}

/** The error in words, said with the frameworks the file uses held (so questions are named). */
function inWordsWith(error: unknown, value: unknown, held: readonly Framework[]): unknown {
  let frameworks: readonly Framework[] = held;
  try {
    const upgraded = safeParseExportFile(upgradeToCurrent(value));
    if (upgraded.success) frameworks = [...held, ...carriedFrameworks(upgraded.data)];
  } catch {
    // The file's own frameworks could not be read: named with what the reader holds.
  }
  return withFrameworks(frameworks, () => inWords(error, value));
}

/**
 * Validates a parsed value as a current export file, upgrading older versions (synchronous checksum).
 * @throws InterchangeError naming the first problem's path.
 */
export function validateExport(value: unknown, held: readonly Framework[] = []): ExportFile {
  try {
    const { file, writtenAs, frameworks } = checkContent(value, held);
    if (file.checksum !== undefined && contentChecksum(writtenAs) !== file.checksum)
      throw checksumDoesNotMatch();
    return withFrameworks(frameworks, () => dropUndeclaredCaseDetails(file));
  } catch (error) {
    throw inWordsWith(error, value, held);
  }
}

/** The frameworks a valid file carries definitions of, for a reader to hold while it rates the file. */
export function frameworksOf(file: ExportFile): readonly Framework[] {
  return carriedFrameworks(file);
}

/**
 * Reads an export file's text.
 * @throws InterchangeError naming the first problem's path.
 */
export function parseExport(text: string, options: ParseOptions = {}): ExportFile {
  return validateExport(parseJsonSafely(text, options.maxBytes ?? DEFAULT_MAX_BYTES), options.held);
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

/** A file read in full, with what its signature showed. */
export interface SignedFile {
  readonly file: ExportFile;
  readonly signature: SignatureCheck;
}

/**
 * Reads an export file's text into a checked file: the one way the app reads a file (import, restore, a backup),
 * in a worker, and the way `merge` reads one. Safe JSON, then the signature on the file as written (before any
 * upgrade: a file changed after signing is refused, an unsigned one is read and says so), then upgrade, schema,
 * semantics and checksum (native SHA-256, the same value as `parseExport`'s).
 * @throws InterchangeError naming the first problem, where it is in an inspector's words.
 */
export async function readExportFile(text: string, options: ParseOptions = {}): Promise<SignedFile> {
  const held = options.held ?? [];
  const value = parseJsonSafely(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  // The checksum of the file's text as written (its header as read) is started at once: WebCrypto hashes the
  // megabytes on its own thread while this one checks the signature, the schema and the semantics.
  const fromText = checksumOfText(text, value as ExportFile).catch(() => null);
  const signature = await checkSignature(value, () => signedBytesOfText(text));
  if (signature.state === 'changed') throw refusedSignature(signature.problem, signature.fingerprint);
  try {
    const { file, writtenAs, frameworks } = checkContent(value, held);
    if (file.checksum !== undefined && !(await checksumHolds(fromText, writtenAs, file.checksum))) {
      throw checksumDoesNotMatch();
    }
    return { file: withFrameworks(frameworks, () => dropUndeclaredCaseDetails(file)), signature };
  } catch (error) {
    // A signature from version 4 on covers the checksum, not the inspections: content that fails its checks
    // in a signed file was changed after signing (Casescore checks every file before it writes it), unless it
    // is exactly what was signed (then the problem is the reader's, a framework it does not hold).
    if (signature.state === 'verified' && signsChecksum(value as Record<string, unknown>)) {
      const record = value as ExportFile;
      // Written out again where the text is not in the writer's form (its keys re-sorted by another tool, say):
      // content that still matches is the signer's, and its problem is said as it is.
      const holds = await checksumHolds(fromText, record, record.checksum ?? '').catch(() => false);
      if (!holds) throw refusedSignature('the file was changed after it was signed', signature.fingerprint);
    }
    throw inWordsWith(error, value, held);
  }
}

/** A signed file that is not read: what its signature showed, and whose key signed it. */
function refusedSignature(problem: string, fingerprint: string): InterchangeError {
  const by = fingerprint ? ` by the key ${fingerprint}` : '';
  return new InterchangeError(['signature'], `${problem} (it was signed${by}); it was not read`);
}

/**
 * Whether the content matches the checksum, taken first from the file's own text (`fromText`: the inspections as
 * written, white space left out, after the header as read), then, where that gives another value, from the
 * checked content written out again: a file with its records' keys in another order, or a header member the
 * schema leaves out, is still read. A match from the text is final: the bytes hashed are the file's own.
 */
async function checksumHolds(
  fromText: Promise<string | null>,
  writtenAs: ExportFile,
  checksum: string,
): Promise<boolean> {
  if ((await fromText) === checksum) return true;
  return (await contentChecksumNative(writtenAs)) === checksum;
}

/** A file read in full with its signature, or the first problem. */
export type SignedParseResult =
  ({ readonly ok: true } & SignedFile) | { readonly ok: false; readonly error: InterchangeError };

/** Like `readExportFile`, but returns the error instead of throwing it. */
export async function parseSignedExport(
  text: string,
  options: ParseOptions = {},
): Promise<SignedParseResult> {
  try {
    return { ok: true, ...(await readExportFile(text, options)) };
  } catch (error) {
    if (error instanceof InterchangeError) return { ok: false, error };
    throw error;
  }
}

/** Like `parseSignedExport`, without the signature: for callers that only need the file. */
export async function tryReadExportFile(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  const result = await parseSignedExport(text, options);
  return result.ok ? { ok: true, file: result.file } : result;
}
