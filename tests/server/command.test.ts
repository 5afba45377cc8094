// `npm run server` as a process: with no DATABASE_URL it makes a PostgreSQL cluster in its data folder, answers
// its health check, and stops the cluster on SIGTERM; started again it finds its data. Killed with SIGKILL in the
// middle of pushes, again and again, it loses no acknowledged batch and stores none twice once devices retry.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeCluster } from '../../server/cluster';
import { freePort } from '../../server/cluster';
import { SyncError } from '../../renderer/sync/server-api';
import type { ChangeBatch } from '#shared/sync';
import { Device, inspectionId, QUESTIONS, rosterFor, send, tempFolder } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const dataDir = join(tempFolder('casescore-server-'), 'data');
let server: ChildProcess | null = null;

afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  removeCluster(dataDir);
  rmSync(dirname(dataDir), { recursive: true, force: true });
}, 60_000);

/** Starts the command as `npm run server` does (tsx), in one process so a signal reaches the server itself. */
async function startServer(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--data', dataDir, '--port', String(port)],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    const healthy = await send(`http://127.0.0.1:${port}`, 'GET', '/v1/health').catch(() => null);
    if (healthy?.status === 200) {
      expect(healthy.body).toEqual({ ok: true });
      return { child, output: () => output };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not become healthy: ${output}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('npm run server', () => {
  it('makes its own cluster without DATABASE_URL, keeps its data across restarts, and stops cleanly', async () => {
    const port = await freePort();
    const started = await startServer(port);
    server = started.child;
    expect(existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(started.output()).toContain(`ready on http://127.0.0.1:${port}`);
    const lead = await Device.make('MK', 'Maya Khan');
    const id = inspectionId('restart');
    const roster = await rosterFor(id, lead, [lead.member()]);
    await lead.client(`http://127.0.0.1:${port}`).putRoster(roster);

    server.kill('SIGTERM');
    expect(await exited(server)).toBe(0);
    // The cluster it started is stopped with it.
    expect(existsSync(join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false);

    server = (await startServer(port)).child;
    expect(
      await new Device('MK', 'Maya Khan', lead.keys).client(`http://127.0.0.1:${port}`).getRoster(id),
    ).toEqual(roster);
  }, 180_000);

  it('loses no acknowledged batch when killed mid-push, and stores none twice after retries', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    if (server?.exitCode === null) {
      server.kill('SIGTERM');
      await exited(server);
    }
    server = (await startServer(port)).child;
    const id = inspectionId('killed');
    const devices = [await Device.make('AA', 'Ann A'), await Device.make('BB', 'Ben B')];
    await devices[0]!.client(url).putRoster(
      await rosterFor(
        id,
        devices[0]!,
        devices.map((d) => d.member()),
      ),
    );
    const outboxes = devices.map(() => [] as ChangeBatch[]);
    const acknowledged = new Set<string>();
    let made = 0;
    let interrupted = 0;

    /** Pushes a device's outbox in order until it is empty or the server is gone. */
    const drain = async (i: number) => {
      const api = devices[i]!.client(url);
      while (outboxes[i]!.length > 0) {
        const batch = outboxes[i]![0]!;
        try {
          await api.pushBatch(batch);
          acknowledged.add(`${batch.device}:${batch.firstCounter}`);
          outboxes[i]!.shift();
        } catch (error) {
          if (error instanceof SyncError && error.status < 500) throw error;
          interrupted += 1;
          return; // the server is down (connection refused or reset): try again later
        }
      }
    };

    for (let kill = 0; kill < 3; kill++) {
      // Both devices push as fast as they can; the server is killed at a random moment in the middle.
      const pushing = (async () => {
        for (let round = 0; round < 40; round++) {
          for (const [i, device] of devices.entries()) {
            for (let a = 0; a < 20; a++)
              device.answer(`CR${round}`, QUESTIONS[(a + round) % QUESTIONS.length]!, 'yes');
            outboxes[i]!.push((await device.nextBatch(id))!);
            made += 1;
          }
          await Promise.all(devices.map((_, i) => drain(i)));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
      server.kill('SIGKILL');
      await exited(server);
      await pushing;
      server = (await startServer(port)).child;
      await Promise.all(devices.map((_, i) => drain(i)));
    }
    expect(outboxes.map((o) => o.length)).toEqual([0, 0]);
    // The kills did land in the middle of pushes.
    expect(interrupted).toBeGreaterThanOrEqual(3);

    const reader = devices[1]!.client(url);
    const roster = await reader.getRoster(id);
    const pulled = [];
    for (let after = 0, more = true; more;) {
      const page = await reader.pull(id, after, roster, 0, 500);
      pulled.push(...page.batches);
      after = page.last;
      more = page.more;
    }
    // Every batch made is there exactly once (so every acknowledged one), numbered without a gap.
    expect(pulled).toHaveLength(made);
    expect(pulled.map((b) => b.seq)).toEqual(pulled.map((_, i) => i + 1));
    const keys = pulled.map((b) => `${b.batch.device}:${b.batch.firstCounter}`);
    expect(new Set(keys).size).toBe(made);
    for (const key of acknowledged) expect(keys).toContain(key);
  }, 300_000);
});
