/**
 * Moving whole inspections in and out of the database in the export format: export (with removed cases as
 * tombstones), adding inspections from a validated file, and replacing everything from a backup. Each write is
 * one transaction: a failure leaves the database exactly as it was.
 */
import { createExport, type ExportFile, type ExportedInspection } from '../../shared/interchange';
import { record } from './audit';
import { now } from './clock';
import { database } from './database';
import { SaveError } from './errors';
import { fromExportedInspection, toExportedInspection } from './snapshot';

/** The inspections (all, or those with the given ids) as an export file, stamped now. */
export async function exportInspections(ids?: readonly string[]): Promise<ExportFile> {
  const db = database();
  return db.transaction('r', db.inspections, db.cases, async () => {
    const inspections = (await db.inspections.toArray())
      .filter((i) => !i.deletedAt && (!ids || ids.includes(i.id)))
      .sort((a, b) => a.name.localeCompare(b.name));
    const exported: ExportedInspection[] = [];
    for (const inspection of inspections) {
      const cases = await db.cases.where('inspectionId').equals(inspection.id).toArray();
      exported.push(toExportedInspection(inspection, cases));
    }
    return createExport(exported, new Date());
  });
}

/** What adding a file's inspections did. */
export interface AddedInspections {
  readonly added: readonly string[];
  /** Inspections already here (by id): merging them is a separate step. */
  readonly alreadyHere: readonly string[];
}

/**
 * Adds the file's inspections that are not already here, in one transaction. The file must already be
 * validated (parseExport); inspections present here are left untouched and reported.
 */
export async function addInspectionsFrom(file: ExportFile, by: string): Promise<AddedInspections> {
  const db = database();
  const at = now();
  return db.transaction('rw', db.inspections, db.cases, db.audit, async () => {
    const added: string[] = [];
    const alreadyHere: string[] = [];
    for (const exported of file.inspections) {
      const existing = await db.inspections.get(exported.id);
      if (existing && !existing.deletedAt) {
        alreadyHere.push(exported.name);
        continue;
      }
      if (existing) await db.cases.where('inspectionId').equals(exported.id).delete();
      const clash = await db.cases.bulkGet(exported.cases.map((c) => c.id));
      if (clash.some((c) => c && c.inspectionId !== exported.id)) {
        throw new SaveError(`${exported.name} has a case id that another inspection here already uses.`);
      }
      const { inspection, cases } = fromExportedInspection(exported, at, by);
      await db.inspections.put(inspection);
      await db.cases.bulkPut(cases);
      await record({
        at,
        by,
        inspectionId: inspection.id,
        action: 'imported',
        before: null,
        after: cases.length,
      });
      added.push(exported.name);
    }
    return { added, alreadyHere };
  });
}

/** Replaces every inspection and case with the file's, in one transaction (restoring a backup). */
export async function replaceAllWith(file: ExportFile, by: string, source: string): Promise<number> {
  const db = database();
  const at = now();
  return db.transaction('rw', db.inspections, db.cases, db.audit, async () => {
    await db.cases.clear();
    await db.inspections.clear();
    for (const exported of file.inspections) {
      const { inspection, cases } = fromExportedInspection(exported, at, by);
      await db.inspections.put(inspection);
      await db.cases.bulkPut(cases);
      await record({ at, by, inspectionId: inspection.id, action: 'restored', before: null, after: source });
    }
    return file.inspections.length;
  });
}

/** The sequence number of the latest change, so a backup is taken only when something changed. */
export async function latestChange(): Promise<number> {
  const last = await database().audit.orderBy('seq').last();
  return last?.seq ?? 0;
}
