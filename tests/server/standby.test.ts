// A streaming hot standby made with pg_basebackup from server/cluster.ts, synchronous so the primary answers a
// commit only once the standby has it on disk. The primary is then crashed (pg_ctl stop -m immediate, as a
// power cut) straight after the last acknowledged push; the standby is promoted, and an endpoint on it has every
// acknowledged batch and takes the next one in each device's chain.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  promoteStandby,
  removeCluster,
  startStandby,
  stopCluster,
  type LocalCluster,
} from '../../server/cluster';
import type { Endpoint } from '../../server/endpoint';
import {
  Device,
  endpointOn,
  inspectionId,
  query,
  QUESTIONS,
  rosterFor,
  tempFolder,
  testCluster,
} from './harness';

let primary: Awaited<ReturnType<typeof testCluster>>;
let standby: LocalCluster;
const standbyDir = join(tempFolder('casescore-standby-'), 'standby');

beforeAll(async () => {
  primary = await testCluster();
  standby = await startStandby(primary, standbyDir, { synchronous: true });
}, 180_000);

afterAll(() => {
  removeCluster(standbyDir);
  rmSync(dirname(standbyDir), { recursive: true, force: true });
  primary?.stop();
}, 60_000);

describe('a synchronous hot standby', () => {
  it('is promoted with every acknowledged batch, and devices carry on against it', async () => {
    // The standby streams and is the primary's synchronous standby.
    let state: { application_name: string; sync_state: string }[] = [];
    for (let i = 0; i < 100 && state[0]?.sync_state !== 'sync'; i++) {
      state = await query(primary, 'SELECT application_name, sync_state FROM pg_stat_replication');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(state).toEqual([{ application_name: 'casescore_standby', sync_state: 'sync' }]);
    expect(await query(standby, 'SELECT pg_is_in_recovery() AS standby')).toEqual([{ standby: true }]);

    let endpoint: Endpoint | null = await endpointOn(primary);
    const id = inspectionId('standby');
    const devices = [await Device.make('MK', 'Maya Khan'), await Device.make('JD', 'Jo Doyle')];
    await devices[0]!.client(endpoint.url).putRoster(
      await rosterFor(
        id,
        devices[0]!,
        devices.map((d) => d.member()),
      ),
    );
    const acknowledged: number[] = [];
    for (let round = 0; round < 25; round++) {
      for (const device of devices) {
        device.answer(`CR${round}`, QUESTIONS[round % QUESTIONS.length]!, 'no');
        const result = await device.client(endpoint.url).pushBatch((await device.nextBatch(id))!);
        acknowledged.push(result.seq);
      }
    }
    expect(acknowledged).toHaveLength(50);

    // The primary is lost at once, with no chance to send anything more.
    stopCluster(primary.dir, 'immediate');
    await endpoint.close().catch(() => undefined);
    endpoint = null;
    promoteStandby(standby.dir);
    expect(await query(standby, 'SELECT pg_is_in_recovery() AS standby')).toEqual([{ standby: false }]);

    const promoted = await endpointOn(standby);
    try {
      const reader = devices[1]!.client(promoted.url);
      const roster = await reader.getRoster(id);
      const pulled = await reader.pull(id, 0, roster, 0, 500);
      expect(pulled.batches.map((b) => b.seq)).toEqual(acknowledged);
      // Each device's chain continues where the lost primary left it.
      for (const device of devices) {
        device.answer('CR0100', QUESTIONS[0]!, 'yes');
        expect(await device.client(promoted.url).pushBatch((await device.nextBatch(id))!)).toMatchObject({
          duplicate: false,
        });
      }
      expect((await reader.pull(id, 50, roster)).batches.map((b) => b.seq)).toEqual([51, 52]);
    } finally {
      await promoted.close();
    }
  }, 180_000);
});
