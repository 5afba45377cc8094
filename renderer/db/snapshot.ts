/**
 * Converting between stored rows and the export format's inspections. Scoring reads the same shape, so the
 * ratings on screen, in an export and from `npm run rate` come from identical data.
 */
import type {
  ExportedAuditRecord,
  ExportedCase,
  ExportedDeletedCase,
  ExportedInspection,
  ExportedModeration,
} from '#shared/interchange';
import { referenceKey } from '#shared/text';
import { declaredCaseDetails, findFramework, type Framework } from '#shared/framework';
import { inspectionAgreement } from '#shared/moderation';
import type { AuditAction, AuditEntry, StoredCase, StoredInspection } from './entities';

/** An inspection and its cases (removed ones as tombstones) in the export format's shape. */
export function toExportedInspection(
  inspection: StoredInspection,
  cases: readonly StoredCase[],
  audit?: readonly AuditEntry[],
): ExportedInspection {
  const exported: ExportedInspection = {
    ...detailsOf(inspection),
    options: { ...inspection.options },
    judgements: { ...inspection.judgements },
    cases: cases.map((c) => toExportedCase(c, findFramework(inspection.framework))),
    overrides: { ...inspection.overrides },
    ...(inspection.commentary && Object.keys(inspection.commentary).length
      ? { commentary: { ...inspection.commentary } }
      : {}),
    ...(audit ? { audit: audit.map(toExportedAudit) } : {}),
  };
  const moderation = toExportedModeration(inspection, cases);
  if (!moderation) return exported;
  const agreement = inspectionAgreement({ ...exported, moderation });
  return { ...exported, moderation: { ...moderation, ...(agreement ? { agreement } : {}) } };
}

/** Dip samples and second scorings, when there are any. */
function toExportedModeration(
  inspection: StoredInspection,
  cases: readonly StoredCase[],
): ExportedModeration | null {
  const secondScorings = cases.flatMap((c) =>
    !c.deleted && c.secondScoring
      ? [
          {
            caseId: c.id,
            by: c.secondScoring.by,
            startedAt: c.secondScoring.startedAt,
            first: { ...c.secondScoring.first },
            second: { ...c.secondScoring.second },
            reconciled: { ...c.secondScoring.reconciled },
          },
        ]
      : [],
  );
  const dipSamples = (inspection.dipSamples ?? []).map((s) => ({
    ...s,
    caseIds: [...s.caseIds],
    strata: s.strata.map((t) => ({ ...t })),
  }));
  if (dipSamples.length === 0 && secondScorings.length === 0) return null;
  return { dipSamples, secondScorings };
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
    ...(entry.claimedIn ? { claimedIn: entry.claimedIn } : {}),
  };
}

function toExportedCase(c: StoredCase, framework: Framework | undefined): ExportedCase | ExportedDeletedCase {
  if (c.deleted) {
    return {
      id: c.id,
      deleted: true,
      updatedAt: c.updatedAt,
      by: c.by,
      ...deviceOf(c),
      ...(c.replaces ? { replaces: { ...c.replaces } } : {}),
    };
  }
  return {
    id: c.id,
    reference: c.reference,
    caseType: c.caseType,
    ...(c.inspector ? { inspector: c.inspector } : {}),
    // Only the details the framework declares (a case stored before they were declared may carry others).
    attributes: framework ? { ...declaredCaseDetails(framework, c.attributes) } : { ...c.attributes },
    answers: { ...c.answers },
    ...(c.note ? { note: c.note } : {}),
    ...(c.status ? { status: { ...c.status } } : {}),
    ...(c.detailVersions ? { detailVersions: { ...c.detailVersions } } : {}),
    updatedAt: c.updatedAt,
    by: c.by,
    ...deviceOf(c),
  };
}

/** The device and counter of a change, where it has them. */
/** An inspection's details, the same stored and in a file (the optional ones only where they are set). */
function detailsOf(
  inspection: Pick<
    StoredInspection,
    'id' | 'name' | 'region' | 'round' | 'fieldworkStart' | 'leadInspector' | 'framework'
  >,
) {
  return {
    id: inspection.id,
    name: inspection.name,
    ...(inspection.region ? { region: inspection.region } : {}),
    ...(inspection.round ? { round: inspection.round } : {}),
    ...(inspection.fieldworkStart ? { fieldworkStart: inspection.fieldworkStart } : {}),
    ...(inspection.leadInspector ? { leadInspector: inspection.leadInspector } : {}),
    framework: inspection.framework,
  };
}

function deviceOf(s: { device?: string; counter?: number }): { device?: string; counter?: number } {
  return s.device !== undefined && s.counter !== undefined ? { device: s.device, counter: s.counter } : {};
}

/** Stored rows for an inspection read from an export, stamped as created now by `by` where the file is silent. */
export function fromExportedInspection(
  inspection: ExportedInspection,
  at: string,
  by: string,
): { inspection: StoredInspection; cases: StoredCase[] } {
  const stamp = (s: { updatedAt?: string; by?: string; device?: string; counter?: number }) => ({
    updatedAt: s.updatedAt ?? at,
    by: s.by ?? by,
    ...deviceOf(s),
  });
  const judgements = Object.fromEntries(
    Object.entries(inspection.judgements).map(([id, j]) => [id, { ...j, ...stamp(j) }]),
  );
  const overrides = Object.fromEntries(
    Object.entries(inspection.overrides).map(([id, o]) => [id, { ...o, ...stamp(o) }]),
  );
  const secondScorings = new Map((inspection.moderation?.secondScorings ?? []).map((s) => [s.caseId, s]));
  const cases: StoredCase[] = inspection.cases.map((c) =>
    c.deleted
      ? {
          id: c.id,
          inspectionId: inspection.id,
          reference: '',
          referenceKey: '',
          caseType: 'community',
          attributes: {},
          answers: {},
          createdAt: c.updatedAt,
          ...stamp(c),
          ...(c.replaces ? { replaces: c.replaces } : {}),
          deleted: true,
          purged: true,
        }
      : {
          id: c.id,
          inspectionId: inspection.id,
          reference: c.reference,
          referenceKey: referenceKey(c.reference),
          caseType: c.caseType,
          ...(c.inspector ? { inspector: c.inspector } : {}),
          attributes: c.attributes,
          answers: Object.fromEntries(Object.entries(c.answers).map(([q, a]) => [q, { ...a, ...stamp(a) }])),
          ...(c.note ? { note: c.note } : {}),
          ...(c.status ? { status: c.status } : {}),
          ...(c.detailVersions ? { detailVersions: c.detailVersions } : {}),
          ...secondScoringOf(secondScorings.get(c.id)),
          createdAt: c.updatedAt ?? at,
          ...stamp(c),
        },
  );
  return {
    inspection: {
      ...detailsOf(inspection),
      options: inspection.options,
      ...(inspection.moderation?.dipSamples.length ? { dipSamples: inspection.moderation.dipSamples } : {}),
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

function secondScoringOf(scoring: ExportedModeration['secondScorings'][number] | undefined) {
  if (!scoring) return {};
  const { caseId: _case, ...rest } = scoring;
  return { secondScoring: rest };
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
    ...(r.claimedIn ? { claimedIn: r.claimedIn } : {}),
  }));
}
