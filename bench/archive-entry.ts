// An archive for the benchmark: inspections of 60 cases each, made from the London demo's answers, written into
// the app's own database (on the app's origin) through the storage layer, before the app is opened on it.
import { createLondonDemo } from '../seeds';
import type { ExportedInspection } from '#shared/interchange';
import { database, fromExportedInspection, saveInitials } from '../renderer/db';

/** Adds inspections until the database holds `total`, each of `cases` cases; returns how many answers it holds. */
export async function growArchive(total: number, cases: number): Promise<{ answers: number }> {
  const demo = createLondonDemo();
  const db = database();
  await saveInitials('BN');
  const have = await db.inspections.count();
  for (let p = have; p < total; p += 1) {
    const source = demo[p % demo.length] as ExportedInspection;
    const live = source.cases.filter((c) => !c.deleted);
    const exported: ExportedInspection = {
      ...source,
      id: `archive-${p}`,
      name: `Archive PDU ${String(p + 1).padStart(3, '0')}`,
      cases: Array.from({ length: cases }, (_, c) => ({
        ...live[c % live.length]!,
        id: `archive-${p}-${c}`,
        reference: `A${p}-${c}`,
      })),
    };
    const { inspection, cases: rows } = fromExportedInspection(exported, new Date().toISOString(), 'BN');
    await db.transaction('rw', db.inspections, db.cases, async () => {
      await db.inspections.put(inspection);
      await db.cases.bulkPut(rows);
    });
  }
  let answers = 0;
  await db.cases.each((c) => {
    answers += Object.keys(c.answers).length;
  });
  db.close();
  return { answers };
}

(globalThis as unknown as { casescoreArchive: unknown }).casescoreArchive = { growArchive };
