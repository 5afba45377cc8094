/**
 * Export, import and restore as a person starts them: choosing files through the platform, reading through
 * the export format's full validation (nothing is written unless the whole file is valid), and a backup of
 * the current data before anything imported is written.
 */
import {
  MergeError,
  serialiseExport,
  tryParseExport,
  type ExportFile,
  type MergePlan,
  type MergeResolutions,
} from '../../../shared/interchange';
import {
  applyImport,
  describeStorageError,
  exportInspections,
  planImport,
  readInitials,
  replaceAllWith,
} from '../../db';
import type { Platform } from '../../platform';

/** The result of an action, in words for the person who started it. */
export interface Outcome {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

/**
 * An export's file name, `<inspection>-<initials>-<date>.json` ("croydon-pdu-KM-2026-11-26.json"), so the files
 * a lead gathers from the team never collide; several inspections are "casescore-<n>-inspections-…".
 */
export function exportFileName(
  names: readonly string[],
  initials: string | null,
  at: Date = new Date(),
): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]+/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .replace(/-+/g, '-')
      .slice(0, 60) || 'inspection';
  const what = names.length === 1 ? slug(names[0]!) : `casescore-${names.length}-inspections`;
  const who = initials ? `-${initials.replace(/[^A-Za-z]/g, '').toUpperCase()}` : '';
  return `${what}${who}-${at.toISOString().slice(0, 10)}.json`;
}

/** The current data as export text. */
export async function exportText(ids?: readonly string[]): Promise<string> {
  return serialiseExport(await exportInspections(ids));
}

/** Saves an export of every inspection (or the chosen ones). */
export async function exportToFile(platform: Platform, ids?: readonly string[]): Promise<Outcome> {
  try {
    const file = await exportInspections(ids);
    const name = exportFileName(
      file.inspections.map((i) => i.name),
      await readInitials(),
    );
    const result = await platform.saveFile(name, serialiseExport(file), 'json');
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
