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
});
