/**
 * The scoring desk's per-inspection preferences, kept on the inspection row (no schema change). Each write
 * commits with its audit entry in one transaction.
 */
import { record } from './audit';
import { now } from './clock';
import { database } from './database';
import { SaveError } from './errors';

/** Sets whether moving by keyboard passes over prompts in this inspection. */
export async function setPromptsOptional(inspectionId: string, optional: boolean, by: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.inspections, db.audit, async () => {
    const inspection = await db.inspections.get(inspectionId);
    if (!inspection) throw new SaveError('That inspection no longer exists.');
    const at = now();
    await db.inspections.put({ ...inspection, promptsOptional: optional, updatedAt: at, by });
    await record({
      at,
      by,
      inspectionId,
      action: 'inspection-edited',
      key: 'promptsOptional',
      before: inspection.promptsOptional ?? false,
      after: optional,
    });
  });
}
