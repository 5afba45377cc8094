/**
 * Automatic backups: full exports written atomically (owner-only, see atomic-write.ts) to a backups folder
 * under the user data folder that only its owner can open.
 *
 * Each backup's name carries a sequence number one above the highest in the folder, then the time it was
 * written: `casescore-backup-000042-2026-11-26T09-00-00-000Z.json`. Rotation keeps the highest sequence
 * numbers, so a clock that goes backwards can never make the backup just written look oldest and remove it.
 * Backups taken before an import (`casescore-before-import-…`) are counted apart from the timed ones, so
 * backups taken every five minutes never push out the copy from before an import, and a run of imports never
 * pushes out the timed ones. Why a backup was taken ends its name (`…-quit.json`, `…-before-delete.json`,
 * `…-timer.json`), so the restore screen can say; names from before that say nothing and are listed without.
 *
 * Main validates every backup as an export before writing it, so a renderer that sends "xx" (or 64 MB of
 * anything) cannot replace good backups with bad ones. A crash between writing and renaming leaves only a
 * temporary file, which is never listed, and every earlier backup intact.
 */
import { chmod, lstat, mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MAX_BYTES, looksSealed, parseSealedBackup, tryParseExport } from '#shared/interchange';
import type { BackupInfo, BackupKind, BackupReason } from '#shared/ipc';
import { PRIVATE_FILE_MODE, writeFileAtomically } from './atomic-write';
import { readRegularFile } from './read-file';

/** How many timed backups are kept. */
export const BACKUPS_KEPT = 20;
/** How many backups from before an import are kept, apart from the timed ones. */
export const BEFORE_IMPORT_KEPT = 10;

const PREFIX: Readonly<Record<BackupKind, string>> = {
  timed: 'casescore-backup',
  'before-import': 'casescore-before-import',
};
const STAMP = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)';
/** The reasons a timed backup's name may end with (one before an import says so in its prefix). */
const TIMED_REASONS: readonly BackupReason[] = ['timer', 'quit', 'before-delete'];
const NAME = new RegExp(
  `^(casescore-backup|casescore-before-import)-(\\d{6,})-${STAMP}(?:-(${TIMED_REASONS.join('|')}))?\\.json$`,
);
/** Names the first versions wrote (time only): still listed and restorable, rotated out first. */
const OLD_NAME = new RegExp(`^casescore-backup-${STAMP}(?:-(\\d+))?\\.json$`);

/** A backup file's name, read. */
interface ParsedName {
  readonly kind: BackupKind;
  /** 0 for a name without one (the first versions'). */
  readonly sequence: number;
  readonly writtenAt: string;
  /** Why it was taken, when the name says. */
  readonly reason?: BackupReason;
}

/** The file name for a backup of this kind, with this sequence number, written at `at`, for this reason. */
export function backupName(
  at: Date,
  sequence: number,
  kind: BackupKind = 'timed',
  reason?: BackupReason,
): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const why = kind === 'timed' && reason && TIMED_REASONS.includes(reason) ? `-${reason}` : '';
  return `${PREFIX[kind]}-${String(sequence).padStart(6, '0')}-${stamp}${why}.json`;
}

