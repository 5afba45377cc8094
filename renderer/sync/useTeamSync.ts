/**
 * Starts the team server's runner while the app has someone using it and a server is set, and stops it cleanly
 * when the server is unset or changed (or the app closes). The runner needs this install's signing key (made on
 * first use); the host is told the address first, since on the desktop its main process is the only way out.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { Roster } from '#shared/sync';
import { onChangeCommitted, signingKeys, teamMemberByKey } from '../db';
import { localInspectionIds, readSyncServer } from '../db/sync-state';
import { readAllTeamInboxes } from '../db/team-inbox';
import type { Platform } from '../platform';
import { teamIncoming } from './incoming';
import { startSync, syncSoon } from './runner';
import { setSyncStatus } from './status';

const OFF = { state: 'off', lastSyncedAt: null, waiting: 0, incoming: 0 } as const;

/** The lead's signature is trusted when it is this install's own key or a colleague's on its team list. */
async function trustsLead(roster: Roster): Promise<boolean> {
  const key = roster.signature.publicKey;
  return (await signingKeys()).publicKey === key || !!(await teamMemberByKey(key));
}

export function useTeamSync(host: Platform, active: boolean): void {
  const server = useLiveQuery(() => readSyncServer());

  useEffect(() => {
    if (!active || server === undefined) return;
    if (!server) {
      setSyncStatus(OFF);
      void host.teamServer.use(null).catch(() => undefined);
      return;
    }
    const problem = host.teamServer.problem(server);
    if (problem) {
      setSyncStatus({ ...OFF, state: 'refused', message: problem });
      return;
    }
    let stop: (() => void) | null = null;
    let cancelled = false;
    void (async () => {
      try {
        await host.teamServer.use(server);
        const keys = await signingKeys();
        if (cancelled) return;
        stop = startSync({
          keys,
          incoming: teamIncoming(),
          server: async () => server,
          fetch: (url, init) => host.teamServer.fetch(url, init),
          inspectionIds: localInspectionIds,
          trustsLead,
          toResolve: async () => (await readAllTeamInboxes()).length,
        });
      } catch (error) {
        setSyncStatus({
          ...OFF,
          state: 'refused',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [host, active, server]);

  // A change made here goes out soon, not at the next pause's end: half a second after the last of a run of
  // changes (an inspector answering question after question), heard without reading anything.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onChangeCommitted(() => {
      clearTimeout(timer);
      timer = setTimeout(syncSoon, 500);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, []);
}
