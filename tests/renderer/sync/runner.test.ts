// The runner (renderer/sync/runner.ts) in jsdom: a change made here wakes it, but only for inspections the
// server shares with this laptop; asking about every inspection held here on each change would hammer the
// server. Sync now still asks about every one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSigningKeys } from '#shared/interchange';
import { startSync, syncSoon } from '../../../renderer/sync/runner';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('the sync runner', () => {
  it('asks about inspections not shared with this laptop on Sync now, not on every change', async () => {
    const asked: string[] = [];
    let healthChecks = 0;
    const fake = async (url: string) => {
      const path = new URL(url).pathname;
      if (path === '/v1/session/challenge') return Response.json({ challenge: 'c' });
      if (path === '/v1/session') return Response.json({ token: 't' });
      if (path === '/v1/health') {
        healthChecks += 1;
        return Response.json({ ok: true });
      }
      asked.push(path);
      return Response.json(
        { error: { code: 'unknown-inspection', message: 'no team list' } },
        { status: 404 },
      );
    };
    stop = startSync({
      keys: await makeSigningKeys(),
      server: async () => 'https://casescore.example.org',
      fetch: fake,
      inspectionIds: async () => ['insp-a', 'insp-b'],
      intervalMs: 60_000,
    });
    await vi.waitFor(() => expect(asked).toHaveLength(2));

    // A change made here: the round runs (the health check says so) without asking about either again.
    syncSoon();
    await vi.waitFor(() => expect(healthChecks).toBe(1));
    expect(asked).toHaveLength(2);

    syncSoon({ everything: true });
    await vi.waitFor(() => expect(asked).toHaveLength(4));
  });

  it('asks a server that refuses less and less often, and at once on Sync now', async () => {
    const rounds: number[] = [];
    const fake = async (url: string) => {
      const path = new URL(url).pathname;
      if (path === '/v1/session/challenge') return Response.json({ challenge: 'c' });
      if (path === '/v1/session') return Response.json({ token: 't' });
      rounds.push(Date.now());
      return Response.json(
        { error: { code: 'forbidden', message: 'This key was revoked' } },
        { status: 403 },
      );
    };
    stop = startSync({
      keys: await makeSigningKeys(),
      server: async () => 'https://casescore.example.org',
      fetch: fake,
      inspectionIds: async () => ['insp-a'],
      intervalMs: 20,
      maxBackoffMs: 10_000,
    });
    await vi.waitFor(() => expect(rounds.length).toBeGreaterThanOrEqual(4), { timeout: 10_000 });
    // Each pause at least doubles (a timer never fires early, so a busy machine only makes them longer).
    const pauses = rounds.slice(1, 4).map((at, i) => at - rounds[i]!);
    pauses.forEach((pause, i) => expect(pause).toBeGreaterThanOrEqual(20 * 2 ** (i + 1) - 2));
    const before = rounds.length;
    syncSoon({ everything: true });
    await vi.waitFor(() => expect(rounds.length).toBe(before + 1));
  });
});
