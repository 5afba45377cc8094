/**
 * Writing an export: the file is validated exactly as a reader would validate it (so Casescore never writes a
 * file it would refuse), then written with a stable key order, so two exports of the same data are identical.
 * The app signs what it writes (`serialiseSignedExport`, `writeExportFile` with keys).
 */
import { canonicalInspection, checksumOfCompact, checksumOfCompactNative } from './checksum';
import { canDigestNatively } from './sha256';
import {
  safeParseExportFile,
  FORMAT,
  FORMAT_VERSION,
  type ExportedInspection,
  type ExportFile,
} from './schema';
import { inWords } from './parse';
import { checkSemantics } from './semantics';
import { signBytes, signedBytes, type FileSignature, type SigningKeys } from './signature';
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

/** The file in the order it is written: keys in a stable order, the inspections already canonical, its checksum. */
function fileContent(file: ExportFile, inspections: ExportedInspection[], checksum: string): ExportFile {
  const { format, formatVersion, exportedAt, notice, anonymised, signer, frameworks } = file;
  return {
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
}

/**
 * A file's text: the members around the inspections two-space indented, one a line (a person opening the file
 * sees what it is, when and by whom it was written, its checksum and signature), and each inspection as compact
 * JSON on a line of its own (`inspections`, each `JSON.stringify` of the canonical inspection), as the checksum
 * took it; the signature last when there is one; ending in a newline. Indenting every answer too made a region's
 * file 9 MB rather than 5, and writing and reading the spaces took a third of the time an export and import
 * took; a reader accepts any white space.
 */
function fileText(content: ExportFile, inspections: readonly string[], signature?: FileSignature): string {
  const { inspections: _written, ...rest } = content;
  const head = JSON.stringify(rest, null, 2);
  // Joined piece by piece rather than by join(), which would copy megabytes into a new string only for the text
  // to be copied again wherever it goes (a worker's message, a file).
  let list = inspections.length === 0 ? '[]' : '[';
  inspections.forEach((inspection, i) => {
    list += `${i === 0 ? '' : ','}\n    ${inspection}`;
  });
  if (inspections.length > 0) list += '\n  ]';
  const signed = signature
    ? `,\n  "signature": ${JSON.stringify(signature, null, 2).replaceAll('\n', '\n  ')}`
    : '';
  return `${head.slice(0, -'\n}'.length)},\n  "inspections": ${list}${signed}\n}\n`;
}

/** A file made ready to write: validated, its inspections canonical, and each one's compact text. */
interface Prepared {
  readonly data: ExportFile;
  readonly inspections: ExportedInspection[];
  readonly compact: string[];
}

function prepared(file: ExportFile): Prepared {
  const data = validatedForWriting(file);
  const inspections = data.inspections.map(canonicalInspection);
  return { data, inspections, compact: inspections.map((inspection) => JSON.stringify(inspection)) };
}

/** The content as written, around the checksum given. */
function withChecksum({ data, inspections }: Prepared, checksum: string): ExportFile {
  return fileContent(data, inspections, checksum);
}

/** The signature over what a file's signature covers (from version 4, the header and its checksum). */
function signatureOf(content: ExportFile, keys: SigningKeys): Promise<FileSignature> {
  return signBytes(signedBytes(content as unknown as Record<string, unknown>), keys);
}

/**
 * The file as JSON text (`fileText`): validated, keys in a stable order, with its content checksum (plain
 * TypeScript, synchronous).
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export function serialiseExport(file: ExportFile): string {
  const ready = prepared(file);
  const { data, inspections, compact } = ready;
  return fileText(withChecksum(ready, checksumOfCompact({ ...data, inspections }, compact)), compact);
}

/**
 * The file as signed JSON text: serialised as above, then signed.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export async function serialiseSignedExport(file: ExportFile, keys: SigningKeys): Promise<string> {
  const ready = prepared(file);
  const { data, inspections, compact } = ready;
  const content = withChecksum(ready, checksumOfCompact({ ...data, inspections }, compact));
  return fileText(content, compact, await signatureOf(content, keys));
}

/**
 * The same text as `serialiseExport`, its checksum by native WebCrypto where there is one, signed when given
 * keys: the app's way of writing a file (in a worker). Each inspection is written once, compact: the checksum is
 * taken over those texts and the file holds them.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export async function writeExportFile(file: ExportFile, keys?: SigningKeys): Promise<string> {
  const ready = prepared(file);
  const { data, inspections, compact } = ready;
  const checksummed = { ...data, inspections };
  const checksum = canDigestNatively()
    ? await checksumOfCompactNative(checksummed, compact)
    : checksumOfCompact(checksummed, compact);
  const content = withChecksum(ready, checksum);
  return fileText(content, compact, keys && (await signatureOf(content, keys)));
}
