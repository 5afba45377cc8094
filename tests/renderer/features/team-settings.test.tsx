// Settings › Signed files and your team: a colleague trusted from an import is listed with their key, and
// "Stop trusting" takes the key off the list (their files wait for review again) and says so.
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSigningKeys } from '#shared/interchange';
import { readTeam, trustKey } from '../../../renderer/db';
import { renderApp } from '../render';

describe('the team list in Settings', () => {
  it('lists a trusted colleague, and stops trusting their key on request', async () => {
    const keys = await makeSigningKeys();
    const member = await trustKey({ publicKey: keys.publicKey, initials: 'jb', name: 'Jo Bloggs' }, 'KM');
    const { screen, user } = await renderApp('/settings');
    const table = await screen.findByRole('table', { name: 'Trusted colleagues' });
    const row = within(table).getByRole('row', { name: /JB/ });
    expect(row).toHaveTextContent('Jo Bloggs');
    expect(row).toHaveTextContent(member.fingerprint);

    await user.click(within(row).getByRole('button', { name: 'Stop trusting JB' }));
    expect(
      await screen.findByText('JB’s key is no longer trusted: their files now wait for review.'),
    ).toBeInTheDocument();
    expect(await readTeam()).toEqual([]);
    expect(await screen.findByText(/No one yet\./)).toBeInTheDocument();
  });
});
