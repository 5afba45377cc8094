/**
 * The export checksum: SHA-256 of the file's content in canonical form (format, version and inspections, keys in
 * a stable order), so a file edited or damaged after export is refused. exportedAt is left out: exporting the
 * same data twice gives the same checksum.
 */
import { sha256Hex, sha256HexNative } from './sha256';
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

/** What the checksum covers: format, version, any frameworks carried, and the inspections, canonical. */
type ChecksummedContent = Pick<ExportFile, 'format' | 'formatVersion' | 'inspections'> &
  Pick<Partial<ExportFile>, 'frameworks'>;

/**
 * The text the checksum is taken over. `canonical` says the inspections are already canonical (a writer that has
 * just made them so), so they are not sorted a second time.
 */
function checksummedText(file: ChecksummedContent, canonical = false): string {
  return JSON.stringify({
    format: file.format,
    formatVersion: file.formatVersion,
    // The frameworks a file carries are covered too, keys sorted at every level; a file without them (every
    // file before framework files) has the checksum it always had.
    ...(file.frameworks === undefined
      ? {}
      : { frameworks: JSON.parse(canonicalJson(file.frameworks)) as unknown }),
    inspections: canonical ? file.inspections : file.inspections.map(canonicalInspection),
  });
}

/** The checksum of a file's content, as "sha256:<hex>" (plain TypeScript, synchronous: the `rate` command). */
export function contentChecksum(file: ChecksummedContent, canonical = false): string {
  return `sha256:${sha256Hex(checksummedText(file, canonical))}`;
}

/**
 * The same checksum by native WebCrypto (the app and its workers). Give `canonical` only when the inspections
 * are the output of `canonicalInspection`.
 */
export async function contentChecksumNative(file: ChecksummedContent, canonical = false): Promise<string> {
  return `sha256:${await sha256HexNative(checksummedText(file, canonical))}`;
}
