// The sync engine on real Dexie (fake-indexeddb, one database per simulated laptop) against a real server: each
// device's changes are cut into signed batches from its stored rows, kept in its outbox while the server cannot
// be reached (days offline, the app closed and opened again), and reach the others' inboxes once it can.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSigningKeys, type SigningKeys } from '#shared/interchange';
import { signRoster } from '#shared/sync';
import type { Endpoint } from '../../server/endpoint';
import { CasescoreDatabase, replaceDatabase } from '../../renderer/db/database';
import { readTeamInbox, removeFromTeamInbox } from '../../renderer/db/team-inbox';
import { applyImport, planImport } from '../../renderer/db/transfer';
import { asImport, teamIncoming } from '../../renderer/sync/incoming';
import { fromExportedInspection } from '../../renderer/db/snapshot';
import { syncStorage, type InboxBatch } from '../../renderer/db/sync-state';
import { DEVICE_KEY } from '../../renderer/db/write';
import { syncRound, type IncomingChanges, type SyncDeps } from '../../renderer/sync/engine';
import { startSync } from '../../renderer/sync/runner';
import { useSyncStatus } from '../../renderer/sync/status';
import { freePort } from '../../server/cluster';
import { SyncServer } from '../../renderer/sync/server-api';
import {
  CASES,
  endpointOn,
  flakyFetch,
  inspectionId,
  inspectionShell,
  QUESTIONS,
  seeded,
  testCluster,
  type NetworkLog,
} from './harness';

let cluster: Awaited<ReturnType<typeof testCluster>>;
let endpoint: Endpoint;

beforeAll(async () => {
  cluster = await testCluster();
  endpoint = await endpointOn(cluster);
}, 120_000);

afterAll(async () => {
  await endpoint?.close();
  cluster?.stop();
}, 60_000);

/** A laptop: its own IndexedDB database, device id and counter, keys, and what its merge planner was given. */
interface Laptop {
  readonly initials: string;
  readonly db: CasescoreDatabase;
  readonly keys: SigningKeys;
  readonly received: InboxBatch[];
  online: boolean;
}

async function laptop(initials: string, id: string): Promise<Laptop> {
  const db = new CasescoreDatabase(`laptop-${initials}-${id}`);
  await db.open();
  await db.settings.put({ key: DEVICE_KEY, value: { id: `device-${initials}-${id}`, counter: 0 } });
  const rows = fromExportedInspection(
    {
      ...inspectionShell(id),
      cases: CASES.map((reference) => ({
        id: `case-${reference}`,
        reference,
        caseType: 'community' as const,
        attributes: {},
        answers: {},
      })),
    },
    '2026-11-02T09:00:00.000Z',
    'MK',
  );
  await db.inspections.put(rows.inspection);
  await db.cases.bulkPut(rows.cases);
  return { initials, db, keys: await makeSigningKeys(), received: [], online: true };
}

/** Shares the inspection: its team list, signed by the first laptop (the lead), put on the server. */
async function share(id: string, team: readonly Laptop[]): Promise<void> {
  const lead = team[0]!;
  const roster = await signRoster(
    {
      format: 'casescore.roster',
      formatVersion: 1,
      inspectionId: id,
      version: 1,
      lead: lead.initials,
      members: team.map((d) => ({
        initials: d.initials,
        name: d.initials,
        publicKey: d.keys.publicKey,
        revoked: false,
      })),
      createdAt: new Date().toISOString(),
    },
    lead.keys,
  );
  await new SyncServer(endpoint.url, lead.keys).putRoster(roster);
}

/** An answer written as audited() writes one: the device's next counter, stamped on the answer. */
async function answer(device: Laptop, reference: string, question: string, value: 'yes' | 'no' | 'na') {
  await device.db.transaction('rw', device.db.settings, device.db.cases, async () => {
    const record = (await device.db.settings.get(DEVICE_KEY))!.value as { id: string; counter: number };
    const counter = record.counter + 1;
    await device.db.settings.put({ key: DEVICE_KEY, value: { id: record.id, counter } });
    const row = (await device.db.cases.get(`case-${reference}`))!;
    await device.db.cases.put({
      ...row,
      answers: {
        ...row.answers,
        [question]: {
          value,
          updatedAt: new Date().toISOString(),
          by: device.initials,
          device: record.id,
          counter,
        },
      },
    });
  });
}

