/**
 * Writing an export: the file is validated exactly as a reader would validate it (so Casescore never writes a
 * file it would refuse), then written with a stable key order, so two exports of the same data are identical.
 * The app signs what it writes (`serialiseSignedExport`, `writeExportFile` with keys).
 */
import { canonicalInspection, contentChecksum, contentChecksumNative } from './checksum';
import {
  safeParseExportFile,
  FORMAT,
  FORMAT_VERSION,
  type ExportedInspection,
  type ExportFile,
} from './schema';
import { inWords } from './parse';
import { checkSemantics } from './semantics';
import { signFile, type SigningKeys } from './signature';
import { firstIssueAsError } from './zod-issues';
import { carriedFrameworks, frameworksFor } from './frameworks';
import { withFrameworks } from '../framework/registry';
import type { Framework } from '../framework/types';
import type { CarriedFramework } from './schema';

/** A carried framework with its keys in a stable order (the definition is written as a framework file is). */
function canonicalFramework(entry: CarriedFramework): CarriedFramework {
  const { id, version, hash, definition } = entry;
  return definition === undefined ? { id, version, hash } : { id, version, hash, definition };
}

/** Builds an export file around inspections, stamped with the time of export. */
export function createExport(inspections: readonly ExportedInspection[], exportedAt: Date): ExportFile {
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    frameworks: frameworksFor(inspections),
    inspections: [...inspections],
  };
}

/** The file validated exactly as a reader would validate it, with the frameworks it carries held meanwhile. */
function validatedForWriting(file: ExportFile): ExportFile {
  const result = safeParseExportFile(file);
  if (!result.success) throw inWords(firstIssueAsError(result.error, file), file);
  let carried: readonly Framework[] = [];
  try {
    carried = carriedFrameworks(result.data);
    withFrameworks(carried, () => checkSemantics(result.data));
  } catch (error) {
    throw withFrameworks(carried, () => inWords(error, file));
  }
  return result.data;
}

/** The file's text: keys in a stable order, the inspections already canonical, with its checksum. */
function fileText(file: ExportFile, inspections: ExportedInspection[], checksum: string): string {
  const { format, formatVersion, exportedAt, notice, anonymised, signer, frameworks } = file;
  const canonical: ExportFile = {
    format,
    formatVersion,
    exportedAt,
    ...(notice === undefined ? {} : { notice }),
    ...(anonymised === undefined ? {} : { anonymised }),
    ...(signer === undefined ? {} : { signer }),
    checksum,
    ...(frameworks === undefined ? {} : { frameworks: frameworks.map(canonicalFramework) }),
    inspections,
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

/**
 * The file as JSON text: validated, keys in a stable order, with its content checksum, two-space indented,
 * ending in a newline.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export function serialiseExport(file: ExportFile): string {
  const data = validatedForWriting(file);
  const inspections = data.inspections.map(canonicalInspection);
  return fileText(data, inspections, contentChecksum({ ...data, inspections }, true));
}

/** The text signed with `keys` over everything but the signature (see signature.ts), the signature last. */
async function signed(text: string, keys: SigningKeys): Promise<string> {
  const content = JSON.parse(text) as Record<string, unknown>;
  return `${JSON.stringify(await signFile(content, keys), null, 2)}\n`;
}

/**
 * The file as signed JSON text: serialised as above, then signed.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export async function serialiseSignedExport(file: ExportFile, keys: SigningKeys): Promise<string> {
  return signed(serialiseExport(file), keys);
}

/**
 * The same text as `serialiseExport`, its checksum by native WebCrypto, signed when given keys: the app's way of
 * writing a file (in a worker). The inspections are made canonical once, for both the checksum and the text.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export async function writeExportFile(file: ExportFile, keys?: SigningKeys): Promise<string> {
  const data = validatedForWriting(file);
  const inspections = data.inspections.map(canonicalInspection);
  const text = fileText(data, inspections, await contentChecksumNative({ ...data, inspections }, true));
  return keys ? signed(text, keys) : text;
}
