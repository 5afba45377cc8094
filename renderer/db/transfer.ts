/**
 * Moving whole inspections in and out of the database in the export format: export (with removed cases as
 * tombstones), adding inspections from a validated file, and replacing everything from a backup. Each write is
 * one transaction: a failure leaves the database exactly as it was.
 */
import {
  applyMerge,
  createExport,
  planMerge,
  type ExportFile,
  type ExportedInspection,
  type MergePlan,
  type MergeResolutions,
} from '../../shared/interchange';
import { inspectionProgress } from '../../shared/scoring';
import { database } from './database';
import { SaveError } from './errors';
import { audited } from './write';
import { auditFromExported, fromExportedInspection, toExportedInspection } from './snapshot';

/** The inspections (all, or those with the given ids) as an export file, stamped now. */
export async function exportInspections(ids?: readonly string[]): Promise<ExportFile> {
  const db = database();
  return db.transaction('r', db.inspections, db.cases, db.audit, async () => {
    const inspections = (await db.inspections.toArray())
      .filter((i) => !i.deletedAt && (!ids || ids.includes(i.id)))
      .sort((a, b) => a.name.localeCompare(b.name));
    const exported: ExportedInspection[] = [];
    for (const inspection of inspections) {
      const cases = await db.cases.where('inspectionId').equals(inspection.id).toArray();
      const audit = await db.audit.where('inspectionId').equals(inspection.id).sortBy('seq');
      const copy = toExportedInspection(inspection, cases, audit);
      // Derived, for other tools: "Provisional: 4 of 12 cases not finished" travels with the file.
      exported.push({ ...copy, progress: inspectionProgress(copy) });
    }
    return createExport(exported, new Date());
  });
}

/** Our copies of the given inspections (not deleted), with their audit trails, in the export format. */
async function currentCopies(ids: readonly string[]): Promise<ExportedInspection[]> {
  const db = database();
  const copies: ExportedInspection[] = [];
  for (const id of ids) {
    const inspection = await db.inspections.get(id);
    if (!inspection || inspection.deletedAt) continue;
    const cases = await db.cases.where('inspectionId').equals(id).toArray();
    const audit = await db.audit.where('inspectionId').equals(id).sortBy('seq');
    copies.push(toExportedInspection(inspection, cases, audit));
  }
  return copies;
}

/** What importing the (already validated) file would do to the data here. Writes nothing. */
export async function planImport(file: ExportFile): Promise<MergePlan> {
  const db = database();
  return db.transaction('r', db.inspections, db.cases, db.audit, async () =>
    planMerge(await currentCopies(file.inspections.map((i) => i.id)), file.inspections),
  );
}

/**
 * Imports the file with the lead's resolutions, in one transaction: the plan is made again inside it (so a
 * change since the review cannot slip through unresolved), applied, and written with audit entries.
 * @returns how many items changed.
 */
export async function applyImport(
  file: ExportFile,
  resolutions: MergeResolutions,
  by: string,
  source: string,
): Promise<number> {
  const db = database();
  return audited(by, [db.inspections, db.cases], async (write) => {
    const at = write.at;
    const current = await currentCopies(file.inspections.map((i) => i.id));
    const plan = planMerge(current, file.inspections);
    const merged = applyMerge(current, file.inspections, plan, resolutions);
    for (const result of merged.inspections) {
      const before = current.find((c) => c.id === result.id);
      const existingRow = await db.inspections.get(result.id);
      if (existingRow?.deletedAt) await db.cases.where('inspectionId').equals(result.id).delete();
      const { inspection, cases } = fromExportedInspection(result, at, by);
      const clash = (await db.cases.bulkGet(cases.map((c) => c.id))).find(
        (c) => c && c.inspectionId !== result.id,
      );
      if (clash)
        throw new SaveError(`${result.name} has a case id that another inspection here already uses.`);
      await db.inspections.put(
        existingRow && !existingRow.deletedAt
          ? {
              ...existingRow,
              judgements: inspection.judgements,
              overrides: inspection.overrides,
              ...write.stamp,
            }
          : inspection,
      );
      await db.cases.bulkPut(cases);
      const theirAudit = (result.audit ?? []).slice((before?.audit ?? []).length);
      if (theirAudit.length) await db.audit.bulkAdd(auditFromExported(result.id, theirAudit));
      await write.record({
        inspectionId: result.id,
        action: before ? 'merged' : 'imported',
        before: null,
        after: { source, cases: cases.length },
      });
    }
    return merged.applied;
  });
}

/** Replaces every inspection and case with the file's, in one transaction (restoring a backup). */
export async function replaceAllWith(file: ExportFile, by: string, source: string): Promise<number> {
  const db = database();
  return audited(by, [db.inspections, db.cases], async (write) => {
    const at = write.at;
    await db.cases.clear();
    await db.inspections.clear();
    await db.audit.clear();
    for (const exported of file.inspections) {
      const { inspection, cases } = fromExportedInspection(exported, at, by);
      await db.inspections.put(inspection);
      await db.cases.bulkPut(cases);
      await db.audit.bulkAdd(auditFromExported(inspection.id, exported.audit ?? []));
      await write.record({ inspectionId: inspection.id, action: 'restored', before: null, after: source });
    }
    return file.inspections.length;
  });
}

/** The sequence number of the latest change, so a backup is taken only when something changed. */
export async function latestChange(): Promise<number> {
  const last = await database().audit.orderBy('seq').last();
  return last?.seq ?? 0;
}
