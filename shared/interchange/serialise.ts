/**
 * Writing an export: the file is validated exactly as a reader would validate it (so Casescore never writes a
 * file it would refuse), then written with a stable key order, so two exports of the same data are identical.
 * The app signs what it writes (`serialiseSignedExport`, `writeExportFile` with keys).
 */
import {
  canonicalInspection,
  checksumWithInspectionBytes,
  contentChecksum,
  contentChecksumNative,
} from './checksum';
import { indentJson } from './indent-json';
import { canDigestNatively } from './sha256';
import { decodeUtf8 } from './utf8';
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

/** A file's text: two-space indented, ending in a newline. */
function textOf(content: ExportFile): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

/**
 * The file as JSON text: validated, keys in a stable order, with its content checksum, two-space indented,
 * ending in a newline.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export function serialiseExport(file: ExportFile): string {
  return textOf(canonicalContent(file));
}

/** The file validated, canonical, with its checksum (plain TypeScript). */
function canonicalContent(file: ExportFile): ExportFile {
  const data = validatedForWriting(file);
  const inspections = data.inspections.map(canonicalInspection);
  return fileContent(data, inspections, contentChecksum({ ...data, inspections }, true));
}

/**
 * The file's text signed with `keys` over everything but the signature (see signature.ts), the signature last:
 * the text JSON.stringify gives for the signed file, made by adding the signature to the text already written
 * rather than reading and writing megabytes again. `text` is `textOf(content)`.
 */
async function signed(content: ExportFile, text: string, keys: SigningKeys): Promise<string> {
  const signature = await signBytes(signedBytes(content as unknown as Record<string, unknown>), keys);
  const end = '\n}\n';
  if (!text.endsWith(end)) throw new Error('An export text does not end as JSON.stringify writes an object');
  const written = JSON.stringify(signature, null, 2).replaceAll('\n', '\n  ');
  return `${text.slice(0, -end.length)},\n  "signature": ${written}${end}`;
}

/**
 * The file as signed JSON text: serialised as above, then signed.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export async function serialiseSignedExport(file: ExportFile, keys: SigningKeys): Promise<string> {
  const content = canonicalContent(file);
  return signed(content, textOf(content), keys);
}

/**
 * The same text as `serialiseExport`, its checksum by native WebCrypto, signed when given keys: the app's way of
 * writing a file (in a worker). The inspections are made canonical once, and written once, compact, for the
 * checksum; the file's text indents those bytes (`indentJson`) rather than writing the inspections again.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export async function writeExportFile(file: ExportFile, keys?: SigningKeys): Promise<string> {
  const data = validatedForWriting(file);
  const inspections = data.inspections.map(canonicalInspection);
  let content: ExportFile;
  let text: string;
  if (canDigestNatively()) {
    const written = await checksumWithInspectionBytes({ ...data, inspections });
    content = fileContent(data, inspections, written.checksum);
    const signature =
      keys && (await signBytes(signedBytes(content as unknown as Record<string, unknown>), keys));
    return textAround(content, written.inspections, signature);
  } else {
    content = fileContent(data, inspections, await contentChecksumNative({ ...data, inspections }, true));
    text = textOf(content);
  }
  return keys ? signed(content, text, keys) : text;
}

/**
 * `textOf(content)`, its inspections (the last member) indented from their compact bytes: the text of the rest
 * as JSON.stringify writes it, its closing brace opened again for the inspections, then the signature when
 * there is one (the last member of a signed file), so the text is put together once.
 */
function textAround(content: ExportFile, compactInspections: Uint8Array, signature?: FileSignature): string {
  const { inspections: _written, ...rest } = content;
  const head = JSON.stringify(rest, null, 2);
  const inspections = decodeUtf8(indentJson(compactInspections, 1));
  const signed = signature
    ? `,\n  "signature": ${JSON.stringify(signature, null, 2).replaceAll('\n', '\n  ')}`
    : '';
  return `${head.slice(0, -'\n}'.length)},\n  "inspections": ${inspections}${signed}\n}\n`;
}
