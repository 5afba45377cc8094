// Restore from backup: the automatic backups, newest first, each restorable through the import path (full
// validation, and a backup of the current data first).
import { useEffect, useState } from 'react';
import type { BackupInfo } from '#shared/ipc';
import { platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { Dialog, DialogFooter } from '../../ui/Dialog';
import { describeBytes } from '../settings/storage';
import { useActor } from '../settings/actor';
import { restoreBackup } from '../transfer/transfer';
import { whyTaken } from './backup-reasons';
import { Problem } from '../../ui/Message';

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function BackupsPage() {
  const host = platform();
  const by = useActor();
  const notify = useCasescore((s) => s.notify);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  useEffect(() => {
    if (!host.backups) return;
    let live = true;
    host.backups.list().then(
      (list) => live && setBackups(list),
      (error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [host]);

  if (!host.backups) {
    return (
      <main className="page page--narrow">
        <h1>Backups</h1>
        <p>
          The desktop app keeps automatic backups in its data folder. In a browser there is no folder to keep
          them in: export your inspections regularly instead.
        </p>
      </main>
    );
  }

  return (
    <main className="page page--narrow">
      <h1>Restore from backup</h1>
      <p className="hint">
        Casescore backs up every few minutes while you work, before every import and delete, and when you
        quit; the newest 20 are kept
        {host.kind === 'desktop' ? ', and the newest 10 from before an import besides' : ''}
        {host.kind === 'browser'
          ? ' in this browser’s storage (clearing the site’s data removes them, so export regularly too)'
          : ''}
        . Restoring replaces everything here with the backup, after taking a backup of what is here now.
      </p>
      <Problem text={problem} />
      {backups === null ? (
        <p>Loading…</p>
      ) : backups.length === 0 ? (
        <p className="empty">No backups yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Written</th>
              <th scope="col">Why</th>
              <th scope="col" className="numeric">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <th scope="row">{when(b.writtenAt)}</th>
                <td>{whyTaken(b)}</td>
                <td className="numeric">{describeBytes(b.bytes)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Restore the backup of ${when(b.writtenAt)} (${whyTaken(b).toLowerCase()})`}
                    onClick={() => setRestoring(b)}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <Dialog title="Restore this backup?" onClose={() => setRestoring(null)} startOn="cancel">
          <p>
            Everything here will be replaced by the backup of {when(restoring.writtenAt)}. What is here now is
            backed up first, so this can be undone by restoring that backup.
          </p>
          <DialogFooter onCancel={() => setRestoring(null)}>
            <button
              type="button"
              className="button button--danger"
              onClick={async () => {
                const outcome = await restoreBackup(host, restoring.name, by);
                setRestoring(null);
                notify(outcome);
                setBackups(await host.backups!.list());
              }}
            >
              Restore backup
            </button>
          </DialogFooter>
        </Dialog>
      )}
    </main>
  );
}
