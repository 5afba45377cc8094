/**
 * The case sample: add one case or many (from a pasted list of references), edit a case's facts, remove a
 * case (kept as a tombstone). References are unique within an inspection.
 */
import { getFramework, type CaseAttributes, type CaseType } from '../../shared/framework';
import { record } from './audit';
import { refuseIfLocked } from './case-status';
import { newId, now } from './clock';
import { database } from './database';
import type { StoredCase } from './entities';
import { SaveError } from './errors';

/** What a person enters about a case. */
export interface CaseDetails {
  readonly reference: string;
  readonly caseType: CaseType;
  readonly inspector?: string;
  readonly attributes: CaseAttributes;
}

/** Splits pasted text into references: one per line (or separated by commas or tabs), trimmed, no blanks. */
export function referencesFromPaste(text: string): string[] {
  return text
    .split(/[\n\r,\t;]+/)
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

/** The result of adding cases: ids of those added, and references skipped because they were already there. */
export interface AddedCases {
  readonly added: readonly string[];
  readonly skipped: readonly string[];
}

/**
 * Adds cases to an inspection in one transaction. A reference already in the inspection (or repeated in the
 * list) is skipped, not duplicated, and reported.
 */
export async function addCases(
  inspectionId: string,
  cases: readonly CaseDetails[],
  by: string,
): Promise<AddedCases> {
  const db = database();
  return db.transaction('rw', db.inspections, db.cases, db.audit, async () => {
    const inspection = await db.inspections.get(inspectionId);
    if (!inspection || inspection.deletedAt) throw new SaveError('That inspection no longer exists.');
    const framework = getFramework(inspection.framework);
    const existing = await db.cases.where('inspectionId').equals(inspectionId).toArray();
    const taken = new Set(existing.filter((c) => !c.deleted).map((c) => c.reference.toLowerCase()));
    const added: string[] = [];
    const skipped: string[] = [];
    const at = now();
    for (const details of cases) {
      const reference = details.reference.trim();
      if (reference === '') throw new SaveError('Every case needs a reference.');
      if (!framework.caseTypes.includes(details.caseType)) {
        throw new SaveError(`${details.caseType} is not a case type of ${framework.name}.`);
      }
      if (taken.has(reference.toLowerCase())) {
        skipped.push(reference);
        continue;
      }
      taken.add(reference.toLowerCase());
      const row: StoredCase = {
        id: newId(),
        inspectionId,
        reference,
        caseType: details.caseType,
        ...(details.inspector?.trim() ? { inspector: details.inspector.trim() } : {}),
        attributes: details.attributes,
        answers: {},
        createdAt: at,
        updatedAt: at,
        by,
      };
      await db.cases.add(row);
      await record({
        at,
        by,
        inspectionId,
        caseId: row.id,
        action: 'case-added',
        before: null,
        after: details,
      });
      added.push(row.id);
    }
    return { added, skipped };
  });
}

/** Changes a case's facts. Answers that can no longer apply are kept but no longer scored. */
export async function editCase(caseId: string, details: CaseDetails, by: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.cases, db.audit, async () => {
    const before = await db.cases.get(caseId);
    if (!before || before.deleted) throw new SaveError('That case no longer exists.');
    refuseIfLocked(before);
    const reference = details.reference.trim();
    if (reference === '') throw new SaveError('Every case needs a reference.');
    const clash = await db.cases
      .where('[inspectionId+reference]')
      .equals([before.inspectionId, reference])
      .filter((c) => c.id !== caseId && !c.deleted)
      .count();
    if (clash > 0) throw new SaveError(`Another case in this inspection is already ${reference}.`);
    const at = now();
    const { inspector: _dropped, ...rest } = before;
    await db.cases.put({
      ...rest,
      reference,
      caseType: details.caseType,
      ...(details.inspector?.trim() ? { inspector: details.inspector.trim() } : {}),
      attributes: details.attributes,
      updatedAt: at,
      by,
    });
    const { reference: r, caseType, inspector, attributes } = before;
    await record({
      at,
      by,
      inspectionId: before.inspectionId,
      caseId,
      action: 'case-edited',
      before: { reference: r, caseType, inspector, attributes },
      after: details,
    });
  });
}

/** Removes a case from the sample. It is kept as a tombstone (with its answers) so merges can see it went. */
export async function removeCase(caseId: string, by: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.cases, db.audit, async () => {
    const before = await db.cases.get(caseId);
    if (!before || before.deleted) return;
    refuseIfLocked(before);
    const at = now();
    await db.cases.put({ ...before, deleted: true, updatedAt: at, by });
    await record({
      at,
      by,
      inspectionId: before.inspectionId,
      caseId,
      action: 'case-removed',
      before: before.reference,
      after: null,
    });
  });
}

/** Sets a case's free-text notes (empty clears them). */
export async function setCaseNote(caseId: string, note: string, by: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.cases, db.audit, async () => {
    const before = await db.cases.get(caseId);
    if (!before || before.deleted) throw new SaveError('That case no longer exists.');
    refuseIfLocked(before);
    const at = now();
    const { note: previous, ...rest } = before;
    await db.cases.put({ ...rest, ...(note.trim() ? { note } : {}), updatedAt: at, by });
    await record({
      at,
      by,
      inspectionId: before.inspectionId,
      caseId,
      action: 'case-edited',
      key: 'note',
      before: previous ?? null,
      after: note.trim() ? note : null,
    });
  });
}
