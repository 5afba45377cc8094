// The Team screen in jsdom, against a stand-in for the team server's roster routes: the lead lists a colleague
// by key (a bad key and a repeated initial are refused in words), signs and publishes the list, sees it back as
// its lead, then revokes the colleague in version 2. Every list put is checked as the server checks it.
import { afterEach, describe, expect, it } from 'vitest';
import { makeSigningKeys } from '#shared/interchange';
import { checkRoster, type Roster } from '#shared/sync';
import { signingKeys } from '../../../renderer/db';
import { saveSyncServer } from '../../../renderer/db/sync-state';
import { replacePlatform } from '../../../renderer/platform';
import { fakeDesktop } from '../fake-platform';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The roster routes of the protocol, kept in memory; sign-in always succeeds. */
function rosterServer() {
  const stored = new Map<string, Roster>();
  const fetch = async (url: string, init: RequestInit = {}) => {
    const path = new URL(url).pathname;
    if (path === '/v1/session/challenge')
      return json(200, { challenge: 'c', expiresAt: '2099-01-01T00:00:00Z' });
    if (path === '/v1/session') return json(200, { token: 't', expiresAt: '2099-01-01T00:00:00Z' });
    if (path === '/v1/health') return json(200, { ok: true });
    const match = /^\/v1\/inspections\/([^/]+)\/(roster|batches)$/.exec(path);
    const id = decodeURIComponent(match?.[1] ?? '');
    if (match?.[2] === 'roster' && init.method === 'PUT') {
      const check = await checkRoster(JSON.parse(String(init.body)));
      if (!check.ok) return json(400, { error: { code: 'invalid-roster', message: check.problem } });
      stored.set(id, check.roster);
      return json(201, { version: check.roster.version, stored: true });
    }
    if (match?.[2] === 'roster') {
      const roster = stored.get(id);
      return roster
        ? json(200, roster)
        : json(404, { error: { code: 'unknown-inspection', message: `inspection ${id} has no team list` } });
    }
    if (match?.[2] === 'batches' && init.method === 'POST') return json(201, { seq: 1, duplicate: false });
    if (match?.[2] === 'batches') return json(200, { inspectionId: id, batches: [], last: 0, more: false });
    return json(404, { error: { code: 'not-found', message: 'no such route' } });
  };
  return { stored, fetch };
}

afterEach(() => replacePlatform(null));

describe('the Team screen', () => {
  it('lets the lead list, sign, publish and revoke, with problems in words', async () => {
    const server = rosterServer();
    const host = fakeDesktop();
    replacePlatform({ ...host.platform, teamServer: { ...host.platform.teamServer, fetch: server.fetch } });
    await saveSyncServer('https://casescore.example.org');
    const { inspectionId } = await inspectionWithCases(['C-001']);
    const colleague = await makeSigningKeys();
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/team`);

    expect(await screen.findByText(/Not shared on the team server yet/)).toBeInTheDocument();
    expect(screen.getByLabelText('This laptop’s key')).toHaveValue((await signingKeys()).publicKey);
    await user.type(await screen.findByLabelText('Initials'), 'JD');
    await user.type(screen.getByLabelText('Their laptop’s key'), 'not a key');
    await user.click(screen.getByRole('button', { name: 'Add to the list' }));
    expect(
      await screen.findByText(/Paste the key exactly as the colleague’s Team screen shows it/),
    ).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Initials'));
    await user.type(screen.getByLabelText('Initials'), 'km');
    await user.clear(screen.getByLabelText('Their laptop’s key'));
    await user.type(screen.getByLabelText('Their laptop’s key'), colleague.publicKey);
    await user.click(screen.getByRole('button', { name: 'Add to the list' }));
    expect(await screen.findByText('KM is on the list already.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Initials'));
    await user.type(screen.getByLabelText('Initials'), 'jd');
    await user.type(screen.getByLabelText('Name', { selector: 'input:not([aria-label])' }), 'Jo Doyle');
    await user.click(screen.getByRole('button', { name: 'Add to the list' }));
    expect(await screen.findByRole('rowheader', { name: 'JD' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign and publish the team list' }));
    expect(
      await screen.findByText(/Team list version 1 signed and put on the team server: 2 members/),
    ).toBeInTheDocument();
    const first = server.stored.get(inspectionId)!;
    expect(first).toMatchObject({ version: 1, lead: 'KM' });
    expect(first.members.map((m) => [m.initials, m.name, m.revoked])).toEqual([
      ['KM', 'KM', false],
      ['JD', 'Jo Doyle', false],
    ]);
    expect(first.signature.publicKey).toBe((await signingKeys()).publicKey);
    expect(await screen.findByText(/Version 1, signed by the lead KM/)).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Revoked' }));
    await user.click(screen.getByRole('button', { name: 'Sign and publish the team list' }));
    expect(
      await screen.findByText(/Team list version 2 signed and put on the team server: 1 member can/),
    ).toBeInTheDocument();
    expect(server.stored.get(inspectionId)!.members.find((m) => m.initials === 'JD')!.revoked).toBe(true);
  });
});
