// The number settings (lock time, retention) save through one form action: a value outside its range is
// refused with the rule and nothing stored; a good one is stored and said; a write the disk refuses is said in
// storage's words, and the stored value stays as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { database, readLockMinutes, readRetentionMonths } from '../../../renderer/db';
import { renderApp } from '../render';

const full = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
afterEach(() => {
  database().settings.hook('creating').unsubscribe(full);
  database().settings.hook('updating').unsubscribe(full);
});

describe('Settings › Lock and Keeping inspections', () => {
  it('refuses a lock time out of range, saves one in range, and says a refused write', async () => {
    const { screen, user } = await renderApp('/settings');
    const field = await screen.findByLabelText('Lock after this many minutes idle');
    const save = screen.getByRole('button', { name: 'Save lock time' });
    await user.clear(field);
    await user.type(field, '0');
    await user.click(save);
    expect(await screen.findByText(/^Enter a whole number of minutes from 1 to \d+\.$/)).toBeInTheDocument();
    expect(await readLockMinutes()).toBe(15);

    await user.clear(field);
    await user.type(field, '1');
    await user.click(save);
    expect(
      await screen.findByText('Casescore now locks after 1 minute with nobody using it.'),
    ).toBeInTheDocument();
    expect(await readLockMinutes()).toBe(1);

    database().settings.hook('creating', full);
    database().settings.hook('updating', full);
    await user.clear(field);
    await user.type(field, '9');
    await user.click(save);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'There is no room left to save on this computer',
    );
    expect(await readLockMinutes()).toBe(1);
  });

  it('refuses a retention out of range and saves one in range', async () => {
    const { screen, user } = await renderApp('/settings');
    const field = await screen.findByLabelText('Keep inspections for this many months after fieldwork');
    const save = screen.getByRole('button', { name: 'Save retention' });
    await user.clear(field);
    await user.type(field, '2.5');
    await user.click(save);
    expect(await screen.findByText(/^Enter a whole number of months from 1 to \d+\.$/)).toBeInTheDocument();
    expect(await readRetentionMonths()).toBe(12);

    await user.clear(field);
    await user.type(field, '24');
    await user.click(save);
    expect(
      await screen.findByText('Inspections are now kept 24 months after fieldwork.'),
    ).toBeInTheDocument();
    expect(await readRetentionMonths()).toBe(24);
  });
});
