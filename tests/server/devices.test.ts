// Two to four devices working on one inspection through the team server over a bad network: requests dropped,
// answers lost, requests sent twice and batches sent out of order, devices offline for days. Every batch is
// stored exactly once, each device's chain stays whole, and every device ends up with every other's changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../server/endpoint';
import { SyncError, type PulledBatch } from '../../renderer/sync/server-api';
import type { ChangeBatch } from '#shared/sync';
import {
  CASES,
  Device,
  endpointOn,
  flakyFetch,
  inspectionId,
  query,
  QUESTIONS,
  rosterFor,
  seeded,
  testCluster,
  type NetworkLog,
} from './harness';

/** Working days simulated: enough for laptops to be offline for several in a row. */
const DAYS = 7;

let cluster: Awaited<ReturnType<typeof testCluster>>;
let endpoints: Endpoint[];

beforeAll(async () => {
  cluster = await testCluster();
  // Two stateless endpoints on one database: devices use either.
  endpoints = [await endpointOn(cluster), await endpointOn(cluster)];
}, 120_000);

afterAll(async () => {
  for (const endpoint of endpoints ?? []) await endpoint.close();
  cluster?.stop();
}, 60_000);

/** A device's outbox, pushed in a shuffled order; a batch leaves it only once the server has acknowledged it. */
async function pushShuffled(
  device: Device,
  outbox: ChangeBatch[],
  url: string,
  random: () => number,
  log: NetworkLog,
): Promise<void> {
  const api = device.client(url, flakyFetch(random, log));
  const order = [...outbox].sort(() => random() - 0.5);
  for (const batch of order) {
    try {
      await api.pushBatch(batch);
      outbox.splice(outbox.indexOf(batch), 1);
    } catch (error) {
      // A gap (an earlier batch not there yet) or a network failure: the batch stays and goes again later.
      const retry = ['counter-gap', 'unknown-challenge'];
      if (error instanceof SyncError && !retry.includes(error.code)) throw error;
      if (!(error instanceof SyncError) && !(error instanceof TypeError)) throw error;
    }
  }
}

/** Everything after the device's cursor, retried through the bad network until a pull gets through. */
async function pullAll(
  device: Device,
  id: string,
  url: string,
  cursor: number,
  random: () => number,
  log: NetworkLog,
): Promise<{ pulled: PulledBatch[]; cursor: number }> {
  const api = device.client(url, flakyFetch(random, log));
  const pulled: PulledBatch[] = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const roster = await api.getRoster(id);
      const page = await api.pull(id, cursor, roster, 0, 7);
      pulled.push(...page.batches);
      cursor = page.last;
      if (!page.more) return { pulled, cursor };
    } catch (error) {
      const signInLost = error instanceof SyncError && error.code === 'unknown-challenge';
      if (!(error instanceof TypeError) && !signInLost) throw error;
    }
  }
  throw new Error('the network never let a pull through');
}

describe.each([2, 3, 4])('%i devices on a bad network', (count) => {
  it('store every batch once, keep each chain whole, and converge', async () => {
    const random = seeded(1000 + count);
    const log: NetworkLog = { dropped: 0, lost: 0, duplicated: 0 };
    const id = inspectionId(`team-${count}`);
    const devices = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        // Clocks from two days slow to two days fast: nothing depends on them.
        Device.make(`I${i}`, `Inspector ${i}`, (i - 1) * 2 * 24 * 3600_000),
      ),
    );
    const lead = devices[0]!;
    await lead.client(endpoints[0]!.url).putRoster(
      await rosterFor(
        id,
        lead,
        devices.map((d) => d.member()),
      ),
    );

    const outboxes = devices.map(() => [] as ChangeBatch[]);
    const made = devices.map(() => [] as ChangeBatch[]);
    const cursors = devices.map(() => 0);
    const seen = devices.map(() => [] as PulledBatch[]);
    // Seven "days": each device answers some questions and makes a batch; a device offline that day only keeps
    // its batches; one online pushes its outbox in any order and pulls, through either endpoint.
    for (let day = 0; day < DAYS; day++) {
      for (const [i, device] of devices.entries()) {
        const answers = 1 + Math.floor(random() * 5);
        for (let a = 0; a < answers; a++) {
          const caseRef = CASES[Math.floor(random() * CASES.length)]!;
          const question = QUESTIONS[Math.floor(random() * QUESTIONS.length)]!;
          device.answer(caseRef, question, (['yes', 'no', 'na'] as const)[Math.floor(random() * 3)]!);
        }
        const batch = (await device.nextBatch(id))!;
        outboxes[i]!.push(batch);
        made[i]!.push(batch);
        const online = random() < 0.6 || day === DAYS - 1;
        if (!online) continue;
        const url = endpoints[Math.floor(random() * endpoints.length)]!.url;
        await pushShuffled(device, outboxes[i]!, url, random, log);
        const { pulled, cursor } = await pullAll(device, id, url, cursors[i]!, random, log);
        seen[i]!.push(...pulled);
        cursors[i] = cursor;
      }
    }
    // Back on a good network: every outbox empties (gaps resolve as earlier batches land).
    for (let round = 0; round < 20 && outboxes.some((o) => o.length > 0); round++) {
      for (const [i, device] of devices.entries()) {
        await pushShuffled(device, outboxes[i]!, endpoints[0]!.url, random, {
          dropped: 0,
          lost: 0,
          duplicated: 0,
        });
      }
    }
    expect(outboxes.map((o) => o.length)).toEqual(devices.map(() => 0));
    for (const [i, device] of devices.entries()) {
      const { pulled, cursor } = await pullAll(device, id, endpoints[1]!.url, cursors[i]!, seeded(1), {
        dropped: 0,
        lost: 0,
        duplicated: 0,
      });
      seen[i]!.push(...pulled);
      cursors[i] = cursor;
    }

    // The network really misbehaved.
    expect(log.dropped + log.lost + log.duplicated).toBeGreaterThan(10);
    // Stored once each: as many batches as were made, numbered 1…n without a gap.
    const stored = await query<{ seq: string; device: string; first_counter: string }>(
      cluster,
      'SELECT seq, device, first_counter FROM batches WHERE inspection_id = $1 ORDER BY seq',
      [id],
    );
    const total = made.flat().length;
    expect(stored.map((row) => Number(row.seq))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    // Each device's batches stored in its counter order, each naming the one before.
    for (const device of devices) {
      const firsts = stored
        .filter((row) => row.device === device.deviceId)
        .map((row) => Number(row.first_counter));
      expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    }
    // Every device saw every batch exactly once, identical to what its maker signed.
    for (const [i] of devices.entries()) {
      expect(seen[i]!.map((b) => b.seq)).toEqual(stored.map((row) => Number(row.seq)));
      const byHash = new Map(seen[i]!.map((b) => [b.hash, b.batch]));
      for (const batch of made.flat()) {
        expect(byHash.get((await import('#shared/sync')).batchHash(batch))).toEqual(batch);
      }
    }
    for (const [i] of devices.entries()) {
      for (const b of seen[i]!) {
        const maker = devices.find((d) => d.deviceId === b.batch.device)!;
        const chain = made[devices.indexOf(maker)]!;
        const position = chain.findIndex((m) => m.firstCounter === b.batch.firstCounter);
        const before = position === 0 ? null : (await import('#shared/sync')).batchHash(chain[position - 1]);
        expect(b.batch.previous).toBe(before);
      }
    }
    expect(await query(cluster, 'SELECT * FROM quarantine WHERE inspection_id = $1', [id])).toEqual([]);
  }, 120_000);
});
