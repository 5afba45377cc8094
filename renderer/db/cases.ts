/**
 * The case sample: add one case or many, edit a case's details, remove a case to the bin and restore it, set a
 * case's notes. References follow one rule everywhere (`referenceKey`: spaces and letter case ignored), and may
 * not hold hidden characters. A removed case stays in the bin for 30 days, then its content is erased.
 */
import { getFramework, type CaseAttributes, type CaseType } from '#shared/framework';
import { VERSIONED_CASE_DETAILS, type VersionedCaseDetail } from '#shared/interchange';
import { CREATED, seenBy, type Versioned } from '#shared/merge';
import { hiddenCharacterProblem, referenceKey, tidyReference } from '#shared/text';
import { newId } from './clock';
import { refuseIfLocked } from './case-status';
import { database } from './database';
import type { StoredAnswer, StoredCase } from './entities';
import { SaveError } from './errors';
import { audited, type WriteContext } from './write';

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

/** A reference as stored, or a SaveError saying why it cannot be one. */
function checkedReference(typed: string): string {
  const reference = tidyReference(typed);
  if (reference === '') throw new SaveError('Every case needs a reference.');
  const problem = hiddenCharacterProblem(reference, `The reference "${reference}"`);
  if (problem) throw new SaveError(problem);
  return reference;
}

function checkedInspector(typed: string | undefined): string | undefined {
  const inspector = typed?.trim();
  if (!inspector) return undefined;
  const problem = hiddenCharacterProblem(inspector, 'The inspector');
  if (problem) throw new SaveError(problem);
  return inspector;
}

/** The live case of an inspection with this reference (spaces and case ignored), other than `exceptId`. */
async function caseWithReference(
  inspectionId: string,
  reference: string,
  exceptId?: string,
): Promise<StoredCase | undefined> {
  return database()
    .cases.where('[inspectionId+referenceKey]')
    .equals([inspectionId, referenceKey(reference)])
    .filter((c) => c.id !== exceptId && !c.deleted)
    .first();
}

/**
 * Adds cases to an inspection in one transaction. A reference already in the inspection (or repeated in the
 * list) is skipped, not duplicated, and reported. `ids`, when given, are the new cases' ids: a second call
 * with the same ids (a double click) adds nothing again.
 */
export async function addCases(
  inspectionId: string,
  cases: readonly CaseDetails[],
  by: string,
  ids?: readonly string[],
): Promise<AddedCases> {
  const db = database();
  return audited(by, [db.inspections, db.cases], async (write) => {
    const inspection = await db.inspections.get(inspectionId);
    if (!inspection || inspection.deletedAt) throw new SaveError('That inspection no longer exists.');
    const framework = getFramework(inspection.framework);
    const added: string[] = [];
    const skipped: string[] = [];
    const seen = new Set<string>();
    for (const [i, details] of cases.entries()) {
      const id = ids?.[i] ?? newId();
      if (await db.cases.get(id)) {
        added.push(id); // Already added by an earlier call with the same ids.
        continue;
      }
      const reference = checkedReference(details.reference);
      if (!framework.caseTypes.includes(details.caseType)) {
        throw new SaveError(`${details.caseType} is not a case type of ${framework.name}.`);
      }
      const key = referenceKey(reference);
      if (seen.has(key) || (await caseWithReference(inspectionId, reference))) {
        skipped.push(reference);
        continue;
      }
      seen.add(key);
      const inspector = checkedInspector(details.inspector);
      const row: StoredCase = {
        id,
        inspectionId,
        reference,
        referenceKey: key,
        caseType: details.caseType,
        ...(inspector ? { inspector } : {}),
        attributes: details.attributes,
        answers: {},
        createdAt: write.at,
        detailVersions: Object.fromEntries(VERSIONED_CASE_DETAILS.map((d) => [d, write.stamp])),
        ...write.stamp,
      };
      await db.cases.add(row);
      await write.record({
        inspectionId,
        caseId: id,
        action: 'case-added',
        before: null,
        after: { ...details, reference },
      });
      added.push(id);
    }
    return { added, skipped };
  });
}

/** A stored case's detail version ("created" where it has none, as merging reads it). */
function storedDetailVersion(row: StoredCase, detail: VersionedCaseDetail): Versioned {
  return row.detailVersions?.[detail] ?? CREATED;
}

/** Every version a stored case holds, for what its removal replaces. */
function caseVersionsOf(row: StoredCase): Versioned[] {
  return [
    row,
    ...VERSIONED_CASE_DETAILS.map((d) => storedDetailVersion(row, d)),
    ...Object.values(row.answers),
    ...(row.status ? [row.status] : []),
  ];
}

/** New versions for the details an edit changed; the others keep theirs. */
function versionsAfterEdit(
  before: StoredCase,
  after: StoredCase,
  write: WriteContext,
): StoredCase['detailVersions'] {
  const versions = { ...before.detailVersions };
  const value = (row: StoredCase, d: VersionedCaseDetail) =>
    d === 'reference'
      ? row.reference
      : d === 'caseType'
        ? row.caseType
        : d === 'inspector'
          ? row.inspector
          : d === 'note'
            ? row.note
            : d === 'removed'
              ? false
              : row.attributes[d];
  for (const detail of VERSIONED_CASE_DETAILS) {
    if (value(before, detail) !== value(after, detail)) {
      versions[detail] = write.after(storedDetailVersion(before, detail));
    }
  }
  return versions;
}

/** What a case's details are, for the audit. */
function detailsOf(row: StoredCase): CaseDetails {
  return {
    reference: row.reference,
    caseType: row.caseType,
    ...(row.inspector ? { inspector: row.inspector } : {}),
    attributes: row.attributes,
  };
}

