/**
 * The export checksum: SHA-256 of the file's content in canonical form (format, version and inspections, keys in
 * a stable order), so a file edited or damaged after export is refused. exportedAt is left out: exporting the
 * same data twice gives the same checksum.
 */
import { sha256Hex, sha256HexNative, sha256HexOfBytes } from './sha256';
import { compactMemberBytes } from './compact-member';
import { encodeUtf8, writeUtf8 } from './utf8';
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
function sortedRecord<T>(record: Readonly<Record<string, T>>, map?: (value: T) => T): Record<string, T> {
  const keys = Object.keys(record);
  let changed = !isSorted(keys);
  let values: Map<string, T> | undefined;
  if (map) {
    values = new Map<string, T>();
    for (const key of keys) {
      const value = record[key] as T;
      const mapped = map(value);
      if (mapped !== value) changed = true;
      values.set(key, mapped);
    }
  }
  if (!changed) return record as Record<string, T>;
  // The keys are the record's own, so sorting them in place changes nothing else (a case's answers, sorted on
  // every export of data whose answers are kept in the framework's order, are the most common).
  keys.sort();
  const out: Record<string, T> = {};
  for (const key of keys) out[key] = values ? (values.get(key) as T) : (record[key] as T);
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
 * The same checksum, for a writer whose inspections are canonical already and written compact, each on its own
 * (`compact[i]` is `JSON.stringify(file.inspections[i])`): the checksummed text is put together from them, not
 * written again (plain TypeScript, synchronous).
 */
export function checksumOfCompact(file: ChecksummedContent, compact: readonly string[]): string {
  return `sha256:${sha256Hex(`${checksummedHead(file)}[${compact.join(',')}]}`)}`;
}

/**
 * The same as `checksumOfCompact` by native WebCrypto: the UTF-8 bytes written straight into one buffer, piece by
 * piece. Needs `canDigestNatively()`.
 */
export async function checksumOfCompactNative(
  file: ChecksummedContent,
  compact: readonly string[],
): Promise<string> {
  const head = checksummedHead(file);
  let length = head.length + compact.length + 2;
  for (const text of compact) length += text.length;
  const bytes = new Uint8Array(length * 3);
  let end = writeUtf8(head, bytes, 0);
  bytes[end++] = 0x5b; // [
  compact.forEach((text, i) => {
    if (i > 0) bytes[end++] = 0x2c; // ,
    end = writeUtf8(text, bytes, end);
  });
  bytes[end++] = 0x5d; // ]
  bytes[end++] = 0x7d; // }
  return `sha256:${await sha256HexOfBytes(bytes.subarray(0, end))}`;
}

/**
 * What the checksummed text holds before the inspections, as JSON.stringify writes an object whose last member
 * they are: `{…,"inspections":`, made from `file`. The inspections' array follows, then `}`.
 */
function checksummedHead(file: ChecksummedContent): string {
  return checksummedText({ ...file, inspections: [] }, true).slice(0, -'[]}'.length);
}

/**
 * The checksum of a file's content taken from the file's own text: the checksummed text's head made from `file`
 * (format, version and frameworks, as read), then the inspections as the text holds them with the white space
 * between tokens left out (compact-member.ts). For a file as Casescore writes it (or any file whose inspections
 * were written by JSON.stringify, spaced any way), these are the very bytes the writer hashed, so the
 * inspections need not be written out again to be checked. `null` when the inspections cannot be taken from the
 * text so. A result that differs from the file's checksum only says the text is not in that form: the caller
 * then works the checksum out from the parsed content (`contentChecksumNative`). A match is final: the bytes
 * hashed are the writer's canonical text, and they mean what the text means. Needs `canDigestNatively()`.
 */
export async function checksumOfText(text: string, file: ChecksummedContent): Promise<string | null> {
  const bytes = compactMemberBytes(text, 'inspections', encodeUtf8(checksummedHead(file)), '}');
  return bytes && `sha256:${await sha256HexOfBytes(bytes)}`;
}
