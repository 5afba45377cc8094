/**
 * Export, import and restore as a person starts them: choosing files through the platform, reading through
 * the export format's full validation (nothing is written unless the whole file is valid), and a backup of
 * the current data before anything imported is written.
 */
import {
  MergeError,
  serialiseExport,
  type ExportFile,
  type MergePlan,
  type MergeResolutions,
} from '../../../shared/interchange';
import { applyImport, describeStorageError, exportInspections, planImport, replaceAllWith } from '../../db';
import type { ChosenFile, Platform } from '../../platform';
import { checkExport } from './check-export';

/** The result of an action, in words for the person who started it. */
export interface Outcome {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

/** "casescore-2026-11-26.json" */
export function exportFileName(at: Date = new Date()): string {
  return `casescore-${at.toISOString().slice(0, 10)}.json`;
}

/** The current data as export text. */
export async function exportText(ids?: readonly string[]): Promise<string> {
  return serialiseExport(await exportInspections(ids));
}

/** Saves an export of every inspection (or the chosen ones). */
export async function exportToFile(platform: Platform, ids?: readonly string[]): Promise<Outcome> {
  try {
    const result = await platform.saveFile(exportFileName(), await exportText(ids), 'json');
    return result.saved
      ? { kind: 'info', text: `Exported${result.where ? ` to ${result.where}` : ''}.` }
      : { kind: 'info', text: 'Export cancelled.' };
  } catch (error) {
    return { kind: 'error', text: `The export was not saved. ${describeStorageError(error)}` };
  }
}

/** Backs up the current data before an import writes, where the platform keeps backups. */
async function backupBeforeImport(platform: Platform): Promise<void> {
  if (platform.backups) await platform.backups.write(await exportText(), 'before-import');
}

/** A validated file waiting for the lead's review, with what importing it would do. */
export interface PendingImport {
  readonly name: string;
  readonly file: ExportFile;
  readonly plan: MergePlan;
}

/**
 * Reads a file the person chooses, validates all of it, and plans the merge. Nothing is written: the plan is
 * shown for review first. Returns an error outcome for a file that cannot be read, `null` when cancelled.
 */
export async function readImport(platform: Platform): Promise<PendingImport | Outcome | null> {
  let chosen: ChosenFile | null;
  try {
    chosen = await platform.openFile('json');
  } catch (error) {
    // Too large, not a regular file, unreadable: refused before it was read, in the host's words.
    const why = error instanceof Error ? error.message : String(error);
    return { kind: 'error', text: `The file was not imported: ${why}. Nothing was changed.` };
  }
  if (!chosen) return null;
  const parsed = await checkExport(chosen.bytes);
  if (!parsed.ok) {
    return {
      kind: 'error',
      text: `${chosen.name} was not imported: ${parsed.error.message}. Nothing was changed.`,
    };
  }
  try {
    return { name: chosen.name, file: parsed.file, plan: await planImport(parsed.file) };
  } catch (error) {
    const why = error instanceof MergeError ? error.message : describeStorageError(error);
    return { kind: 'error', text: `${chosen.name} was not imported: ${why}. Nothing was changed.` };
  }
}

/** Applies a reviewed import: a backup of the current data first, then one transaction. */
export async function applyReviewedImport(
  platform: Platform,
  pending: PendingImport,
  resolutions: MergeResolutions,
  by: string,
): Promise<Outcome> {
  try {
    await backupBeforeImport(platform);
    const changed = await applyImport(pending.file, resolutions, by, pending.name);
    const names = pending.plan.inspections.map((i) => i.name).join(', ');
    return {
      kind: 'info',
      text: `Imported ${pending.name} into ${names}: ${changed} change${changed === 1 ? '' : 's'}.`,
    };
  } catch (error) {
    const why = error instanceof MergeError ? `${error.message}.` : describeStorageError(error);
    return { kind: 'error', text: `${pending.name} was not imported. ${why} Nothing was changed.` };
  }
}

/** Restores a backup: validated in full, the current data backed up first, then replaced in one transaction. */
export async function restoreBackup(platform: Platform, name: string, by: string): Promise<Outcome> {
  if (!platform.backups) return { kind: 'error', text: 'This computer keeps no backups in a browser.' };
  try {
    const { text } = await platform.backups.read(name);
    const parsed = await checkExport(text);
    if (!parsed.ok)
      return {
        kind: 'error',
        text: `${name} cannot be restored: ${parsed.error.message}. Nothing was changed.`,
      };
    await backupBeforeImport(platform);
    const count = await replaceAllWith(parsed.file, by, name);
    return { kind: 'info', text: `Restored ${count} inspection${count === 1 ? '' : 's'} from ${name}.` };
  } catch (error) {
    return {
      kind: 'error',
      text: `${name} was not restored. ${describeStorageError(error)} Nothing was changed.`,
    };
  }
}
