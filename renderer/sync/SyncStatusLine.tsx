// The team server's status in the header: shown once a server is set (last synced, changes waiting, server
// unreachable), so an inspector can see their changes have gone, or why not; with a way to the team inbox when
// changes from the team wait for the lead.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { readSyncServer } from '../db/sync-state';
import { describeSyncStatus, shownStatus, useSyncStatus } from './status';
import './sync.css';

export function SyncStatusLine() {
  const server = useLiveQuery(() => readSyncServer());
  const status = shownStatus(useSyncStatus());
  if (!server) return null;
  const problem = status.state === 'unreachable' || status.state === 'refused';
  return (
    <span className="sync-line">
      {/* The whole line on hover, should a narrow window cut it short. */}
      <span
        role="status"
        className={`sync-status${problem ? ' sync-status--problem' : ''}`}
        title={describeSyncStatus(status)}
      >
        {describeSyncStatus(status)}
      </span>
      {(status.toResolve ?? 0) > 0 && (
        <Link className="sync-inbox-link" to="/import">
          Team inbox
        </Link>
      )}
    </span>
  );
}
