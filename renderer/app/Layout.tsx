// The frame around every screen: the header and navigation, messages, and the first-run initials gate.
import { useEffect, useMemo, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { emptyExpiredBin, onDatabaseUpgradedElsewhere, useInitials } from '../db';
import { useCasescore } from '../state/store';
import { useAutoBackup } from '../features/backups/useAutoBackup';
import { platform } from '../platform';
import { useMenuCommands } from './useMenuCommands';
import { MenuExportDialog } from '../features/transfer/ExportButton';
import { ActorContext } from '../features/settings/actor';
import { InitialsPrompt } from '../features/settings/InitialsPrompt';
import { requestPersistence } from '../features/settings/storage';
import { Notices } from './Notices';
import { FrameworksGate } from '../features/frameworks/FrameworksGate';
import { ScreenBoundary } from './ErrorBoundary';
import { LockButton, LockScreen } from '../features/lock/LockScreen';
import { useLock } from '../features/lock/lock-state';
import { useIdleLock } from '../features/lock/useIdleLock';
import { useKeysClosed } from '../features/protection/useAtRestOpen';
import { SyncStatusLine } from '../sync/SyncStatusLine';
import { useTeamSync } from '../sync/useTeamSync';

export function Layout({ children }: { children: ReactNode }) {
  const initials = useInitials();
  const host = platform();
  useAutoBackup(host);
  useMenuCommands(host, initials ?? null);
  // The lock guards case content, so it starts once there is someone using the app.
  // With encryption at rest on, keys closed in this window (locked in another) lock it too.
  const keysClosed = useKeysClosed();
  const locked = (useLock((s) => s.locked) || keysClosed) && !!initials;
  useIdleLock(host, !!initials);
  // With encryption at rest on and the keys closed nothing of a case can be read or written: sync waits.
  useTeamSync(host, !!initials && !keysClosed);
  const notify = useCasescore((s) => s.notify);
  useEffect(
    () =>
      onDatabaseUpgradedElsewhere(() =>
        notify({
          kind: 'error',
          sticky: true,
          text: 'Casescore was updated in another window, so this window has stopped saving. Reload it to go on: everything saved so far is kept.',
          action: { label: 'Reload', run: () => window.location.reload() },
        }),
      ),
    [notify],
  );
  useEffect(() => {
    // Ask once per start for storage the browser will not clear; Settings shows the answer.
    void requestPersistence();
  }, []);
  useEffect(() => {
    // What has been in the bin for 30 days is emptied for good, in the name of whoever is using the app.
    if (initials) void emptyExpiredBin(new Date(), initials).catch(() => undefined);
  }, [initials]);
  // The frame's hooks run again after every write (an answer writes this install's change counter, which some
  // of them read), but what the frame draws depends on these three alone: it is not drawn again for nothing
  // (its links, the lock button, the screen's boundaries) while an inspector answers.
  return useMemo(
    () => (
      <>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <header className="app-header">
          <span className="brand">Casescore</span>
          {initials && (
            <nav aria-label="Main">
              <NavLink to="/" end>
                Inspections
              </NavLink>
              <NavLink to="/backups">Backups</NavLink>
              <NavLink to="/bin">Bin</NavLink>
              <NavLink to="/settings">Settings</NavLink>
            </nav>
          )}
          {initials && <SyncStatusLine />}
          {initials && (
            <span className="who" aria-label={`Signed as ${initials}`}>
              {initials}
            </span>
          )}
          {initials && !locked && <LockButton />}
        </header>
        {/* Locked: the screens stay mounted (typing, scroll and focus come back) but nothing of them shows. */}
        <div id="content" hidden={locked}>
          {initials === undefined ? null : initials === null ? (
            <InitialsPrompt />
          ) : (
            <ActorContext value={initials}>
              <ScreenBoundary>
                <FrameworksGate>{children}</FrameworksGate>
              </ScreenBoundary>
              <MenuExportDialog />
            </ActorContext>
          )}
        </div>
        {!locked && <Notices />}
        {locked && <LockScreen />}
      </>
    ),
    [initials, locked, children],
  );
}
