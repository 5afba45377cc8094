// Settings › Team server: the address is checked (https on the network), saved in the settings table, and the
// header's status line appears once a server is set, in words.
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { replacePlatform } from '../../../renderer/platform';
import { readSyncServer } from '../../../renderer/db/sync-state';
import { describeSyncStatus, setSyncStatus, useSyncStatus } from '../../../renderer/sync/status';
import { fakeDesktop } from '../fake-platform';
import { renderApp } from '../render';

describe('the team server setting', () => {
  afterEach(() => replacePlatform(null));

  it('in a browser, refuses an address other than the one the app was opened from', async () => {
    const { user, screen } = await renderApp('/settings');
    await user.type(await screen.findByLabelText('Server address'), 'https://casescore.example.org');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    expect(
      await screen.findByText(/In a browser Casescore can reach only the address it was opened from/),
    ).toBeInTheDocument();
    expect(await readSyncServer()).toBeNull();
  });

  it('saves an address, refuses plain http on the network, and shows the status line', async () => {
    replacePlatform(fakeDesktop().platform);
    const { user, screen } = await renderApp('/settings');
    const input = await screen.findByLabelText('Server address');
    expect(screen.queryByRole('status', { name: '' })).toBeNull();
    await user.type(input, 'http://casescore.example.org');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    expect(
      await screen.findByText(
        'Use https:// for a server on the network: case data must not travel unencrypted.',
      ),
    ).toBeInTheDocument();
    expect(await readSyncServer()).toBeNull();

    await user.clear(input);
    await user.type(input, 'https://casescore.example.org/');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    expect(
      await screen.findByText(
        'Changes to inspections your lead has shared will sync with https://casescore.example.org.',
      ),
    ).toBeInTheDocument();
    expect(await readSyncServer()).toBe('https://casescore.example.org');

    // The runner starts at once and finds no network (the fake desktop has none).
    await waitFor(() => expect(useSyncStatus.getState().state).toBe('unreachable'));
    act(() => setSyncStatus({ state: 'unreachable', lastSyncedAt: null, waiting: 3, incoming: 0 }));
    const line = 'Team server: unreachable, changes kept here; 3 batches waiting to send';
    expect(await screen.findByTestId('sync-status')).toHaveTextContent(line);
    expect(screen.getAllByText(line).length).toBe(2); // in Settings and in the header

    await user.clear(input);
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    expect(
      await screen.findByText('Syncing is off. Exporting and importing files works as before.'),
    ).toBeInTheDocument();
    expect(await readSyncServer()).toBeNull();
    // The runner is stopped: the status says syncing is off.
    await waitFor(() => expect(useSyncStatus.getState().state).toBe('off'));
  });
});

describe('the status in words', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it('says when it last synced and what is waiting', () => {
    expect(
      describeSyncStatus(
        { state: 'synced', lastSyncedAt: '2026-11-26T11:59:30Z', waiting: 0, incoming: 0 },
        now,
      ),
    ).toBe('Team server: synced just now');
    expect(
      describeSyncStatus(
        { state: 'synced', lastSyncedAt: '2026-11-26T11:45:00Z', waiting: 1, incoming: 2 },
        now,
      ),
    ).toBe('Team server: synced 15 min ago; 1 batch waiting to send, 2 batches from the team to take in');
    expect(
      describeSyncStatus(
        { state: 'refused', lastSyncedAt: null, waiting: 0, incoming: 0, message: 'JD’s key is revoked' },
        now,
      ),
    ).toBe('Team server: refused: JD’s key is revoked');
    expect(describeSyncStatus({ state: 'off', lastSyncedAt: null, waiting: 0, incoming: 0 }, now)).toBe(
      'Team server: off (no server set in Settings)',
    );
  });
});
