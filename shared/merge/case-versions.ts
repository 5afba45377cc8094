/**
 * A case's versioned parts, read the same way wherever a merge needs them: each answer, each detail (reference,
 * type, inspector, risk, court report, release, safety and wellbeing, the case note, and whether it is in the
 * sample at all), and its quality-assurance status.
 */
import type {
  ExportedCase,
  ExportedDeletedCase,
  ExportedDetailVersion,
  VersionedCaseDetail,
} from '../interchange/schema';
import { VERSIONED_CASE_DETAILS } from '../interchange/schema';
import type { Versioned } from './versions';

/** A detail with no recorded version has the one it was created with: named "created", replaced by any edit. */
export const CREATED: Versioned = { by: 'created' };

/** A detail's value on a live case. */
export function detailValue(c: ExportedCase, detail: VersionedCaseDetail): unknown {
  switch (detail) {
    case 'reference':
      return c.reference;
    case 'caseType':
      return c.caseType;
    case 'inspector':
      return c.inspector;
    case 'note':
      return c.note;
    case 'removed':
      return false;
    default:
      return c.attributes[detail];
  }
}

/** The case with one detail set (removing it where the value is undefined). */
export function withDetail(c: ExportedCase, detail: VersionedCaseDetail, value: unknown): ExportedCase {
  const set = <K extends string>(record: Record<K, unknown>, key: K) => {
    const out = { ...record };
    if (value === undefined) delete out[key];
    else out[key] = value;
    return out;
  };
  switch (detail) {
    case 'reference':
      return { ...c, reference: value as string };
    case 'caseType':
      return { ...c, caseType: value as ExportedCase['caseType'] };
    case 'inspector':
    case 'note':
      return set(c as Record<string, unknown>, detail) as ExportedCase;
    case 'removed':
      return c;
    default:
      return {
        ...c,
        attributes: set(c.attributes as Record<string, unknown>, detail) as ExportedCase['attributes'],
      };
  }
}

/** A detail's version on a live case. */
export function detailVersion(c: ExportedCase, detail: VersionedCaseDetail): Versioned {
  return c.detailVersions?.[detail] ?? CREATED;
}

/** The case with one detail's version set. */
export function withDetailVersion(
  c: ExportedCase,
  detail: VersionedCaseDetail,
  version: ExportedDetailVersion,
): ExportedCase {
  return { ...c, detailVersions: { ...c.detailVersions, [detail]: version } };
}

/** Every versioned part of a live case, named in words for a person ("answer 2.3", "risk of serious harm"). */
export function caseParts(c: ExportedCase): { name: string; version: Versioned }[] {
  return [
    ...VERSIONED_CASE_DETAILS.map((d) => ({ name: DETAIL_WORDS[d], version: detailVersion(c, d) })),
    ...Object.entries(c.answers).map(([q, a]) => ({ name: `the answer to ${q}`, version: a })),
    ...(c.status ? [{ name: 'its status', version: c.status }] : []),
  ];
}

/** Every version a case holds, the case's own stamp included (a tombstone's is itself). */
export function caseVersions(c: ExportedCase | ExportedDeletedCase): Versioned[] {
  return c.deleted ? [c] : [c, ...caseParts(c).map((p) => p.version)];
}

/** Each case detail in an inspector's words. */
export const DETAIL_WORDS: Readonly<Record<VersionedCaseDetail, string>> = {
  reference: 'reference',
  caseType: 'case type',
  inspector: 'inspector',
  rosh: 'risk of serious harm',
  courtReport: 'court report',
  releasedOnLicence: 'released on licence',
  safetyWellbeing: 'safety and wellbeing',
  note: 'case note',
  removed: 'in the sample',
};
