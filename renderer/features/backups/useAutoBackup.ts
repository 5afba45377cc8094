// Automatic backups on the desktop: every few minutes while there are changes, and once more as the app quits.
import { useEffect, useRef } from 'react';
import { atRestEnabled, atRestOpen, latestChange } from '../../db';
import type { Platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { exportText } from '../transfer/transfer';

/** How often to look for changes to back up. */
export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;

/** Writes a backup if anything changed since the last one; returns whether it wrote. */
export async function backupIfChanged(
  platform: Platform,
  lastBackedUp: { current: number },
  reason: 'timer' | 'quit',
): Promise<boolean> {
  if (!platform.backups) return false;
  // Locked with encryption at rest on: nothing can be read, and nothing has changed since the lock.
  if (atRestEnabled() && !atRestOpen()) return false;
  const change = await latestChange();
  if (change === lastBackedUp.current && reason === 'timer') return false;
  await platform.backups.write(await exportText(), reason);
  lastBackedUp.current = change;
  return true;
}

/** Keeps automatic backups going while the app is open. */
export function useAutoBackup(platform: Platform): void {
  const lastBackedUp = useRef(-1);
  const notify = useCasescore((s) => s.notify);
  useEffect(() => {
    if (!platform.backups) return;
    const run = (reason: 'timer' | 'quit') =>
      backupIfChanged(platform, lastBackedUp, reason).catch((error: unknown) =>
        notify({
          kind: 'error',
          text: `The automatic backup failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    const timer = setInterval(() => void run('timer'), BACKUP_INTERVAL_MS);
    const stopQuit = platform.onBeforeQuit(() => void run('quit'));
    return () => {
      clearInterval(timer);
      stopQuit();
    };
  }, [platform, notify]);
}
