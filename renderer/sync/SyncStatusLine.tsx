// The team server's status in the header: shown once a server is set (last synced, changes waiting, server
// unreachable), so an inspector can see their changes have gone, or why not.
import { useLiveQuery } from 'dexie-react-hooks';
import { readSyncServer } from '../db/sync-state';
import { describeSyncStatus, shownStatus, useSyncStatus } from './status';
import './sync.css';

export function SyncStatusLine() {
  const server = useLiveQuery(() => readSyncServer());
  const status = shownStatus(useSyncStatus());
  if (!server) return null;
  const problem = status.state === 'unreachable' || status.state === 'refused';
  return (
    <span role="status" className={`sync-status${problem ? ' sync-status--problem' : ''}`}>
      {describeSyncStatus(status)}
    </span>
  );
}
