/**
 * Export, import and restore as a person starts them: choosing files through the platform, reading through
 * the export format's full validation (nothing is written unless the whole file is valid), and a backup of
 * the current data before anything imported is written.
 */
import { FrameworkConflictError, registerFramework } from '#shared/framework';
import { frameworksOf, InterchangeError, type ExportFile, type SignatureCheck } from '#shared/interchange';
import { MergeError, type MergePlan, type MergeResolutions } from '#shared/merge';
import {
  applyImport,
  describeStorageError,
  planImport,
  readInitials,
  replaceAllWith,
  SaveError,
  sourceOfFile,
  trustKey,
  type FileSource,
} from '../../db';
import type { ChosenFile, Platform } from '../../platform';
import type { CheckResult, ExportProtection } from './check-export';
import { isEncryptedFile } from './encrypted-file';
import { useCasescore } from '../../state/store';
import { removeFromTeamInbox } from '../../db/team-inbox';
import { syncSoon } from '../../sync/runner';

/**
 * The work on files (decrypting and encrypting, the worker that checks and writes them) is its own chunk, loaded
 * on the first export, import or backup rather than at start: a cold start draws the list without it. If it
 * cannot be loaded (a damaged install), the export, import or backup says so in words and nothing is changed.
 * @throws SaveError saying the file handling could not be loaded.
 */
async function fileWork() {
  try {
    return await import('./check-export');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SaveError(
      `Casescore could not load its file handling (${why}). Try again; if it keeps failing, reinstall Casescore`,
      { cause: error },
    );
  }
}

async function checkExport(content: Uint8Array | string, passphrase?: string): Promise<CheckResult> {
  let work: Awaited<ReturnType<typeof fileWork>>;
  try {
    work = await fileWork();
  } catch (error) {
    return { ok: false, error: new InterchangeError([], (error as Error).message, '') };
  }
  return work.checkExport(content, passphrase);
}

async function exportInWorker(ids: readonly string[] | undefined, protection: ExportProtection) {
  return (await fileWork()).exportInWorker(ids, protection);
}

