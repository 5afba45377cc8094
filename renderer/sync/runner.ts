/**
 * Keeps syncing while a server is set and reachable, and stops cleanly: a round for every inspection this
 * device shares, then a pause (longer while the server cannot be reached), until `stop()`. Started once the
 * install has its signing key and the merge planner is plugged in (see `IncomingChanges` in engine.ts).
 */
import type { SigningKeys } from '#shared/interchange';
import { readSyncServer, syncStorage, type SyncStorage } from '../db/sync-state';
import { syncRound, type IncomingChanges } from './engine';
import { SyncServer } from './server-api';
import { setSyncStatus, type SyncStatus } from './status';

export interface RunnerOptions {
  readonly keys: SigningKeys;
  readonly incoming?: IncomingChanges;
  /** Inspections to share besides those already syncing (the ones open on this device). */
  readonly inspectionIds?: () => Promise<readonly string[]>;
  readonly storage?: SyncStorage;
  readonly server?: () => Promise<string | null>;
  /** Pause between rounds, and the longest pause while unreachable. */
  readonly intervalMs?: number;
  readonly maxBackoffMs?: number;
}

/** Starts syncing; returns a function that stops it after the round in progress. */
export function startSync(options: RunnerOptions): () => void {
  const storage = options.storage ?? syncStorage();
  const interval = options.intervalMs ?? 10_000;
  const maxBackoff = options.maxBackoffMs ?? 120_000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let api: SyncServer | null = null;

  const round = async () => {
    const url = await (options.server ?? readSyncServer)();
    if (!url) {
      setSyncStatus({ state: 'off', lastSyncedAt: null, waiting: 0, incoming: 0 });
      return interval;
    }
    if (api?.baseUrl !== url) api = new SyncServer(url, options.keys);
    const ids = new Set([...(await storage.inspectionIds()), ...((await options.inspectionIds?.()) ?? [])]);
    let outcome: SyncStatus['state'] = 'synced';
    let message: string | undefined;
    for (const id of ids) {
      if (stopped) return interval;
      const result = await syncRound(id, {
        server: api,
        storage,
        keys: options.keys,
        incoming: options.incoming,
      });
      if (result.kind === 'unreachable') {
        outcome = 'unreachable';
        message = result.message;
        break;
      }
      if (result.kind === 'refused') {
        outcome = 'refused';
        message = result.message;
      }
    }
    let waiting = 0;
    let incoming = 0;
    let lastSyncedAt: string | null = null;
    for (const id of ids) {
      const state = await storage.readState(id);
      waiting += state.outbox.length;
      incoming += state.inbox.length;
      if (state.lastSyncedAt && (!lastSyncedAt || state.lastSyncedAt > lastSyncedAt))
        lastSyncedAt = state.lastSyncedAt;
    }
    setSyncStatus({ state: outcome, lastSyncedAt, waiting, incoming, ...(message ? { message } : {}) });
    failures = outcome === 'unreachable' ? failures + 1 : 0;
    return failures ? Math.min(maxBackoff, interval * 2 ** failures) : interval;
  };

  const loop = async () => {
    if (stopped) return;
    let pause = interval;
    try {
      pause = await round();
    } catch (error) {
      setSyncStatus({
        state: 'refused',
        lastSyncedAt: null,
        waiting: 0,
        incoming: 0,
        message: error instanceof Error ? error.message : String(error),
      });
    }
    if (!stopped) timer = setTimeout(() => void loop(), pause);
  };
  void loop();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
