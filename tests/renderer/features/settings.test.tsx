import { describe, expect, it, vi } from 'vitest';
import { readInitials } from '../../../renderer/db';
import { renderApp } from '../render';

describe('settings', () => {
  it('change the initials changes are stamped with', async () => {
    const { user, screen } = await renderApp('/settings');
    const input = await screen.findByLabelText('Initials');
    await user.clear(input);
    await user.type(input, 'sd');
    await user.click(screen.getByRole('button', { name: 'Save initials' }));
    expect(await screen.findByText('Changes are now stamped SD.')).toBeInTheDocument();
    expect(await readInitials()).toBe('SD');
  });

  it('show whether storage is persistent, with the room used and left', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      storage: {
        persist: async () => false,
        persisted: async () => false,
        estimate: async () => ({ usage: 2_200_000, quota: 10 * 1024 ** 3 }),
      },
    });
    const { screen } = await renderApp('/settings');
    expect(await screen.findByTestId('persistence')).toHaveTextContent(/Not granted: the browser may clear/);
    expect(screen.getByText('2.1 MB')).toBeInTheDocument();
    expect(screen.getByText('10.0 GB')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ask for persistent storage' })).toBeInTheDocument();
    vi.unstubAllGlobals();
  });
});