/** The result of an action, in words for the person who started it. */
export interface Outcome {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

/** How an export leaves the laptop. */
export type Protection =
  | { readonly kind: 'clear' }
  | { readonly kind: 'encrypted'; readonly passphrase: string }
  | { readonly kind: 'anonymised' };

/**
 * An export's file name, `<inspection>-<initials>-<date>.json` ("croydon-pdu-KM-2026-11-26.json"), so the files
 * a lead gathers from the team never collide; several inspections are "casescore-<n>-inspections-…". An
 * encrypted export ends `.json.age`; an anonymised one says so before `.json`.
 */
export function exportFileName(
  names: readonly string[],
  initials: string | null,
  at: Date = new Date(),
  protection: Protection['kind'] = 'clear',
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
  const base = `${what}${who}-${at.toISOString().slice(0, 10)}`;
  if (protection === 'encrypted') return `${base}.json.age`;
  return protection === 'anonymised' ? `${base}-anonymised.json` : `${base}.json`;
}

/** The current data as export text, as a backup keeps it (made in a worker). */
export async function exportText(ids?: readonly string[]): Promise<string> {
  return (await exportInWorker(ids, { kind: 'backup' })).text;
}

/** Saves an export of every inspection (or the chosen ones), clear unless asked otherwise. */
export async function exportToFile(
  platform: Platform,
  ids?: readonly string[],
  protection: Protection = { kind: 'clear' },
): Promise<Outcome> {
  try {
    const { text, names } = await exportInWorker(ids, protection);
    const kind = protection.kind === 'encrypted' ? 'age' : 'json';
    const name = exportFileName(names, await readInitials(), new Date(), protection.kind);
    const result = await platform.saveFile(name, text, kind);
    const where = result.where ? ` to ${result.where}` : '';
    const what =
      protection.kind === 'encrypted'
        ? 'Exported, encrypted with your passphrase,'
        : protection.kind === 'anonymised'
          ? 'Exported an anonymised copy'
          : 'Exported';
    const warning =
      protection.kind === 'clear'
        ? ' The file contains personal data: keep it safe and send it only to those entitled to it.'
        : '';
    return result.saved
      ? { kind: 'info', text: `${what}${where}.${warning}` }
      : { kind: 'info', text: 'Export cancelled.' };
  } catch (error) {
    return { kind: 'error', text: `The export was not saved. ${describeStorageError(error)}` };
  }
}

/**
 * Backs up the current data before an import, restore or delete writes, where the platform keeps backups. A
 * backup that fails stops what was to follow: nothing is changed without one.
 */
export async function backupFirst(
  platform: Platform,
  reason: 'before-import' | 'before-delete',
): Promise<void> {
  if (platform.backups) await platform.backups.write(await exportText(), reason);
}

/** A validated file waiting for the lead's review, with what importing it would do. */
export interface PendingImport {
  readonly name: string;
  readonly file: ExportFile;
  /** What the file's signature showed, and who it comes from. */
  readonly signature: SignatureCheck;
  readonly source: FileSource;
  readonly plan: MergePlan;
  /** Set when the changes came from the team server's inbox: applied, they leave it. */
  readonly teamBatch?: { readonly inspectionId: string; readonly hash: string };
}

/** An encrypted file waiting for its passphrase. */
export interface LockedImport {
  readonly kind: 'locked';
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Reads a file the person chooses, validates all of it, and plans the merge. Nothing is written: the plan is
 * shown for review first. Returns an error outcome for a file that cannot be read, the file itself when it is
 * encrypted (to ask for its passphrase), `null` when cancelled.
 */
export async function readImport(platform: Platform): Promise<PendingImport | LockedImport | Outcome | null> {
  let chosen: ChosenFile | null;
  try {
    chosen = await platform.openFile('json');
  } catch (error) {
    // Too large, not a regular file, unreadable: refused before it was read, in the host's words.
    const why = error instanceof Error ? error.message : String(error);
    return { kind: 'error', text: `The file was not imported: ${why}. Nothing was changed.` };
  }
  if (!chosen) return null;
  if (isEncryptedFile(chosen.bytes)) return { kind: 'locked', name: chosen.name, bytes: chosen.bytes };
  return checkAndPlan(chosen.name, await checkExport(chosen.bytes));
}

/** Decrypts an encrypted import with a passphrase, then checks and plans it as any other. */
export async function unlockImport(
  locked: LockedImport,
  passphrase: string,
): Promise<PendingImport | Outcome> {
  // A copy goes to the worker, so the file can be tried again with another passphrase.
  return checkAndPlan(locked.name, await checkExport(locked.bytes.slice(), passphrase));
}

async function checkAndPlan(
  name: string,
  parsed: Awaited<ReturnType<typeof checkExport>>,
): Promise<PendingImport | Outcome> {
  const chosen = { name };
  if (!parsed.ok && 'locked' in parsed) {
    return { kind: 'error', text: `${chosen.name} was not opened: ${parsed.problem}.` };
  }
  if (!parsed.ok) {
    return {
      kind: 'error',
      text: `${chosen.name} was not imported: ${parsed.error.message}. Nothing was changed.`,
    };
  }
  try {
    // The frameworks the file carries are held for the review (checked again here, against every framework
    // this window holds); they are stored only when the import is applied.
    for (const framework of frameworksOf(parsed.file)) registerFramework(framework);
    const source = await sourceOfFile(parsed.file, parsed.signature);
    return {
      name: chosen.name,
      file: parsed.file,
      signature: parsed.signature,
      source,
      plan: await planImport(parsed.file, source),
    };
  } catch (error) {
    const why =
      error instanceof MergeError ||
      error instanceof InterchangeError ||
      error instanceof FrameworkConflictError
        ? error.message
        : describeStorageError(error);
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
    await backupFirst(platform, 'before-import');
    const { applied } = await applyImport(pending.file, resolutions, by, pending.name, pending.source);
    if (pending.teamBatch) {
      // Resolved: it leaves the team inbox, and the lead's choices go to the team at once.
      await removeFromTeamInbox(pending.teamBatch.inspectionId, pending.teamBatch.hash);
      syncSoon();
    }
    // What undo remembers was written before the import: it must not replay over what came in.
    useCasescore.getState().clearUndo();
    const names = pending.plan.inspections.map((i) => i.name).join(', ');
    return {
      kind: 'info',
      text: `Imported ${pending.name} into ${names}: ${applied} change${applied === 1 ? '' : 's'}.`,
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
    if (!parsed.ok && 'locked' in parsed)
      return { kind: 'error', text: `${name} cannot be restored: ${parsed.problem}. Nothing was changed.` };
    if (!parsed.ok)
      return {
        kind: 'error',
        text: `${name} cannot be restored: ${parsed.error.message}. Nothing was changed.`,
      };
    // Nothing of it opens (every inspection in it was erased since): restoring would only empty the store.
    if (parsed.erased?.length && parsed.file.inspections.length === 0) {
      return {
        kind: 'error',
        text: `${name} cannot be restored: every inspection in it was deleted for good since (their keys with them): ${parsed.erased.join(', ')}. Nothing was changed.`,
      };
    }
    await backupFirst(platform, 'before-import');
    const count = await replaceAllWith(parsed.file, by, name);
    useCasescore.getState().clearUndo();
    // A sealed backup's inspections deleted for good since cannot be opened: their keys went with them.
    const erased = parsed.erased?.length
      ? ` Not restored, deleted for good since (their keys with them): ${parsed.erased.join(', ')}.`
      : '';
    return {
      kind: 'info',
      text: `Restored ${count} inspection${count === 1 ? '' : 's'} from ${name}.${erased}`,
    };
  } catch (error) {
    return {
      kind: 'error',
      text: `${name} was not restored. ${describeStorageError(error)} Nothing was changed.`,
    };
  }
}

/**
 * Trusts the key that signed a pending file (the lead has checked its fingerprint), adding it to the team list,
 * and plans the file again: its changes are now from a verified team member.
 */
export async function trustPendingKey(
  pending: PendingImport,
  member: { initials: string; name?: string },
  by: string,
): Promise<PendingImport> {
  if (!pending.source.publicKey) throw new Error('The file is not signed, so there is no key to trust.');
  await trustKey({ publicKey: pending.source.publicKey, ...member }, by);
  const source = await sourceOfFile(pending.file, pending.signature);
  return { ...pending, source, plan: await planImport(pending.file, source) };
}
