/**
 * Inspections: create, edit, delete (with an undo window) and restore. Every write commits with its audit entry
 * in one transaction.
 */
import { frameworkHash, getFramework, type Rating } from '#shared/framework';
import { overrideProblem } from '#shared/scoring';
import { hiddenCharacterProblem } from '#shared/text';
import { newId } from './clock';
import { database } from './database';
import type { StoredInspection, StoredJudgement, StoredOverride } from './entities';
import { SaveError } from './errors';
import { audited } from './write';

/** What a person enters to create or edit an inspection. */
export type InspectionDetails = Pick<
  StoredInspection,
  'name' | 'region' | 'round' | 'fieldworkStart' | 'leadInspector' | 'framework' | 'options'
>;

function tidy(details: InspectionDetails): InspectionDetails {
  const framework = getFramework(details.framework);
  const options = Object.fromEntries(
    framework.options.map((o) => [o.id, details.options[o.id] ?? o.defaultValue] as const),
  );
  const optional = (text: string | undefined, what: string) => {
    const tidied = text?.normalize('NFC').trim();
    if (!tidied) return undefined;
    const problem = hiddenCharacterProblem(tidied, what);
    if (problem) throw new SaveError(problem);
    return tidied;
  };
  const name = optional(details.name, 'The name');
  if (!name) throw new SaveError('Enter a name for the inspection.');
  return {
    name,
    region: optional(details.region, 'The region'),
    round: optional(details.round, 'The round'),
    fieldworkStart: optional(details.fieldworkStart, 'The fieldwork start'),
    leadInspector: optional(details.leadInspector, 'The lead inspector'),
    // Pinned to the exact definition it is made on, so a framework is never changed underneath it.
    framework: { id: framework.id, version: framework.version, hash: frameworkHash(framework) },
    options,
  };
}

function withoutUndefined<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Creates an inspection and returns its id. With `id` (made once by the form), a second call — a double click
 * or a double Enter — finds the inspection already made and creates nothing more.
 */
export async function createInspection(
  details: InspectionDetails,
  by: string,
  id: string = newId(),
): Promise<string> {
  const db = database();
  const tidied = tidy(details);
  return audited(by, [db.inspections], async (write) => {
    if (await db.inspections.get(id)) return id;
    const row: StoredInspection = withoutUndefined({
      ...tidied,
      id,
      judgements: {},
      overrides: {},
      createdAt: write.at,
      ...write.stamp,
    });
    await db.inspections.add(row);
    await write.record({ inspectionId: id, action: 'inspection-created', before: null, after: tidied });
    return id;
  });
}

/**
 * Sets one of an inspection's own settings (prompts optional, its keep-until date), audited as an edit of that
 * field from what it was (`unset` where it was never set). An inspection in the bin is not changed.
 */
export async function setInspectionSetting<K extends 'promptsOptional' | 'keepUntil'>(
  inspectionId: string,
  key: K,
  value: NonNullable<StoredInspection[K]>,
  unset: boolean | null,
  by: string,
): Promise<void> {
  const db = database();
  await audited(by, [db.inspections], async (write) => {
    const inspection = await mustGet(inspectionId);
    await db.inspections.put({ ...inspection, [key]: value, ...write.stamp });
    await write.record({
      inspectionId,
      action: 'inspection-edited',
      key,
      before: inspection[key] ?? unset,
      after: value,
    });
  });
}

async function mustGet(id: string): Promise<StoredInspection> {
  const row = await database().inspections.get(id);
  if (!row || row.deletedAt) throw new SaveError('That inspection no longer exists (it may be in the bin).');
  return row;
}

/** The details of an inspection as a person edits them. */
function detailsOf(row: InspectionDetails): InspectionDetails {
  const { name, region, round, fieldworkStart, leadInspector, framework, options } = row;
  return withoutUndefined({ name, region, round, fieldworkStart, leadInspector, framework, options });
}

/**
 * Changes an inspection's details. The framework of an inspection with cases cannot change. Answers to
 * questions an option change stops applying are kept, set aside, and count again if the option comes back.
 */
export async function editInspection(id: string, details: InspectionDetails, by: string): Promise<void> {
  const db = database();
  const tidied = tidy(details);
  await audited(by, [db.inspections, db.cases], async (write) => {
    const before = await mustGet(id);
    const frameworkChanged =
      before.framework.id !== tidied.framework.id || before.framework.version !== tidied.framework.version;
    // The same framework keeps the pin it was made with (an inspection made before pins stays unpinned).
    const next = frameworkChanged ? tidied : { ...tidied, framework: before.framework };
    if (frameworkChanged && (await db.cases.where('inspectionId').equals(id).count()) > 0) {
      throw new SaveError('The framework cannot change once cases have been added.');
    }
    if (JSON.stringify(detailsOf(before)) === JSON.stringify(detailsOf(next))) return;
    const after: StoredInspection = withoutUndefined({
      ...before,
      region: undefined,
      round: undefined,
      fieldworkStart: undefined,
      leadInspector: undefined,
      ...next,
      ...write.stamp,
    });
    await db.inspections.put(after);
    await write.record({
      inspectionId: id,
      action: 'inspection-edited',
      before: detailsOf(before),
      after: detailsOf(next),
    });
  });
}

