/**
 * Writing an export: the file is validated exactly as a reader would validate it (so Casescore never writes a
 * file it would refuse), then written with a stable key order, so two exports of the same data are identical.
 */
import { canonicalInspection, contentChecksum, contentChecksumNative } from './checksum';
import { exportFileSchema, FORMAT, FORMAT_VERSION, type ExportedInspection, type ExportFile } from './schema';
import { inWords } from './parse';
import { checkSemantics } from './semantics';
import { firstIssueAsError } from './zod-issues';

/** Builds an export file around inspections, stamped with the time of export. */
export function createExport(inspections: readonly ExportedInspection[], exportedAt: Date): ExportFile {
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    inspections: [...inspections],
  };
}

/** The file validated exactly as a reader would validate it. */
function validatedForWriting(file: ExportFile): ExportFile {
  const result = exportFileSchema.safeParse(file);
  if (!result.success) throw inWords(firstIssueAsError(result.error, file), file);
  try {
    checkSemantics(result.data);
  } catch (error) {
    throw inWords(error, file);
  }
  return result.data;
}

/** The file's text: keys in a stable order, the inspections already canonical, with its checksum. */
function fileText(file: ExportFile, inspections: ExportedInspection[], checksum: string): string {
  const { format, formatVersion, exportedAt, notice, anonymised } = file;
  const canonical: ExportFile = {
    format,
    formatVersion,
    exportedAt,
    ...(notice === undefined ? {} : { notice }),
    ...(anonymised === undefined ? {} : { anonymised }),
    checksum,
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

/**
 * The same text as `serialiseExport`, its checksum by native WebCrypto: the app's way of writing a file (in a
 * worker). The inspections are made canonical once, for both the checksum and the text.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export async function writeExportFile(file: ExportFile): Promise<string> {
  const data = validatedForWriting(file);
  const inspections = data.inspections.map(canonicalInspection);
  return fileText(data, inspections, await contentChecksumNative({ ...data, inspections }, true));
}
