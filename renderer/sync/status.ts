/**
 * The team server's status on this device, for the status line and Settings: off, syncing, synced (when),
 * changes waiting to be sent or looked at, the server unreachable, or a refusal in the server's words.
 */
import { create } from 'zustand';

export interface SyncStatus {
  readonly state: 'off' | 'needs-key' | 'syncing' | 'synced' | 'unreachable' | 'refused';
  /** When the last round went all the way through (this device's clock). */
  readonly lastSyncedAt: string | null;
  /** Batches in outboxes, not yet acknowledged by the server. */
  readonly waiting: number;
  /** Pulled batches the merge planner has not yet dealt with. */
  readonly incoming: number;
  /** Batches from the team with changes waiting for the lead in the team inbox (import review). */
  readonly toResolve?: number;
  /** The server's or the network's words, for unreachable and refused. */
  readonly message?: string;
}

export const useSyncStatus = create<SyncStatus>(() => ({
  state: 'off',
  lastSyncedAt: null,
  waiting: 0,
  incoming: 0,
}));

export function setSyncStatus(status: SyncStatus): void {
  useSyncStatus.setState(status, true);
}

/**
 * The status to show once a server is set: until the runner has started (it needs this install's signing key),
 * "off" would wrongly say no server is set.
 */
export function shownStatus(status: SyncStatus): SyncStatus {
  return status.state === 'off' ? { ...status, state: 'needs-key' } : status;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The status in one line of words. */
export function describeSyncStatus(status: SyncStatus, now: Date = new Date()): string {
  const waiting = status.waiting > 0 ? `${plural(status.waiting, 'batch', 'batches')} waiting to send` : '';
  const incoming =
    status.incoming > 0 ? `${plural(status.incoming, 'batch', 'batches')} from the team to take in` : '';
  const toResolve = status.toResolve
    ? `${plural(status.toResolve, 'batch', 'batches')} in the team inbox`
    : '';
  const extra = [waiting, incoming, toResolve].filter(Boolean).join(', ');
  const tail = extra ? `; ${extra}` : '';
  switch (status.state) {
    case 'off':
      return 'Team server: off (no server set in Settings)';
    case 'needs-key':
      return 'Team server: waiting for this install’s signing key';
    case 'syncing':
      return `Team server: syncing…${tail}`;
    case 'synced':
      // Reachable, with nothing shared with this laptop yet: nothing has been synced, so it says connected.
      return status.lastSyncedAt
        ? `Team server: synced ${whenSynced(status.lastSyncedAt, now)}${tail}`
        : `Team server: connected, no inspection shared with this laptop yet${tail}`;
    case 'unreachable':
      return `Team server: unreachable, changes kept here${tail}`;
    case 'refused':
      return `Team server: refused: ${status.message ?? 'no reason given'}${tail}`;
  }
}

function whenSynced(at: string, now: Date): string {
  const seconds = Math.round((now.getTime() - Date.parse(at)) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return `at ${new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`;
}
