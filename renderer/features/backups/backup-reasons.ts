// Why a backup was taken, in the words the restore screen shows.
import type { BackupInfo, BackupReason } from '#shared/ipc';

/** Each reason in words. */
export const BACKUP_REASON_WORDS: Readonly<Record<BackupReason, string>> = {
  timer: 'Automatic, while you worked',
  quit: 'When Casescore closed',
  'before-import': 'Before an import',
  'before-delete': 'Before a delete',
};

/** Why this backup was taken, or that an older version did not say. */
export function whyTaken(backup: BackupInfo): string {
  if (backup.reason) return BACKUP_REASON_WORDS[backup.reason];
  return backup.kind === 'before-import' ? BACKUP_REASON_WORDS['before-import'] : 'Not recorded';
}
