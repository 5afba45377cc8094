/**
 * Writing an export: the file is validated exactly as a reader would validate it (so Casescore never writes a
 * file it would refuse), then written with a stable key order, so two exports of the same data are identical.
 */
import { canonicalInspection, contentChecksum } from './checksum';
import { exportFileSchema, FORMAT, FORMAT_VERSION, type ExportedInspection, type ExportFile } from './schema';
import { inWords } from './parse';
import { checkSemantics } from './semantics';
import { signFile, type SigningKeys } from './signature';
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

/**
 * The file as JSON text: validated, keys in a stable order, with its content checksum, two-space indented,
 * ending in a newline.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export function serialiseExport(file: ExportFile): string {
  const result = exportFileSchema.safeParse(file);
  if (!result.success) throw inWords(firstIssueAsError(result.error, file), file);
  try {
    checkSemantics(result.data);
  } catch (error) {
    throw inWords(error, file);
  }
  const { format, formatVersion, exportedAt, notice, anonymised, signer, inspections } = result.data;
  const canonical: ExportFile = {
    format,
    formatVersion,
    exportedAt,
    ...(notice === undefined ? {} : { notice }),
    ...(anonymised === undefined ? {} : { anonymised }),
    ...(signer === undefined ? {} : { signer }),
    checksum: contentChecksum(result.data),
    inspections: inspections.map(canonicalInspection),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

/**
 * The file as signed JSON text: serialised as above, then signed with `keys` over everything but the signature
 * (see signature.ts), the signature written last.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export async function serialiseSignedExport(file: ExportFile, keys: SigningKeys): Promise<string> {
  const content = JSON.parse(serialiseExport(file)) as Record<string, unknown>;
  return `${JSON.stringify(await signFile(content, keys), null, 2)}\n`;
}
