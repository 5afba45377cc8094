/**
 * Reading an export: text -> safe JSON -> envelope and upgrade -> schema -> semantics. Nothing is returned unless
 * the whole file is valid, so a caller never writes half a file.
 */
import { contentChecksum } from './checksum';
import { describePath } from './describe-path';
import { InterchangeError } from './errors';
import { DEFAULT_MAX_BYTES, parseJsonSafely } from './safe-json';
import { exportFileSchema, type ExportFile, type FORMAT_VERSION } from './schema';
import { dropUndeclaredCaseDetails } from './case-details';
import { checkSemantics } from './semantics';
import { checkSignature, type SignatureCheck } from './signature';
import { upgradeToCurrent } from './upgrade';
import { carriedFrameworks } from './frameworks';
import { withFrameworks } from '../framework/registry';
import type { Framework } from '../framework/types';
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
  let carried: readonly Framework[] = [];
  try {
    // The checksum covers the version the file was written as; upgrades so far change nothing else.
    const writtenVersion = (value as { formatVersion?: unknown } | null)?.formatVersion;
    const upgraded = upgradeToCurrent(value);
    const result = exportFileSchema.safeParse(upgraded);
    if (!result.success) throw firstIssueAsError(result.error, upgraded);
    // The frameworks the file carries are held while it is read, and let go after (`frameworksOf` gives them).
    carried = carriedFrameworks(result.data);
    return withFrameworks(carried, () => validateContent(result.data, writtenVersion));
  } catch (error) {
    throw withFrameworks(carried, () => inWords(error, value));
  }
}

/** The frameworks a valid file carries definitions of, for a reader to hold while it rates the file. */
export function frameworksOf(file: ExportFile): readonly Framework[] {
  return carriedFrameworks(file);
}

/** The same error, its place said in an inspector's words (case reference, question number and words). */
export function inWords(error: unknown, root: unknown): unknown {
  if (!(error instanceof InterchangeError) || error.path.length === 0) return error;
  return new InterchangeError(error.path, error.problem, describePath(root, error.path));
}

function validateContent(file: ExportFile, writtenVersion: unknown): ExportFile {
  checkSemantics(file);
  if (file.checksum !== undefined) {
    const actual = contentChecksum({
      ...file,
      formatVersion: writtenVersion as typeof FORMAT_VERSION,
    });
    if (actual !== file.checksum) {
      throw new InterchangeError(
        ['checksum'],
        'does not match the content: the file was changed or damaged after it was exported',
      );
    }
  }
  return dropUndeclaredCaseDetails(file);
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

/** A file read in full, with what its signature showed. */
export type SignedParseResult =
  | { readonly ok: true; readonly file: ExportFile; readonly signature: SignatureCheck }
  | { readonly ok: false; readonly error: InterchangeError };

/**
 * Reads an export's text and checks its signature on the file as written (before any upgrade), then validates
 * it in full. A signed file whose content changed after signing is refused; an unsigned one is read and says so.
 */
export async function parseSignedExport(
  text: string,
  options: ParseOptions = {},
  /** How the parsed value is validated (a reader holding loaded frameworks wraps `validateExport`). */
  validate: (value: unknown) => ExportFile = validateExport,
): Promise<SignedParseResult> {
  let raw: unknown;
  try {
    raw = parseJsonSafely(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (error) {
    if (error instanceof InterchangeError) return { ok: false, error };
    throw error;
  }
  const signature = await checkSignature(raw);
  if (signature.state === 'changed') {
    const by = signature.fingerprint ? ` by the key ${signature.fingerprint}` : '';
    return {
      ok: false,
      error: new InterchangeError(
        ['signature'],
        `${signature.problem} (it was signed${by}); it was not read`,
      ),
    };
  }
  try {
    return { ok: true, file: validate(raw), signature };
  } catch (error) {
    if (error instanceof InterchangeError) return { ok: false, error };
    throw error;
  }
}
