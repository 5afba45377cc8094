// The export dialog as a form action: a problem with the passphrase is shown and stops the export, goes when
// another way of leaving is chosen, and the export then runs once, closing the dialog.
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replacePlatform } from '../../../renderer/platform';
import { fakeDesktop } from '../fake-platform';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

describe('the export dialog', () => {
  it('refuses a short or mistyped passphrase, forgets the problem on another choice, then exports once', async () => {
    await inspectionWithCases(['C-1']);
    const host = fakeDesktop();
    replacePlatform(host.platform);
    const { user, screen } = await renderApp('/');
    await screen.findByRole('heading', { name: 'Inspections' });
    // The menu's listener is attached once the frame has mounted: ask until the dialog is there.
    const dialog = within(
      await waitFor(() => {
        host.sendMenu('export');
        return screen.getByRole('dialog', { name: 'Export' });
      }),
    );

    await user.type(dialog.getByLabelText('Passphrase'), 'short');
    await user.click(dialog.getByRole('button', { name: 'Export' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(/at least 12 characters/);

    await user.type(dialog.getByLabelText('Passphrase'), ' but long enough now');
    await user.type(dialog.getByLabelText('The passphrase again'), 'something else entirely');
    await user.click(dialog.getByRole('button', { name: 'Export' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('The two passphrases differ.');
    expect(host.saved).toHaveLength(0);

    await user.click(dialog.getByRole('radio', { name: /^Not encrypted/ }));
    expect(dialog.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText(/^Exported to \/home\/km\//)).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Export' })).not.toBeInTheDocument();
    expect(host.saved).toHaveLength(1);
  });

  it('closes from its shared footer’s Cancel without exporting', async () => {
    await inspectionWithCases(['C-1']);
    const host = fakeDesktop();
    replacePlatform(host.platform);
    const { user, screen } = await renderApp('/');
    await screen.findByRole('heading', { name: 'Inspections' });
    const dialog = await waitFor(() => {
      host.sendMenu('export');
      return screen.getByRole('dialog', { name: 'Export' });
    });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Export' })).not.toBeInTheDocument();
    expect(host.saved).toHaveLength(0);
  });
});
