/**
 * Keeps syncing while a server is set and reachable, and stops cleanly: a round for every inspection this
 * device holds, then a pause (longer while the server cannot be reached or refuses), until `stop()`. A change made here, or
 * **Sync now**, wakes it at once (`syncSoon`). Started by the app once the install has its signing key
 * (useTeamSync.ts), with the merge planner plugged in (incoming.ts).
 */
import type { SigningKeys } from '#shared/interchange';
import type { Roster } from '#shared/sync';
import { readSyncServer, syncStorage, type SyncStorage } from '../db/sync-state';
import { syncRound, type IncomingChanges } from './engine';
import { SyncServer } from './server-api';
import { setSyncStatus, type SyncStatus } from './status';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface RunnerOptions {
  readonly keys: SigningKeys;
  readonly incoming?: IncomingChanges;
  /** Inspections to offer besides those already syncing (those held on this device). */
  readonly inspectionIds?: () => Promise<readonly string[]>;
  readonly storage?: SyncStorage;
  readonly server?: () => Promise<string | null>;
  /** How requests reach the server (the desktop's main process, or the page's fetch). */
  readonly fetch?: Fetch;
  /** Whether this device trusts the lead who signed a team list. */
  readonly trustsLead?: (roster: Roster) => Promise<boolean>;
  /** Changes that wait for the lead on this device (the team inbox), for the status line. */
  readonly toResolve?: () => Promise<number>;
  /** Pause between rounds, and the longest pause while unreachable. */
  readonly intervalMs?: number;
  readonly maxBackoffMs?: number;
}

/** Runners to wake when something changes here or someone asks to sync now. */
const wakers = new Set<(everything: boolean) => void>();

/**
 * Runs a round soon in every runner, instead of waiting for the pause to end. A change made here wakes it for
 * the inspections known to be shared; `everything` (Sync now, a team list published) asks about every one,
 * since asking the server about every inspection held here on each keystroke would hammer it.
 */
export function syncSoon(options: { readonly everything?: boolean } = {}): void {
  for (const wake of wakers) wake(options.everything === true);
}

/** An inspection the server does not share with this device is asked about again after this many rounds. */
const NOT_SHARED_ROUNDS = 6;

/** Starts syncing; returns a function that stops it after the round in progress. */
export function startSync(options: RunnerOptions): () => void {
  const storage = options.storage ?? syncStorage();
  const interval = options.intervalMs ?? 10_000;
  const maxBackoff = options.maxBackoffMs ?? 120_000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let againEverything = false;
  let failures = 0;
  let api: SyncServer | null = null;
  // Inspections the server said are not shared with this device, and the round to ask again.
  const notShared = new Map<string, number>();
  let roundNumber = 0;

  const round = async (everything: boolean) => {
    roundNumber += 1;
    const url = await (options.server ?? readSyncServer)();
    if (!url) {
      setSyncStatus({ state: 'off', lastSyncedAt: null, waiting: 0, incoming: 0 });
      return interval;
    }
    if (api?.baseUrl !== url) api = new SyncServer(url, options.keys, options.fetch);
    const ids = new Set([...(await storage.inspectionIds()), ...((await options.inspectionIds?.()) ?? [])]);
    let outcome: SyncStatus['state'] = 'synced';
    let message: string | undefined;
    let asked = false;
    for (const id of ids) {
      if (stopped) return interval;
      if (!everything && (notShared.get(id) ?? 0) > roundNumber) continue;
      asked = true;
      const result = await syncRound(id, {
        server: api,
        storage,
        keys: options.keys,
        ...(options.incoming ? { incoming: options.incoming } : {}),
        ...(options.trustsLead ? { trustsLead: options.trustsLead } : {}),
      });
      if (result.kind === 'not-shared') notShared.set(id, roundNumber + NOT_SHARED_ROUNDS);
      else notShared.delete(id);
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
    // Nothing to ask about: whether the server answers at all is still worth saying.
    if (!asked && !(await api.healthy())) {
      outcome = 'unreachable';
      message = `${url} does not answer`;
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
    const toResolve = (await options.toResolve?.()) ?? 0;
    setSyncStatus({
      state: outcome,
      lastSyncedAt,
      waiting,
      incoming,
      ...(toResolve ? { toResolve } : {}),
      ...(message ? { message } : {}),
    });
    // A server that cannot be reached, or refuses what this laptop sends (revoked, an older team list), is
    // asked less and less often; a change made here or Sync now still asks at once.
    failures = outcome === 'synced' ? 0 : failures + 1;
    return failures ? Math.min(maxBackoff, interval * 2 ** failures) : interval;
  };

  const loop = async (everything = false) => {
    if (stopped) return;
    clearTimeout(timer);
    running = true;
    let pause = interval;
    try {
      pause = await round(everything);
    } catch (error) {
      setSyncStatus({
        state: 'refused',
        lastSyncedAt: null,
        waiting: 0,
        incoming: 0,
        message: error instanceof Error ? error.message : String(error),
      });
    }
    running = false;
    if (stopped) return;
    if (again) {
      const everything = againEverything;
      again = false;
      againEverything = false;
      void loop(everything);
      return;
    }
    timer = setTimeout(() => void loop(), pause);
  };
  const wake = (everything: boolean) => {
    if (stopped) return;
    if (running) {
      again = true;
      againEverything ||= everything;
    } else void loop(everything);
  };
  wakers.add(wake);
  void loop(true);
  return () => {
    stopped = true;
    wakers.delete(wake);
    clearTimeout(timer);
  };
}
