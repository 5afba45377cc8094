import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { database, listBrowserBackups, setAnswer, writeBrowserBackup } from '../../../renderer/db';
import { exportText } from '../../../renderer/features/transfer/transfer';
import { replacePlatform } from '../../../renderer/platform';
import { fakeDesktop } from '../fake-platform';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

describe('the backups screen', () => {
  it('lists backups newest first and restores one after confirmation', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    const host = fakeDesktop();
    replacePlatform(host.platform);
    await setAnswer(caseIds[0]!, 'reviewing.safety', { value: 'yes' }, 'KM');
    await host.platform.backups!.write(await exportText(), 'timer');
    await setAnswer(caseIds[0]!, 'reviewing.safety', { value: 'no' }, 'KM');
    await host.platform.backups!.write(await exportText(), 'timer');

    const { user, screen } = await renderApp('/backups');
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent(/26 Nov 2026/);
    await user.click(within(rows[1]!).getByRole('button', { name: /^Restore the backup of/ }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Restore this backup?' })).getByRole('button', {
        name: 'Restore backup',
      }),
    );
    expect(await screen.findByText(/^Restored 1 inspection from/)).toBeInTheDocument();
    expect((await database().cases.get(caseIds[0]!))?.answers['reviewing.safety']?.value).toBe('yes');
    // The restore backed up what was here first, listed as taken before an import; each row says why.
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));
    const why = screen.getAllByRole('row').map((row) => within(row).queryAllByRole('cell')[0]?.textContent);
    expect(why).toEqual([
      undefined,
      'Before an import',
      'Automatic, while you worked',
      'Automatic, while you worked',
    ]);
  });

  it('in a browser, keeps backups in its own storage and restores them the same way', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    await setAnswer(caseIds[0]!, 'reviewing.safety', { value: 'yes' }, 'KM');
    await writeBrowserBackup(await exportText(), 'timer');
    await writeBrowserBackup(await exportText(), 'quit');
    await writeBrowserBackup(await exportText(), 'before-delete');
    await setAnswer(caseIds[0]!, 'reviewing.safety', { value: 'no' }, 'KM');
    const { user, screen } = await renderApp('/backups');
    expect(await screen.findByText(/in this browser’s storage/)).toBeInTheDocument();
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(3);
    // Why each was taken, newest first, as the desktop lists them.
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Before a delete',
      'When Casescore closed',
      'Automatic, while you worked',
    ]);
    expect(within(rows[0]!).getByRole('button')).toHaveAccessibleName(/\(before a delete\)$/);
    await user.click(within(rows[2]!).getByRole('button', { name: /^Restore the backup of/ }));
    await user.click(screen.getByRole('button', { name: 'Restore backup' }));
    expect(await screen.findByText(/^Restored 1 inspection from/)).toBeInTheDocument();
    expect((await database().cases.get(caseIds[0]!))?.answers['reviewing.safety']?.value).toBe('yes');
    // What was here before the restore was backed up first, and says so.
    const stored = await listBrowserBackups();
    expect(stored.map((b) => b.reason)).toEqual(['before-import', 'before-delete', 'quit', 'timer']);
  });
});

describe('the application menu', () => {
  it('opens a new inspection and exports, as the renderer is told', async () => {
    await inspectionWithCases(['C-1']);
    const host = fakeDesktop();
    replacePlatform(host.platform);
    const { user, screen } = await renderApp('/');
    await screen.findByRole('heading', { name: 'Inspections' });
    // The menu listener is set up just after the first paint; a person's menu click always comes later.
    await waitFor(() => {
      if (!screen.queryByRole('heading', { name: 'New inspection' })) host.sendMenu('new-inspection');
      expect(screen.getByRole('heading', { name: 'New inspection' })).toBeInTheDocument();
    });
    // The menu's export asks how the file should leave, as the buttons do.
    host.sendMenu('export');
    const dialog = within(await screen.findByRole('dialog', { name: 'Export' }));
    expect(dialog.getByRole('radio', { name: /^Encrypted with a passphrase/ })).toBeChecked();
    await user.click(dialog.getByRole('radio', { name: /^Not encrypted/ }));
    await user.click(dialog.getByRole('button', { name: 'Export' }));
    // The first export also makes this install's signing key: allow for a slow machine.
    expect(
      await screen.findByText(
        /^Exported to \/home\/km\/test-pdu-KM-\d{4}-\d{2}-\d{2}\.json\./,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(host.saved).toHaveLength(1);
  });

  it('writes a final backup when the app quits', async () => {
    await inspectionWithCases(['C-1']);
    const host = fakeDesktop();
    replacePlatform(host.platform);
    const { screen } = await renderApp('/');
    await screen.findByRole('heading', { name: 'Inspections' });
    host.quit();
    await expect.poll(() => host.backups.map((b) => b.reason)).toEqual(['quit']);
  });
});
