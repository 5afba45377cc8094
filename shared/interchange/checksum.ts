/**
 * The export checksum: SHA-256 of the file's content in canonical form (format, version and inspections, keys in
 * a stable order), so a file edited or damaged after export is refused. exportedAt is left out: exporting the
 * same data twice gives the same checksum.
 */
import { sha256Hex } from './sha256';
import { canonicalJson } from './signature';
import type { ExportedInspection, ExportFile } from './schema';

/** A copy of a record with its keys in sorted order. */
function sortedRecord<T>(
  record: Readonly<Record<string, T>>,
  map: (value: T) => T = (v) => v,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = map(record[key] as T);
  return out;
}

/** An inspection with its records' keys sorted, as it is written and checksummed. */
export function canonicalInspection(inspection: ExportedInspection): ExportedInspection {
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

/** The checksum of a file's content, as "sha256:<hex>". */
export function contentChecksum(
  file: Pick<ExportFile, 'format' | 'formatVersion' | 'inspections'> &
    Pick<Partial<ExportFile>, 'frameworks'>,
): string {
  const content = {
    format: file.format,
    formatVersion: file.formatVersion,
    // The frameworks a file carries are covered too, keys sorted at every level; a file without them (every
    // file before framework files) has the checksum it always had.
    ...(file.frameworks === undefined
      ? {}
      : { frameworks: JSON.parse(canonicalJson(file.frameworks)) as unknown }),
    inspections: file.inspections.map(canonicalInspection),
  };
  return `sha256:${sha256Hex(JSON.stringify(content))}`;
}