/** Whether two sets of details say the same thing. */
function sameDetails(a: CaseDetails, b: CaseDetails): boolean {
  return JSON.stringify(detailsOf(a as StoredCase)) === JSON.stringify(detailsOf(b as StoredCase));
}

/** What else a case edit does to the case's answers, in the same change. */
export interface CaseEditAnswers {
  /** Question ids whose answers are cleared (instead of set aside because they no longer apply). */
  readonly clear?: readonly string[];
  /** Answers put back as they were (undoing an edit that cleared them). */
  readonly restore?: Readonly<Record<string, { value: StoredAnswer['value']; note?: string }>>;
}

/**
 * Changes a case's details. Answers to questions that no longer apply are kept but set aside (not counted);
 * answers named in `clear` are cleared in the same change instead, and those in `restore` put back.
 */
export async function editCase(
  caseId: string,
  details: CaseDetails,
  by: string,
  { clear = [], restore = {} }: CaseEditAnswers = {},
): Promise<void> {
  const db = database();
  await audited(by, [db.cases], async (write) => {
    const before = await db.cases.get(caseId);
    if (!before || before.deleted) throw new SaveError('That case no longer exists.');
    refuseIfLocked(before);
    const reference = checkedReference(details.reference);
    const clash = await caseWithReference(before.inspectionId, reference, caseId);
    if (clash) throw new SaveError(`Another case in this inspection is already ${clash.reference}.`);
    const inspector = checkedInspector(details.inspector);
    const next: CaseDetails = {
      reference,
      caseType: details.caseType,
      ...(inspector ? { inspector } : {}),
      attributes: details.attributes,
    };
    const changes: (readonly [string, { readonly value: StoredAnswer['value']; readonly note?: string }])[] =
      [
        ...clear.flatMap((id) => {
          const previous = before.answers[id];
          return previous && previous.value !== null
            ? [[id, { value: null, ...(previous.note ? { note: previous.note } : {}) }] as const]
            : [];
        }),
        ...Object.entries(restore),
      ];
    if (sameDetails(next, detailsOf(before)) && changes.length === 0) return; // A second Save changes nothing.
    const answers = { ...before.answers };
    for (const [questionId, entry] of changes) {
      const previous = answers[questionId];
      answers[questionId] = {
        value: entry.value,
        ...(entry.note ? { note: entry.note } : {}),
        ...write.after(previous),
      };
      await write.record({
        inspectionId: before.inspectionId,
        caseId,
        action: 'answer',
        key: questionId,
        before: previous ?? null,
        after: entry,
      });
    }
    const { inspector: _dropped, ...rest } = before;
    const edited = { ...rest, ...next, referenceKey: referenceKey(reference), answers };
    await db.cases.put({
      ...edited,
      detailVersions: versionsAfterEdit(before, edited, write),
      ...write.stamp,
    });
    await write.record({
      inspectionId: before.inspectionId,
      caseId,
      action: 'case-edited',
      before: detailsOf(before),
      after: next,
    });
  });
}

/** Removes a case from the sample to the bin, with its answers, restorable for 30 days. */
export async function removeCase(caseId: string, by: string): Promise<void> {
  const db = database();
  await audited(by, [db.cases], async (write) => {
    const before = await db.cases.get(caseId);
    if (!before || before.deleted) return;
    refuseIfLocked(before);
    // The removal replaces only what this copy had seen of the case: a merge asks before losing anything newer.
    await db.cases.put({
      ...before,
      deleted: true,
      ...write.stamp,
      replaces: seenBy(caseVersionsOf(before)),
    });
    await write.record({
      inspectionId: before.inspectionId,
      caseId,
      action: 'case-removed',
      before: before.reference,
      after: null,
    });
  });
}

/** Brings a removed case back from the bin, unless another case now has its reference. */
export async function restoreCase(caseId: string, by: string): Promise<void> {
  const db = database();
  await audited(by, [db.inspections, db.cases], async (write) => {
    const before = await db.cases.get(caseId);
    if (!before || !before.deleted) return;
    if (before.purged) throw new SaveError('That case was emptied from the bin and cannot be restored.');
    const inspection = await db.inspections.get(before.inspectionId);
    if (!inspection || inspection.deletedAt) {
      throw new SaveError('Its inspection is in the bin: restore the inspection first.');
    }
    const clash = await caseWithReference(before.inspectionId, before.reference, caseId);
    if (clash) {
      throw new SaveError(
        `${before.reference} cannot come back: the sample has a case ${clash.reference} again. Rename or remove that one first.`,
      );
    }
    const { deleted: _deleted, replaces: _seen, ...rest } = before;
    await db.cases.put({
      ...rest,
      detailVersions: { ...before.detailVersions, removed: write.after(before) },
      ...write.stamp,
    });
    await write.record({
      inspectionId: before.inspectionId,
      caseId,
      action: 'case-restored',
      before: null,
      after: before.reference,
    });
  });
}

/** Sets a case's free-text notes (empty clears them). Saving the same text again writes nothing. */
export async function setCaseNote(caseId: string, note: string, by: string): Promise<void> {
  const db = database();
  await audited(by, [db.cases], async (write) => {
    const before = await db.cases.get(caseId);
    if (!before || before.deleted) throw new SaveError('That case no longer exists.');
    refuseIfLocked(before);
    const next = note.trim() ? note : undefined;
    if (next === before.note) return;
    const { note: previous, ...rest } = before;
    await db.cases.put({
      ...rest,
      ...(next ? { note: next } : {}),
      detailVersions: { ...before.detailVersions, note: write.after(storedDetailVersion(before, 'note')) },
      ...write.stamp,
    });
    await write.record({
      inspectionId: before.inspectionId,
      caseId,
      action: 'case-edited',
      key: 'note',
      before: previous ?? null,
      after: next ?? null,
    });
  });
}