function stampToIso(stamp: string): string {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

/** What a backup's name says; `null` for a name that is not a backup's. */
export function parseBackupName(name: string): ParsedName | null {
  const match = NAME.exec(name);
  if (match) {
    const kind: BackupKind = match[1] === PREFIX['before-import'] ? 'before-import' : 'timed';
    const reason = kind === 'before-import' ? 'before-import' : (match[4] as BackupReason | undefined);
    return {
      kind,
      sequence: Number(match[2]),
      writtenAt: stampToIso(match[3] as string),
      ...(reason ? { reason } : {}),
    };
  }
  const old = OLD_NAME.exec(name);
  return old ? { kind: 'timed', sequence: 0, writtenAt: stampToIso(old[1] as string) } : null;
}

/** When a backup file was written, read from its name; `null` for a name that is not a backup's. */
export function writtenAt(name: string): string | null {
  return parseBackupName(name)?.writtenAt ?? null;
}

interface Listed extends BackupInfo {
  readonly sequence: number;
  readonly mode: number;
}

/** Backup files in the folder (regular files only: a planted link or folder is never listed), newest first. */
async function listed(folder: string): Promise<Listed[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const backups: Listed[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const info = await lstat(join(folder, name)).catch(() => null);
    if (!info?.isFile()) continue;
    backups.push({ name, ...parsed, bytes: info.size, mode: info.mode });
  }
  // Highest sequence first; the first versions' names (no sequence) by their time.
  return backups.sort((a, b) => b.sequence - a.sequence || b.name.localeCompare(a.name));
}

/** The backups in a folder, newest first. */
export async function listBackups(folder: string): Promise<BackupInfo[]> {
  return (await listed(folder)).map(({ name, writtenAt: at, bytes, kind, reason }) => ({
    name,
    writtenAt: at,
    bytes,
    kind,
    ...(reason ? { reason } : {}),
  }));
}

/** Raised when main refuses to write a backup, saying why in words. */
export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

/**
 * Why `text` is not a backup, or `null` when it is one: a whole valid export, or, with encryption at rest on, a
 * sealed backup's envelope. Main holds no key, so of a sealed backup it checks what can be checked without one
 * (safe JSON, format and version, a random id, each part base64 of a sealed value, each inspection once); that
 * the parts open and hold a valid export is checked by the renderer when it restores one.
 */
export function backupProblem(text: string): string | null {
  if (looksSealed(text)) {
    try {
      parseSealedBackup(text);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  const parsed = tryParseExport(text);
  return parsed.ok ? null : parsed.error.message;
}

/**
 * Validates `text` as a whole export (or a sealed backup), writes it as a backup of this kind atomically, then removes all but the
 * newest of its kind. The backup just written has the highest sequence number, so it is never removed.
 * @throws BackupRefused when the text is not a valid export; nothing is written or removed.
 */
export async function writeBackup(
  folder: string,
  text: string,
  at: Date = new Date(),
  kind: BackupKind = 'timed',
  reason?: BackupReason,
): Promise<BackupInfo> {
  const problem = backupProblem(text);
  if (problem) throw new BackupRefused(`The backup was not written: ${problem}`);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // A folder made by an earlier version (or by hand) is made private too.
  await chmod(folder, 0o700).catch(() => undefined);
  const before = await listed(folder);
  const sequence = Math.max(0, ...before.map((b) => b.sequence)) + 1;
  const name = backupName(at, sequence, kind, reason);
  await writeFileAtomically(join(folder, name), text);
  // Backups an earlier version wrote readable by others are made owner-only.
  for (const old of before) {
    if ((old.mode & 0o077) !== 0)
      await chmod(join(folder, old.name), PRIVATE_FILE_MODE).catch(() => undefined);
  }
  const all = await listed(folder);
  const keep = kind === 'timed' ? BACKUPS_KEPT : BEFORE_IMPORT_KEPT;
  const sameKind = all.filter((b) => b.kind === kind);
  for (const old of sameKind.slice(keep)) {
    if (old.name !== name) await unlink(join(folder, old.name));
  }
  const written = all.find((b) => b.name === name);
  if (!written) throw new Error(`The backup ${name} was written but cannot be found`);
  return {
    name,
    writtenAt: written.writtenAt,
    bytes: written.bytes,
    kind,
    ...(written.reason ? { reason: written.reason } : {}),
  };
}

/** Reads a backup by name; only regular backup files in the folder, no larger than an export may be. */
export async function readBackup(folder: string, name: string): Promise<{ name: string; text: string }> {
  if (!parseBackupName(name)) throw new Error(`${name} is not a Casescore backup`);
  const path = join(folder, name);
  const info = await lstat(path);
  if (!info.isFile()) throw new Error(`${name} is not a Casescore backup`);
  return { name, text: (await readRegularFile(path, name, DEFAULT_MAX_BYTES)).toString('utf8') };
}
