/** Loading the London 2022 demo: the letter's six PDUs with their synthetic case samples, in one transaction. */
import { record } from './audit';
import { now } from './clock';
import { database } from './database';
import { fromExportedInspection } from './snapshot';

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
  const at = now();
  await db.transaction('rw', db.inspections, db.cases, db.audit, async () => {
    for (const exported of demo) {
      const existing = await db.inspections.get(exported.id);
      if (existing && !existing.deletedAt) continue;
      if (existing) await db.cases.where('inspectionId').equals(exported.id).delete();
      const { inspection, cases } = fromExportedInspection(exported, at, by);
      await db.inspections.put(inspection);
      await db.cases.bulkPut(cases);
      await record({
        at,
        by,
        inspectionId: inspection.id,
        action: 'demo-loaded',
        before: null,
        after: cases.length,
      });
    }
  });
  return demo.map((i) => i.id);
}
