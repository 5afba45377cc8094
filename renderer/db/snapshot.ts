/**
 * Converting between stored rows and the export format's inspections. Scoring reads the same shape, so the
 * ratings on screen, in an export and from `npm run rate` come from identical data.
 */
import type {
  ExportedAuditRecord,
  ExportedCase,
  ExportedDeletedCase,
  ExportedInspection,
} from '../../shared/interchange';
import type { AuditAction, AuditEntry, StoredCase, StoredInspection } from './entities';

/** An inspection and its cases (removed ones as tombstones) in the export format's shape. */
export function toExportedInspection(
  inspection: StoredInspection,
  cases: readonly StoredCase[],
  audit?: readonly AuditEntry[],
): ExportedInspection {
  return {
    id: inspection.id,
    name: inspection.name,
    ...(inspection.region ? { region: inspection.region } : {}),
    ...(inspection.fieldworkStart ? { fieldworkStart: inspection.fieldworkStart } : {}),
    ...(inspection.leadInspector ? { leadInspector: inspection.leadInspector } : {}),
    framework: inspection.framework,
    options: { ...inspection.options },
    judgements: { ...inspection.judgements },
    cases: cases.map(toExportedCase),
    overrides: { ...inspection.overrides },
    ...(inspection.commentary && Object.keys(inspection.commentary).length
      ? { commentary: { ...inspection.commentary } }
      : {}),
    ...(audit ? { audit: audit.map(toExportedAudit) } : {}),
  };
}

function toExportedAudit(entry: AuditEntry): ExportedAuditRecord {
  return {
    at: entry.at,
    by: entry.by,
    action: entry.action,
    ...(entry.caseId ? { caseId: entry.caseId } : {}),
    ...(entry.key ? { key: entry.key } : {}),
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

function toExportedCase(c: StoredCase): ExportedCase | ExportedDeletedCase {
  if (c.deleted) return { id: c.id, deleted: true, updatedAt: c.updatedAt, by: c.by };
  return {
    id: c.id,
    reference: c.reference,
    caseType: c.caseType,
    ...(c.inspector ? { inspector: c.inspector } : {}),
    attributes: { ...c.attributes },
    answers: { ...c.answers },
    ...(c.note ? { note: c.note } : {}),
    updatedAt: c.updatedAt,
    by: c.by,
  };
}

/** Stored rows for an inspection read from an export, stamped as created now by `by` where the file is silent. */
export function fromExportedInspection(
  inspection: ExportedInspection,
  at: string,
  by: string,
): { inspection: StoredInspection; cases: StoredCase[] } {
  const stamp = (s: { updatedAt?: string; by?: string }) => ({
    updatedAt: s.updatedAt ?? at,
    by: s.by ?? by,
  });
  const judgements = Object.fromEntries(
    Object.entries(inspection.judgements).map(([id, j]) => [id, { ...j, ...stamp(j) }]),
  );
  const overrides = Object.fromEntries(
    Object.entries(inspection.overrides).map(([id, o]) => [id, { ...o, ...stamp(o) }]),
  );
  const cases: StoredCase[] = inspection.cases.map((c) =>
    c.deleted
      ? {
          id: c.id,
          inspectionId: inspection.id,
          reference: '',
          caseType: 'community',
          attributes: {},
          answers: {},
          createdAt: c.updatedAt,
          updatedAt: c.updatedAt,
          by: c.by,
          deleted: true,
        }
      : {
          id: c.id,
          inspectionId: inspection.id,
          reference: c.reference,
          caseType: c.caseType,
          ...(c.inspector ? { inspector: c.inspector } : {}),
          attributes: c.attributes,
          answers: Object.fromEntries(Object.entries(c.answers).map(([q, a]) => [q, { ...a, ...stamp(a) }])),
          ...(c.note ? { note: c.note } : {}),
          createdAt: c.updatedAt ?? at,
          ...stamp(c),
        },
  );
  return {
    inspection: {
      id: inspection.id,
      name: inspection.name,
      ...(inspection.region ? { region: inspection.region } : {}),
      ...(inspection.fieldworkStart ? { fieldworkStart: inspection.fieldworkStart } : {}),
      ...(inspection.leadInspector ? { leadInspector: inspection.leadInspector } : {}),
      framework: inspection.framework,
      options: inspection.options,
      judgements,
      overrides,
      ...(inspection.commentary
        ? {
            commentary: Object.fromEntries(
              Object.entries(inspection.commentary).map(([id, c]) => [id, { ...c, ...stamp(c) }]),
            ),
          }
        : {}),
      createdAt: at,
      updatedAt: at,
      by,
    },
    cases,
  };
}

/** Audit rows for an inspection's exported trail (as another copy recorded it). */
export function auditFromExported(
  inspectionId: string,
  records: readonly ExportedAuditRecord[],
): AuditEntry[] {
  return records.map((r) => ({
    at: r.at,
    by: r.by,
    inspectionId,
    ...(r.caseId ? { caseId: r.caseId } : {}),
    action: r.action as AuditAction,
    ...(r.key ? { key: r.key } : {}),
    before: r.before,
    after: r.after,
  }));
}
