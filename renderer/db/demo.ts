/** Loading the London 2022 demo: the letter's six PDUs with their synthetic case samples, in one transaction. */
import { database } from './database';
import { fromExportedInspection } from './snapshot';
import { audited } from './write';

/**
 * Writes the six London demo inspections. Ones already present (not deleted) are left as they are, so loading
 * twice never duplicates or overwrites work; a deleted one is replaced by a fresh copy.
 * @returns the ids of the demo inspections, in annexe order.
 */
export async function loadLondonDemo(by: string): Promise<string[]> {
  // Loaded on demand: the demo generator is not part of the app's first download.
  const { createLondonDemo } = await import('../../seeds/london-2022/demo-samples');
  const demo = createLondonDemo();
  const db = database();
  await audited(by, [db.inspections, db.cases], async (write) => {
    for (const exported of demo) {
      const existing = await db.inspections.get(exported.id);
      if (existing && !existing.deletedAt) continue;
      if (existing) await db.cases.where('inspectionId').equals(exported.id).delete();
      const { inspection, cases } = fromExportedInspection(exported, write.at, by);
      await db.inspections.put(inspection);
      await db.cases.bulkPut(cases);
      await write.record({
        inspectionId: inspection.id,
        action: 'demo-loaded',
        before: null,
        after: cases.length,
      });
    }
  });
  return demo.map((i) => i.id);
}
