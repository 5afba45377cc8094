// The frame around every screen: the header and navigation, messages, and the first-run initials gate.
import { useEffect, type ReactNode } from 'react';
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
import { ScreenBoundary } from './ErrorBoundary';

export function Layout({ children }: { children: ReactNode }) {
  const initials = useInitials();
  const host = platform();
  useAutoBackup(host);
  useMenuCommands(host, initials ?? null);
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
    // What has been in the bin for 30 days is emptied for good.
    void emptyExpiredBin().catch(() => undefined);
  }, []);
  return (
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
        {initials && (
          <span className="who" aria-label={`Signed as ${initials}`}>
            {initials}
          </span>
        )}
      </header>
      <div id="content">
        {initials === undefined ? null : initials === null ? (
          <InitialsPrompt />
        ) : (
          <ActorContext value={initials}>
            <ScreenBoundary>{children}</ScreenBoundary>
            <MenuExportDialog />
          </ActorContext>
        )}
      </div>
      <Notices />
    </>
  );
}