function deps(device: Laptop): SyncDeps {
  // A laptop offline has no route to the server: every request fails as fetch fails.
  const fetchImpl = (input: string, init?: RequestInit) =>
    device.online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed: no network'));
  // A stand-in for the merge planner (the lead's, shared/merge/plan.ts): records what it is given and
  // says it dealt with all of it.
  const incoming: IncomingChanges = {
    async receive(_id, batches) {
      device.received.push(...batches);
      return batches.map((b) => b.hash);
    },
  };
  return {
    server: new SyncServer(endpoint.url, device.keys, fetchImpl),
    storage: syncStorage(device.db),
    keys: device.keys,
    incoming,
  };
}

/** The answers a laptop received from others, as "reference question value by". */
const receivedAnswers = (device: Laptop) =>
  device.received
    .flatMap((b) =>
      b.batch.inspection.cases.flatMap((c) =>
        c.deleted ? [] : Object.entries(c.answers).map(([q, a]) => `${c.reference} ${q} ${a.value} ${a.by}`),
      ),
    )
    .sort();

describe('the sync engine on real Dexie', () => {
  it('carries changes between laptops, keeping an offline laptop’s changes until it is back', async () => {
    const id = inspectionId('engine');
    const [mk, jd, ab] = [await laptop('MK', id), await laptop('JD', id), await laptop('AB', id)];
    const team = [mk, jd, ab];
    await share(id, team);

    // An inspection not on the server is left alone.
    expect(await syncRound('not-shared', deps(mk))).toEqual({ kind: 'not-shared' });

    // Each laptop's first round learns the inspection is shared with it (and sends nothing: nothing changed).
    for (const device of team) expect(await syncRound(id, deps(device))).toEqual({ kind: 'synced' });

    // Day 1: everyone answers their own cases; AB is offline (in a prison with no network).
    ab.online = false;
    // Every change moves the counter, the inspection's arrival on this laptop included: AB's answers follow it.
    const before = ((await ab.db.settings.get(DEVICE_KEY))!.value as { counter: number }).counter;
    await answer(mk, 'CR0001', QUESTIONS[5]!, 'yes');
    await answer(jd, 'CR0002', QUESTIONS[5]!, 'no');
    await answer(ab, 'CR0003', QUESTIONS[5]!, 'na');
    expect(await syncRound(id, deps(mk))).toEqual({ kind: 'synced' });
    expect(await syncRound(id, deps(jd))).toEqual({ kind: 'synced' });
    expect(await syncRound(id, deps(ab))).toMatchObject({ kind: 'unreachable' });
    // Days 2 and 3: AB keeps working offline; each round's changes wait in the outbox as a signed batch.
    await answer(ab, 'CR0003', QUESTIONS[6]!, 'yes');
    expect(await syncRound(id, deps(ab))).toMatchObject({ kind: 'unreachable' });
    await answer(ab, 'CR0004', QUESTIONS[6]!, 'no');
    expect(await syncRound(id, deps(ab))).toMatchObject({ kind: 'unreachable' });
    const waiting = await syncStorage(ab.db).readState(id);
    expect(waiting.outbox.map((b) => [b.firstCounter, b.lastCounter])).toEqual([
      [1, before + 1],
      [before + 2, before + 2],
      [before + 3, before + 3],
    ]);

    // AB closes the app and opens it again: the outbox is still there, on disk.
    ab.db.close();
    const reopened: Laptop = { ...ab, db: new CasescoreDatabase(ab.db.name), online: true };
    await reopened.db.open();
    expect((await syncStorage(reopened.db).readState(id)).outbox).toHaveLength(3);
    expect(await syncRound(id, deps(reopened))).toEqual({ kind: 'synced' });
    expect((await syncStorage(reopened.db).readState(id)).outbox).toEqual([]);
    await syncRound(id, deps(mk));
    await syncRound(id, deps(jd));

    // Nothing new: no batch is made and nothing is sent again.
    expect(await syncRound(id, deps(mk))).toEqual({ kind: 'synced' });
    const q5 = QUESTIONS[5]!;
    const q6 = QUESTIONS[6]!;
    expect(receivedAnswers(mk)).toEqual(
      [`CR0002 ${q5} no JD`, `CR0003 ${q5} na AB`, `CR0003 ${q6} yes AB`, `CR0004 ${q6} no AB`].sort(),
    );
    expect(receivedAnswers(jd)).toEqual(
      [`CR0001 ${q5} yes MK`, `CR0003 ${q5} na AB`, `CR0003 ${q6} yes AB`, `CR0004 ${q6} no AB`].sort(),
    );
    expect(receivedAnswers(reopened)).toEqual([`CR0001 ${q5} yes MK`, `CR0002 ${q5} no JD`].sort());
    // Each batch carried only its own device's changes, and the inspection's details to read them by.
    for (const b of mk.received) {
      expect(b.batch.inspection.name).toBe('Southwark PDU');
      for (const c of b.batch.inspection.cases) {
        if (!c.deleted) for (const a of Object.values(c.answers)) expect(a.device).toBe(b.batch.device);
      }
    }
    const stored = await import('./harness').then((h) =>
      h.query<{ n: string }>(cluster, 'SELECT count(*) AS n FROM batches WHERE inspection_id = $1', [id]),
    );
    expect(stored[0]!.n).toBe('5');
  });

  it('keeps pulled batches in the inbox until the merge planner has dealt with them', async () => {
    const id = inspectionId('inbox');
    const [mk, jd] = [await laptop('MK', id), await laptop('JD', id)];
    await share(id, [mk, jd]);
    await answer(jd, 'CR0005', QUESTIONS[1]!, 'yes');
    await syncRound(id, deps(jd));
    // MK's planner is not plugged in yet: the batch waits in the inbox, once, however often MK syncs.
    const noPlanner = { ...deps(mk), incoming: undefined };
    await syncRound(id, noPlanner);
    await syncRound(id, noPlanner);
    expect((await syncStorage(mk.db).readState(id)).inbox.map((b) => b.signedBy)).toEqual(['JD']);
    await syncRound(id, deps(mk));
    expect((await syncStorage(mk.db).readState(id)).inbox).toEqual([]);
    expect(mk.received).toHaveLength(1);
    // A laptop told to trust another lead refuses the team list, and takes nothing.
    const wary = { ...deps(jd), trustedLeadKey: () => jd.keys.publicKey };
    expect(await syncRound(id, wary)).toEqual({
      kind: 'refused',
      message: 'the team list is not signed by the lead this device trusts',
    });
  });

  it('keeps syncing while the server answers, says when it does not, and stops', async () => {
    const id = inspectionId('runner');
    const mk = await laptop('MK', id);
    await share(id, [mk]);
    await answer(mk, 'CR0001', QUESTIONS[2]!, 'yes');
    let url = endpoint.url;
    const stop = startSync({
      keys: mk.keys,
      storage: syncStorage(mk.db),
      server: async () => url,
      inspectionIds: async () => [id],
      intervalMs: 50,
      maxBackoffMs: 100,
    });
    try {
      await expect.poll(() => useSyncStatus.getState().state, { timeout: 10_000 }).toBe('synced');
      expect(useSyncStatus.getState()).toMatchObject({ waiting: 0, incoming: 0 });
      // The server goes away: the next change waits, and the status says so.
      url = `http://127.0.0.1:${await freePort()}`;
      await answer(mk, 'CR0002', QUESTIONS[2]!, 'no');
      await expect.poll(() => useSyncStatus.getState().state, { timeout: 10_000 }).toBe('unreachable');
      expect(useSyncStatus.getState().waiting).toBe(1);
      // It comes back: the waiting batch goes.
      url = endpoint.url;
      await expect.poll(() => useSyncStatus.getState().waiting, { timeout: 10_000 }).toBe(0);
      expect(useSyncStatus.getState().state).toBe('synced');
    } finally {
      stop();
    }
    const stored = await import('./harness').then((h) =>
      h.query<{ n: string }>(cluster, 'SELECT count(*) AS n FROM batches WHERE inspection_id = $1', [id]),
    );
    expect(stored[0]!.n).toBe('2');
  });

  it('takes what replaces, keeps a conflict for the lead, and the lead’s choice settles it everywhere, over a bad network', async () => {
    const id = inspectionId('planner');
    const [mk, jd] = [await laptop('MK', id), await laptop('JD', id)];
    for (const device of [mk, jd]) await device.db.settings.put({ key: 'initials', value: device.initials });
    await share(id, [mk, jd]);
    const log: NetworkLog = { dropped: 0, lost: 0, duplicated: 0 };
    const random = seeded(17);
    // Each laptop's rounds run with its database as the app's, the real planner plugged in, on a network that
    // drops requests, loses answers and sends some twice; a round cut short is simply run again.
    const syncOn = async (device: Laptop) => {
      replaceDatabase(device.db);
      const roundDeps: SyncDeps = {
        ...deps(device),
        server: new SyncServer(endpoint.url, device.keys, flakyFetch(random, log)),
        incoming: teamIncoming(),
      };
      for (let attempt = 0; attempt < 40; attempt++) {
        const outcome = await syncRound(id, roundDeps);
        if (outcome.kind === 'synced') return;
        expect(outcome.kind).toBe('unreachable');
      }
      throw new Error(`${device.initials} never got a round through`);
    };
    const stored = async (device: Laptop, reference: string, question: string) => {
      const a = (await device.db.cases.get(`case-${reference}`))!.answers[question];
      return a && { value: a.value, by: a.by, device: a.device };
    };
    const q = QUESTIONS[3]!;
    for (const device of [mk, jd]) await syncOn(device);

    // JD's answer replaces nothing of MK's: taken on MK's laptop without asking.
    await answer(jd, 'CR0001', q, 'yes');
    await syncOn(jd);
    await syncOn(mk);
    expect(await stored(mk, 'CR0001', q)).toEqual({ value: 'yes', by: 'JD', device: `device-JD-${id}` });
    expect(await readTeamInbox(id, mk.db)).toEqual([]);

    // Both answer CR0002 without knowing of the other: each laptop keeps its own and the other's waits.
    await answer(mk, 'CR0002', q, 'no');
    await answer(jd, 'CR0002', q, 'yes');
    await syncOn(jd);
    await syncOn(mk);
    await syncOn(jd);
    expect(await stored(mk, 'CR0002', q)).toMatchObject({ value: 'no', by: 'MK' });
    expect(await stored(jd, 'CR0002', q)).toMatchObject({ value: 'yes', by: 'JD' });
    const [waiting] = await readTeamInbox(id, mk.db);
    expect(waiting).toMatchObject({ signedBy: 'JD', verified: true });
    expect(await readTeamInbox(id, jd.db)).toHaveLength(1);

    // The lead resolves it as the review does: JD's answer, recorded as the lead's change over both.
    replaceDatabase(mk.db);
    const { file, source, label } = asImport(waiting!);
    const plan = await planImport(file, source);
    const conflict = plan.inspections[0]!.items.find((item) => item.group === 'conflicts')!;
    expect(conflict).toMatchObject({ reference: 'CR0002', target: q });
    await applyImport(file, { choices: { [conflict.key]: 'theirs' }, clashes: {} }, 'MK', label, source);
    await removeFromTeamInbox(id, waiting!.hash);
    await syncOn(mk);
    await syncOn(jd);
    // JD's answer, as JD gave it, under the lead's version (MK's device), which replaces both.
    const settled = { value: 'yes', by: 'JD', device: `device-MK-${id}` };
    expect(await stored(mk, 'CR0002', q)).toEqual(settled);
    expect(await stored(jd, 'CR0002', q)).toEqual(settled);
    // The conflict is closed on JD's laptop too: nothing is left for anyone to decide.
    expect(await readTeamInbox(id, jd.db)).toEqual([]);
    expect(await readTeamInbox(id, mk.db)).toEqual([]);
    expect(log.dropped + log.lost + log.duplicated).toBeGreaterThan(0);
  });
});
