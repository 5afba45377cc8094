/**
 * The scoring desk's per-inspection preferences, kept on the inspection row (no schema change). Each write
 * commits with its audit entry in one transaction.
 */
import { getFramework } from '#shared/framework';
import { database } from './database';
import type { StoredCommentary } from './entities';
import { SaveError } from './errors';
import { setInspectionSetting } from './inspections';
import { audited } from './write';

/** Sets whether moving by keyboard passes over prompts in this inspection. */
export async function setPromptsOptional(inspectionId: string, optional: boolean, by: string): Promise<void> {
  await setInspectionSetting(inspectionId, 'promptsOptional', optional, false, by);
}

/** What an inspector writes about one standard for the report. */
export interface CommentaryEntry {
  readonly strengths?: string;
  readonly improvements?: string;
}

/** Sets a standard's strengths or areas for improvement (or both); both blank removes the entry. */
export async function setCommentary(
  inspectionId: string,
  standardId: string,
  entry: CommentaryEntry,
  by: string,
): Promise<void> {
  const db = database();
  await audited(by, [db.inspections], async (write) => {
    const inspection = await db.inspections.get(inspectionId);
    if (!inspection) throw new SaveError('That inspection no longer exists.');
    const standard = getFramework(inspection.framework)
      .domains.flatMap((d) => d.standards)
      .find((s) => s.id === standardId);
    if (!standard) throw new SaveError(`${standardId} is not a standard of this inspection's framework.`);
    // Each box saves on its own: a part left out keeps what is stored.
    const previous = inspection.commentary?.[standardId];
    const typedStrengths = entry.strengths !== undefined ? entry.strengths : previous?.strengths;
    const typedImprovements = entry.improvements !== undefined ? entry.improvements : previous?.improvements;
    const strengths = typedStrengths?.trim() ? typedStrengths.trim() : undefined;
    const improvements = typedImprovements?.trim() ? typedImprovements.trim() : undefined;
    const commentary: Record<string, StoredCommentary> = { ...inspection.commentary };
    if (strengths || improvements)
      commentary[standardId] = {
        ...(strengths ? { strengths } : {}),
        ...(improvements ? { improvements } : {}),
        ...write.after(previous),
      };
    else delete commentary[standardId];
    await db.inspections.put({ ...inspection, commentary, ...write.stamp });
    await write.record({
      inspectionId,
      action: 'inspection-edited',
      key: `commentary.${standardId}`,
      before: inspection.commentary?.[standardId] ?? null,
      after: strengths || improvements ? { strengths, improvements } : null,
    });
  });
}
