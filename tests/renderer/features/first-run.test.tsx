import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readInitials } from '../../../renderer/db';
import { renderApp } from '../render';

describe('first run', () => {
  it('asks for initials once, then shows the inspections', async () => {
    const { user, screen } = await renderApp('/', null);
    const input = await screen.findByLabelText('Your initials');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter your initials.');
    await user.type(input, 'jp');
    // The problem was with the empty box: typing takes it away before Start is pressed again.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByRole('heading', { name: 'Inspections' })).toBeInTheDocument();
    expect(await readInitials()).toBe('JP');
    expect(screen.getByLabelText('Signed as JP')).toBeInTheDocument();
  });

  it('offers to protect case details with a passphrase, and goes on to choose it', async () => {
    const { user, screen } = await renderApp('/', null);
    await user.type(await screen.findByLabelText('Your initials'), 'jp');
    const offer = screen.getByLabelText(/Protect case details on this computer with a passphrase/);
    expect(offer).not.toBeChecked();
    await user.click(offer);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    const section = await screen.findByRole('region', { name: 'Data protection' });
    const box = await within(section).findByLabelText('Passphrase');
    await waitFor(() => expect(box).toHaveFocus());
    expect(section).toHaveTextContent('At least 12 characters');
  });
});
