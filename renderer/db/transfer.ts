/**
 * Moving whole inspections in and out of the database in the export format: export (with removed cases as
 * tombstones), adding inspections from a validated file, and replacing everything from a backup. Each write is
 * one transaction: a failure leaves the database exactly as it was.
 */
import { createExport, frameworksOf, type ExportFile, type ExportedInspection } from '#shared/interchange';
import {
  applyMerge,
  planMerge,
  takenOnly,
  type MergePlan,
  type MergeResolutions,
  type MergeSource,
} from '#shared/merge';
import { inspectionProgress } from '#shared/scoring';
import { database } from './database';
import { keepFramework } from './frameworks';
import { SaveError } from './errors';
import { readInitials } from './settings';
import { audited, deviceState } from './write';
import { auditFromExported, fromExportedInspection, toExportedInspection } from './snapshot';

/** The inspections (all, or those with the given ids) as an export file, stamped now. */
export async function exportInspections(ids?: readonly string[]): Promise<ExportFile> {
  const db = database();
  return db
    .transaction('r', db.inspections, db.cases, db.audit, async () => {
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
    })
    .then(async (file) => {
      const initials = await readInitials();
      return initials ? { ...file, signer: { initials } } : file;
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

/** The ids of inspections deleted here (in the bin), which a file may not bring back unasked. */
async function binnedInspections(): Promise<Set<string>> {
  const rows = await database()
    .inspections.filter((i) => !!i.deletedAt)
    .toArray();
  return new Set(rows.map((i) => i.id));
}

/** What importing the (already validated) file would do to the data here. Writes nothing. */
export async function planImport(file: ExportFile, source: MergeSource): Promise<MergePlan> {
  const db = database();
  const device = await deviceState();
  return db.transaction('r', db.inspections, db.cases, db.audit, async () =>
    planMerge(await currentCopies(file.inspections.map((i) => i.id)), file.inspections, {
      source,
      localDevice: device.id,
      localCounter: device.counter,
      binned: await binnedInspections(),
      now: new Date(),
    }),
  );
}

/**
 * Imports the file with the lead's resolutions, in one transaction: the plan is made again inside it (so a
 * change since the review cannot slip through unresolved), applied, and written with audit entries. With
 * `takenOnly` (changes from the team server) only what is taken without asking is applied; the rest waits.
 * @returns how many items changed.
 */
export async function applyImport(
  file: ExportFile,
  resolutions: MergeResolutions,
  by: string,
  fileName: string,
  source: MergeSource,
  options: { readonly takenOnly?: boolean } = {},
): Promise<{ applied: number; claims: number }> {
  const db = database();
  return audited(by, [db.inspections, db.cases], async (write) => {
    const at = write.at;
    // The frameworks the file carries are kept with what was imported (in this transaction), so its
    // inspections rate here from now on.
    for (const framework of frameworksOf(file)) await keepFramework(framework, by, fileName);
    const current = await currentCopies(file.inspections.map((i) => i.id));
    const planned = planMerge(current, file.inspections, {
      source,
      localDevice: write.device,
      localCounter: write.counter,
      binned: await binnedInspections(),
      now: new Date(at),
    });
    const plan = options.takenOnly ? takenOnly(planned) : planned;
    const merged = applyMerge(current, file.inspections, plan, resolutions, {
      resolver: { device: write.device, counter: write.counter, by, at },
      claimedIn: source.signedBy,
    });
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
              ...(inspection.commentary ? { commentary: inspection.commentary } : {}),
              ...(inspection.dipSamples ? { dipSamples: inspection.dipSamples } : {}),
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
        after: {
          source: fileName,
          signedBy: source.signedBy,
          verified: source.verified,
          cases: cases.length,
        },
      });
    }
    return { applied: merged.applied, claims: merged.claims };
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
    // Frameworks are kept, never cleared: a restored file's own are added to them.
    for (const framework of frameworksOf(file)) await keepFramework(framework, by, source);
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
