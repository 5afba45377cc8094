/**
 * Export, import and restore as a person starts them: choosing files through the platform, reading through
 * the export format's full validation (nothing is written unless the whole file is valid), and a backup of
 * the current data before anything imported is written.
 */
import { serialiseExport, tryParseExport } from '../../../shared/interchange';
import {
  addInspectionsFrom,
  describeStorageError,
  exportInspections,
  replaceAllWith,
  type AddedInspections,
} from '../../db';
import type { Platform } from '../../platform';

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

function describeAdded(result: AddedInspections): string {
  const parts: string[] = [];
  if (result.added.length) parts.push(`Imported ${result.added.join(', ')}.`);
  if (result.alreadyHere.length) {
    parts.push(`Already here, so left as they are: ${result.alreadyHere.join(', ')}.`);
  }
  return parts.join(' ') || 'The file holds no inspections.';
}

/** Reads a file the person chooses and adds its inspections that are not already here. */
export async function importFromFile(platform: Platform, by: string): Promise<Outcome | null> {
  const chosen = await platform.openFile('json');
  if (!chosen) return null;
  const parsed = tryParseExport(chosen.text);
  if (!parsed.ok) {
    return {
      kind: 'error',
      text: `${chosen.name} was not imported: ${parsed.error.message}. Nothing was changed.`,
    };
  }
  try {
    await backupBeforeImport(platform);
    return { kind: 'info', text: describeAdded(await addInspectionsFrom(parsed.file, by)) };
  } catch (error) {
    return {
      kind: 'error',
      text: `${chosen.name} was not imported. ${describeStorageError(error)} Nothing was changed.`,
    };
  }
}

/** Restores a backup: validated in full, the current data backed up first, then replaced in one transaction. */
export async function restoreBackup(platform: Platform, name: string, by: string): Promise<Outcome> {
  if (!platform.backups) return { kind: 'error', text: 'This computer keeps no backups in a browser.' };
  try {
    const { text } = await platform.backups.read(name);
    const parsed = tryParseExport(text);
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
