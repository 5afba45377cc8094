/**
 * The export checksum: SHA-256 of the file's content in canonical form (format, version and inspections, keys in
 * a stable order), so a file edited or damaged after export is refused. exportedAt is left out: exporting the
 * same data twice gives the same checksum.
 */
import { sha256Hex, sha256HexNative, sha256HexOfBytes } from './sha256';
import { encodeUtf8 } from './utf8';
import { canonicalJson } from './signature';
import type { ExportedInspection, ExportFile } from './schema';

/** A key JavaScript keeps among an object's array indices: always first, in numeric order, whatever is done. */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/**
 * Whether a record's keys already come in the order a copy with sorted keys would give them: its array indices
 * come first in numeric order in any object, so only the other keys need be in sorted order.
 */
function isSorted(keys: readonly string[]): boolean {
  let previous: string | undefined;
  for (const key of keys) {
    if (isArrayIndex(key)) continue;
    if (previous !== undefined && previous > key) return false;
    previous = key;
  }
  return true;
}

/**
 * A record with its keys in sorted order: the record itself when they already are (as in every file Casescore
 * wrote), else a copy.
 */
function sortedRecord<T>(
  record: Readonly<Record<string, T>>,
  map: (value: T) => T = (v) => v,
): Record<string, T> {
  const keys = Object.keys(record);
  let changed = !isSorted(keys);
  const values = new Map<string, T>();
  for (const key of keys) {
    const value = record[key] as T;
    const mapped = map(value);
    if (mapped !== value) changed = true;
    values.set(key, mapped);
  }
  if (!changed) return record as Record<string, T>;
  const out: Record<string, T> = {};
  for (const key of [...keys].sort()) out[key] = values.get(key) as T;
  return out;
}

/**
 * An inspection with its records' keys sorted, as it is written and checksummed: the same objects wherever they
 * are sorted already.
 */
export function canonicalInspection(inspection: ExportedInspection): ExportedInspection {
  const options = sortedRecord(inspection.options);
  const judgements = sortedRecord(inspection.judgements, (j) => {
    if (!j.evidence) return j;
    const evidence = sortedRecord(j.evidence);
    return evidence === j.evidence ? j : { ...j, evidence };
  });
  let casesChanged = false;
  const cases = inspection.cases.map((c) => {
    if (c.deleted) return c;
    const answers = sortedRecord(c.answers);
    if (answers === c.answers) return c;
    casesChanged = true;
    return { ...c, answers };
  });
  const overrides = sortedRecord(inspection.overrides);
  if (
    options === inspection.options &&
    judgements === inspection.judgements &&
    !casesChanged &&
    overrides === inspection.overrides
  )
    return inspection;
  return { ...inspection, options, judgements, cases: casesChanged ? cases : inspection.cases, overrides };
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

/**
 * The same checksum by native WebCrypto, for a writer whose inspections are canonical already, with the compact
 * UTF-8 bytes and text of those inspections (`JSON.stringify(file.inspections)`), which the checksummed text holds last:
 * the writer indents them into the file's text rather than writing the inspections a second time. The text is
 * written in two parts, what comes before the inspections and the inspections, as JSON.stringify writes an
 * object's last member: `{…,"inspections":` then the array then `}`. Needs `canDigestNatively()`.
 */
export async function checksumWithInspectionBytes(file: ChecksummedContent): Promise<{
  readonly checksum: string;
  readonly inspections: Uint8Array;
  readonly inspectionsText: string;
}> {
  const before = checksummedText({ ...file, inspections: [] }, true);
  const head = encodeUtf8(before.slice(0, -'[]}'.length));
  const inspectionsText = JSON.stringify(file.inspections);
  const inspections = encodeUtf8(inspectionsText);
  const bytes = new Uint8Array(head.length + inspections.length + 1);
  bytes.set(head);
  bytes.set(inspections, head.length);
  bytes[bytes.length - 1] = 0x7d; // }
  return {
    checksum: `sha256:${await sha256HexOfBytes(bytes)}`,
    inspections: bytes.subarray(head.length, head.length + inspections.length),
    inspectionsText,
  };
}