/** Moves an inspection to the bin; it disappears from lists but can be restored for 30 days. */
export async function deleteInspection(id: string, by: string): Promise<void> {
  const db = database();
  await audited(by, [db.inspections], async (write) => {
    const before = await db.inspections.get(id);
    if (!before || before.deletedAt) return;
    await db.inspections.put({ ...before, deletedAt: write.at, ...write.stamp });
    await write.record({ inspectionId: id, action: 'inspection-deleted', before: null, after: write.at });
  });
}

/** Brings back an inspection from the bin, with all its cases and answers. */
export async function restoreInspection(id: string, by: string): Promise<void> {
  const db = database();
  await audited(by, [db.inspections], async (write) => {
    const before = await db.inspections.get(id);
    if (!before) throw new SaveError('That inspection was emptied from the bin and cannot be restored.');
    if (!before.deletedAt) return;
    const { deletedAt, ...rest } = before;
    await db.inspections.put({ ...rest, ...write.stamp });
    await write.record({ inspectionId: id, action: 'inspection-restored', before: deletedAt, after: null });
  });
}

/** What a person enters for a judged standard. */
export interface JudgementEntry {
  readonly rating: Rating | null;
  readonly note?: string;
  readonly evidence?: Readonly<Record<string, string>>;
}

function sameJudgement(stored: StoredJudgement, entry: JudgementEntry): boolean {
  const text = (j: JudgementEntry) =>
    JSON.stringify([
      j.rating,
      j.note ?? '',
      Object.entries(j.evidence ?? {})
        .filter(([, v]) => v !== '')
        .sort(),
    ]);
  return text(stored) === text(entry);
}

/** A change to part of a judgement: its rating, its summary note, or the evidence on some key questions. */
export interface JudgementChange {
  readonly rating?: Rating | null;
  readonly note?: string;
  readonly evidence?: Readonly<Record<string, string>>;
}

/**
 * Changes the inspector's judgement of a judged standard: only the parts given change (each evidence box saves
 * on its own as it is typed, so one box's save never overwrites another's).
 */
export async function setJudgement(
  inspectionId: string,
  standardId: string,
  change: JudgementChange,
  by: string,
): Promise<void> {
  const db = database();
  await audited(by, [db.inspections], async (write) => {
    const inspection = await mustGet(inspectionId);
    const standard = getFramework(inspection.framework)
      .domains.flatMap((d) => d.standards)
      .find((s) => s.id === standardId);
    if (!standard || standard.method !== 'judgement') {
      throw new SaveError(`${standardId} is not a judged standard of this inspection's framework.`);
    }
    const previous = inspection.judgements[standardId];
    const evidence = Object.fromEntries(
      Object.entries({ ...previous?.evidence, ...change.evidence }).filter(([, text]) => text.trim() !== ''),
    );
    const note = change.note !== undefined ? change.note : previous?.note;
    const entry: JudgementEntry = {
      rating: change.rating !== undefined ? change.rating : (previous?.rating ?? null),
      ...(note?.trim() ? { note } : {}),
      ...(Object.keys(evidence).length ? { evidence } : {}),
    };
    if (previous && sameJudgement(previous, entry)) return; // Saving what is there already changes nothing.
    const judgement: StoredJudgement = withoutUndefined({ ...entry, ...write.after(previous) });
    await db.inspections.put({
      ...inspection,
      judgements: { ...inspection.judgements, [standardId]: judgement },
      ...write.stamp,
    });
    await write.record({
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
  await audited(by, [db.inspections], async (write) => {
    const inspection = await mustGet(inspectionId);
    const overrides: Record<string, StoredOverride> = { ...inspection.overrides };
    if (entry) {
      overrides[standardId] = {
        rating: entry.rating,
        reason: entry.reason.trim(),
        ...write.after(inspection.overrides[standardId]),
      };
    } else delete overrides[standardId];
    await db.inspections.put({ ...inspection, overrides, ...write.stamp });
    await write.record({
      inspectionId,
      action: 'override',
      key: standardId,
      before: inspection.overrides[standardId] ?? null,
      after: entry,
    });
  });
}
