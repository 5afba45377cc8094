/**
 * Automatic backups: full exports written atomically to a backups folder under the user data folder, named by
 * the time they were written, the newest 20 kept. A crash between writing and renaming leaves only a temporary
 * file, which is never listed, and every earlier backup intact.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/ipc';
import { writeFileAtomically } from './atomic-write';

/** How many backups are kept. */
export const BACKUPS_KEPT = 20;

const NAME = /^casescore-backup-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.json$/;

/** The file name for a backup written at `at`. */
export function backupName(at: Date, sequence = 0): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `casescore-backup-${stamp}${sequence > 0 ? `-${sequence}` : ''}.json`;
}

/** When a backup file was written, read from its name; `null` for a name that is not a backup's. */
export function writtenAt(name: string): string | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [date, time] = (match[1] as string).split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

/** The backups in a folder, newest first. */
export async function listBackups(folder: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const at = writtenAt(name);
    if (!at) continue;
    const info = await stat(join(folder, name));
    backups.push({ name, writtenAt: at, bytes: info.size });
  }
  return backups.sort((a, b) => b.name.localeCompare(a.name));
}

/** Writes a backup atomically and removes all but the newest `BACKUPS_KEPT`. */
export async function writeBackup(folder: string, text: string, at: Date = new Date()): Promise<BackupInfo> {
  await mkdir(folder, { recursive: true });
  const existing = new Set((await listBackups(folder)).map((b) => b.name));
  let sequence = 0;
  while (existing.has(backupName(at, sequence))) sequence += 1;
  const name = backupName(at, sequence);
  await writeFileAtomically(join(folder, name), text);
  const all = await listBackups(folder);
  for (const old of all.slice(BACKUPS_KEPT)) await unlink(join(folder, old.name));
  const written = all.find((b) => b.name === name);
  if (!written) throw new Error(`The backup ${name} was written but cannot be found`);
  return written;
}

/** Reads a backup by name; only names of backup files in the folder are accepted. */
export async function readBackup(folder: string, name: string): Promise<{ name: string; text: string }> {
  if (!writtenAt(name)) throw new Error(`${name} is not a Casescore backup`);
  return { name, text: await readFile(join(folder, name), 'utf8') };
}
