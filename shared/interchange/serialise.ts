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

/**
 * The file as JSON text: validated, keys in a stable order, with its content checksum, two-space indented,
 * ending in a newline.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export function serialiseExport(file: ExportFile): string {
  const result = exportFileSchema.safeParse(file);
  if (!result.success) throw inWords(firstIssueAsError(result.error, file), file);
  let carried: readonly Framework[] = [];
  try {
    carried = carriedFrameworks(result.data);
    withFrameworks(carried, () => checkSemantics(result.data));
  } catch (error) {
    throw withFrameworks(carried, () => inWords(error, file));
  }
  const { format, formatVersion, exportedAt, notice, anonymised, signer, frameworks, inspections } =
    result.data;
  const canonical: ExportFile = {
    format,
    formatVersion,
    exportedAt,
    ...(notice === undefined ? {} : { notice }),
    ...(anonymised === undefined ? {} : { anonymised }),
    ...(signer === undefined ? {} : { signer }),
    checksum: contentChecksum(result.data),
    ...(frameworks === undefined ? {} : { frameworks: frameworks.map(canonicalFramework) }),
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
