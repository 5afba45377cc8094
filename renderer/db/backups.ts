/**
 * Backups kept in the browser's own storage, for when Casescore runs in a browser and has no backups folder:
 * the newest 20, each a full export, written in one transaction with the removal of the oldest.
 */
import type { BackupInfo } from '#shared/ipc';
import { database } from './database';
import type { StoredBackup } from './entities';

/** How many backups the browser keeps, as the desktop does. */
export const BROWSER_BACKUPS_KEPT = 20;

/** Writes a backup and removes all but the newest kept. */
export async function writeBrowserBackup(text: string, reason: StoredBackup['reason']): Promise<BackupInfo> {
  const db = database();
  return db.transaction('rw', db.backups, async () => {
    let at = new Date();
    // Names are times; two backups in one millisecond get consecutive ones.
    while (await db.backups.get(`casescore-backup-${at.toISOString()}`)) at = new Date(at.getTime() + 1);
    const backup: StoredBackup = {
      name: `casescore-backup-${at.toISOString()}`,
      writtenAt: at.toISOString(),
      bytes: text.length,
      reason,
      text,
    };
    await db.backups.add(backup);
    const names = await db.backups.orderBy('writtenAt').reverse().primaryKeys();
    await db.backups.bulkDelete(names.slice(BROWSER_BACKUPS_KEPT));
    return { name: backup.name, writtenAt: backup.writtenAt, bytes: backup.bytes, reason };
  });
}

/** The browser's backups, newest first. */
export async function listBrowserBackups(): Promise<BackupInfo[]> {
  const all = await database().backups.orderBy('writtenAt').reverse().toArray();
  return all.map(({ name, writtenAt, bytes, reason }) => ({ name, writtenAt, bytes, reason }));
}

/** One backup's text. */
export async function readBrowserBackup(name: string): Promise<{ name: string; text: string }> {
  const backup = await database().backups.get(name);
  if (!backup) throw new Error(`There is no backup ${name}`);
  return { name, text: backup.text };
}
