/**
 * Writing an export: the file is validated exactly as a reader would validate it (so Casescore never writes a
 * file it would refuse), then written with a stable key order, so two exports of the same data are identical.
 */
import { exportFileSchema, FORMAT, FORMAT_VERSION, type ExportedInspection, type ExportFile } from './schema';
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

/** A copy of a record with its keys in sorted order. */
function sortedRecord<T>(
  record: Readonly<Record<string, T>>,
  map: (value: T) => T = (v) => v,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = map(record[key] as T);
  return out;
}

function canonicalInspection(inspection: ExportedInspection): ExportedInspection {
  return {
    ...inspection,
    options: sortedRecord(inspection.options),
    judgements: sortedRecord(inspection.judgements, (j) =>
      j.evidence ? { ...j, evidence: sortedRecord(j.evidence) } : j,
    ),
    cases: inspection.cases.map((c) => (c.deleted ? c : { ...c, answers: sortedRecord(c.answers) })),
    overrides: sortedRecord(inspection.overrides),
  };
}

/**
 * The file as JSON text: validated, keys in a stable order, two-space indented, ending in a newline.
 * @throws InterchangeError when the file would not pass validation on reading.
 */
export function serialiseExport(file: ExportFile): string {
  const result = exportFileSchema.safeParse(file);
  if (!result.success) throw firstIssueAsError(result.error, file);
  checkSemantics(result.data);
  const canonical: ExportFile = {
    ...result.data,
    inspections: result.data.inspections.map(canonicalInspection),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}
