/**
 * Inspections: create, edit, delete (with an undo window) and restore. Every write commits with its audit entry
 * in one transaction.
 */
import { getFramework, type FrameworkRef, type Rating } from '../../shared/framework';
import { overrideProblem } from '../../shared/scoring';
import { record } from './audit';
import { newId, now } from './clock';
import { database } from './database';
import type { StoredInspection, StoredJudgement, StoredOverride } from './entities';
import { SaveError } from './errors';

/** What a person enters to create or edit an inspection. */
export interface InspectionDetails {
  readonly name: string;
  readonly region?: string;
  readonly round?: string;
  readonly fieldworkStart?: string;
  readonly leadInspector?: string;
  readonly framework: FrameworkRef;
  readonly options: Readonly<Record<string, boolean>>;
}

function tidy(details: InspectionDetails): InspectionDetails {
  const framework = getFramework(details.framework);
  const options = Object.fromEntries(
    framework.options.map((o) => [o.id, details.options[o.id] ?? o.defaultValue] as const),
  );
  const optional = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);
  return {
    name: details.name.trim(),
    region: optional(details.region),
    round: optional(details.round),
    fieldworkStart: optional(details.fieldworkStart),
    leadInspector: optional(details.leadInspector),
    framework: { id: framework.id, version: framework.version },
    options,
  };
}

function withoutUndefined<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

/** Creates an inspection and returns its id. */
export async function createInspection(details: InspectionDetails, by: string): Promise<string> {
  const at = now();
  const row: StoredInspection = withoutUndefined({
    ...tidy(details),
    id: newId(),
    judgements: {},
    overrides: {},
    createdAt: at,
    updatedAt: at,
    by,
  });
  const db = database();
  await db.transaction('rw', db.inspections, db.audit, async () => {
    await db.inspections.add(row);
    await record({
      at,
      by,
      inspectionId: row.id,
      action: 'inspection-created',
      before: null,
      after: details,
    });
  });
  return row.id;
}

async function mustGet(id: string): Promise<StoredInspection> {
  const row = await database().inspections.get(id);
  if (!row) throw new SaveError('That inspection no longer exists.');
  return row;
}

/** Changes an inspection's details. The framework of an inspection with cases cannot change. */
export async function editInspection(id: string, details: InspectionDetails, by: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.inspections, db.cases, db.audit, async () => {
    const before = await mustGet(id);
    const next = tidy(details);
    const frameworkChanged =
      before.framework.id !== next.framework.id || before.framework.version !== next.framework.version;
    if (frameworkChanged && (await db.cases.where('inspectionId').equals(id).count()) > 0) {
      throw new SaveError('The framework cannot change once cases have been added.');
    }
    const at = now();
    const after: StoredInspection = withoutUndefined({
      ...before,
      region: undefined,
      round: undefined,
      fieldworkStart: undefined,
      leadInspector: undefined,
      ...next,
      updatedAt: at,
      by,
    });
    await db.inspections.put(after);
    const { name, region, round, fieldworkStart, leadInspector, framework, options } = before;
    await record({
      at,
      by,
      inspectionId: id,
      action: 'inspection-edited',
      before: { name, region, round, fieldworkStart, leadInspector, framework, options },
      after: next,
    });
  });
}

/** Marks an inspection deleted; it disappears from lists but can be restored until purged. */
export async function deleteInspection(id: string, by: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.inspections, db.audit, async () => {
    const before = await mustGet(id);
    const at = now();
    await db.inspections.put({ ...before, deletedAt: at, updatedAt: at, by });
    await record({ at, by, inspectionId: id, action: 'inspection-deleted', before: null, after: at });
  });
}

/** Brings back a deleted inspection, with all its cases and answers. */
export async function restoreInspection(id: string, by: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.inspections, db.audit, async () => {
    const before = await mustGet(id);
    const { deletedAt, ...rest } = before;
    const at = now();
    await db.inspections.put({ ...rest, updatedAt: at, by });
    await record({ at, by, inspectionId: id, action: 'inspection-restored', before: deletedAt, after: null });
  });
}

/** Removes for good the inspections deleted before `before` (an ISO time), with their cases. */
export async function purgeDeletedInspections(before: string): Promise<number> {
  const db = database();
  return db.transaction('rw', db.inspections, db.cases, async () => {
    const expired = (await db.inspections.toArray()).filter((i) => i.deletedAt && i.deletedAt < before);
    for (const inspection of expired) {
      await db.cases.where('inspectionId').equals(inspection.id).delete();
      await db.inspections.delete(inspection.id);
    }
    return expired.length;
  });
}

/** What a person enters for a judged standard. */
export interface JudgementEntry {
  readonly rating: Rating | null;
  readonly note?: string;
  readonly evidence?: Readonly<Record<string, string>>;
}

/** Sets the inspector's judgement of a judged standard. */
export async function setJudgement(
  inspectionId: string,
  standardId: string,
  entry: JudgementEntry,
  by: string,
): Promise<void> {
  const db = database();
  await db.transaction('rw', db.inspections, db.audit, async () => {
    const inspection = await mustGet(inspectionId);
    const standard = getFramework(inspection.framework)
      .domains.flatMap((d) => d.standards)
      .find((s) => s.id === standardId);
    if (!standard || standard.method !== 'judgement') {
      throw new SaveError(`${standardId} is not a judged standard of this inspection's framework.`);
    }
    const at = now();
    const judgement: StoredJudgement = withoutUndefined({ ...entry, updatedAt: at, by });
    await db.inspections.put({
      ...inspection,
      judgements: { ...inspection.judgements, [standardId]: judgement },
      updatedAt: at,
      by,
    });
    await record({
      at,
      by,
      inspectionId,
      action: 'judgement',
      key: standardId,
      before: inspection.judgements[standardId] ?? null,
      after: entry,
    });
  });
}

/** Sets (or, with `null`, removes) a professional-discretion override; a reason is required. */
export async function setOverride(
  inspectionId: string,
  standardId: string,
  entry: { rating: Rating; reason: string } | null,
  by: string,
): Promise<void> {
  if (entry) {
    const problem = overrideProblem(entry);
    if (problem) throw new SaveError(`${problem}.`);
  }
  const db = database();
  await db.transaction('rw', db.inspections, db.audit, async () => {
    const inspection = await mustGet(inspectionId);
    const at = now();
    const overrides: Record<string, StoredOverride> = { ...inspection.overrides };
    if (entry)
      overrides[standardId] = { rating: entry.rating, reason: entry.reason.trim(), updatedAt: at, by };
    else delete overrides[standardId];
    await db.inspections.put({ ...inspection, overrides, updatedAt: at, by });
    await record({
      at,
      by,
      inspectionId,
      action: 'override',
      key: standardId,
      before: inspection.overrides[standardId] ?? null,
      after: entry,
    });
  });
}
