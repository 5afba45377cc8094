// The team server's protocol against a real PostgreSQL started from server/cluster.ts: signing in, team lists,
// and every check a batch goes through, with what is stored (or not) after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChallenge, MAX_BATCH_BYTES } from '#shared/sync';
import type { Endpoint } from '../../server/endpoint';
import { type SyncError } from '../../renderer/sync/server-api';
import {
  Device,
  endpointOn,
  inspectionId,
  query,
  QUESTIONS,
  rosterFor,
  send,
  testCluster,
  tokenFor,
} from './harness';

let cluster: Awaited<ReturnType<typeof testCluster>>;
let endpoint: Endpoint;
let lead: Device;
let colleague: Device;
let stranger: Device;

beforeAll(async () => {
  cluster = await testCluster();
  endpoint = await endpointOn(cluster);
  lead = await Device.make('MK', 'Maya Khan');
  colleague = await Device.make('JD', 'Jo Doyle');
  stranger = await Device.make('XX', 'Not on the team');
}, 120_000);

afterAll(async () => {
  await endpoint?.close();
  cluster?.stop();
}, 60_000);

/** An inspection on the server with the lead and the colleague on its team list. */
async function teamInspection(label: string, members = [lead.member(), colleague.member()]): Promise<string> {
  const id = inspectionId(label);
  await lead.client(endpoint.url).putRoster(await rosterFor(id, lead, members));
  return id;
}

const storedBatches = async (id: string) =>
  (
    await query<{ n: string }>(cluster, 'SELECT count(*) AS n FROM batches WHERE inspection_id = $1', [id])
  )[0]!.n;

describe('health and migrations', () => {
  it('answers ok once ready, with every migration recorded once', async () => {
    expect(await send(endpoint.url, 'GET', '/v1/health')).toEqual({ status: 200, body: { ok: true } });
    const migrations = await query<{ version: number }>(cluster, 'SELECT version FROM schema_migrations');
    expect(migrations.map((m) => m.version)).toEqual([1]);
    // A second endpoint on the same database applies nothing again.
    const second = await endpointOn(cluster);
    await second.close();
    expect(await query(cluster, 'SELECT version FROM schema_migrations')).toHaveLength(1);
  });

  it('keeps batches in a partition per year, by the server clock', async () => {
    const year = new Date().getUTCFullYear();
    const partitions = await query<{ name: string }>(
      cluster,
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'batches' ORDER BY 1`,
    );
    expect(partitions.map((p) => p.name)).toEqual(
      expect.arrayContaining([`batches_${year}`, `batches_${year + 1}`, 'batches_other_years']),
    );
  });

  it('answers an unknown address with a JSON error', async () => {
    const answer = await send(endpoint.url, 'GET', '/v1/nothing');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not-found');
  });
});

describe('signing in', () => {
  it('gives a token for a signed challenge, once per challenge', async () => {
    const { body } = await send(endpoint.url, 'POST', '/v1/session/challenge');
    const answer = JSON.stringify(await answerChallenge(body.challenge, colleague.keys));
    const first = await send(endpoint.url, 'POST', '/v1/session', { body: answer });
    expect(first.status).toBe(200);
    expect(first.body.publicKey).toBe(colleague.keys.publicKey);
    const again = await send(endpoint.url, 'POST', '/v1/session', { body: answer });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('unknown-challenge');
  });

  it('refuses a challenge signed and then changed, and an unsigned one', async () => {
    const { body } = await send(endpoint.url, 'POST', '/v1/session/challenge');
    const signed = await answerChallenge(body.challenge, colleague.keys);
    const other = await send(endpoint.url, 'POST', '/v1/session/challenge');
    const changed = await send(endpoint.url, 'POST', '/v1/session', {
      body: JSON.stringify({ ...signed, challenge: other.body.challenge }),
    });
    expect(changed.status).toBe(400);
    expect(changed.body.error.code).toBe('bad-signature');
    const unsigned = await send(endpoint.url, 'POST', '/v1/session', {
      body: JSON.stringify({ format: 'casescore.session', challenge: body.challenge }),
    });
    expect(unsigned.body.error.code).toBe('unsigned');
  });

  it('refuses requests without a token, or with a token that has expired', async () => {
    const id = await teamInspection('expired');
    expect((await send(endpoint.url, 'GET', `/v1/inspections/${id}/roster`)).body.error.code).toBe(
      'no-session',
    );
    const token = await tokenFor(endpoint.url, colleague.keys);
    await query(cluster, "UPDATE sessions SET expires_at = now() - interval '1 second'");
    const late = await send(endpoint.url, 'GET', `/v1/inspections/${id}/roster`, { token });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('session-expired');
    // The client signs in again by itself when its token runs out.
    await query(cluster, "UPDATE sessions SET expires_at = now() - interval '1 second'");
    const roster = await colleague.client(endpoint.url).getRoster(id, lead.keys.publicKey);
    expect(roster.members.map((m) => m.initials)).toEqual(['MK', 'JD']);
  });
});

describe('team lists', () => {
  it('stores a list signed by its lead, and gives it back exactly as signed', async () => {
    const id = inspectionId('roster');
    const roster = await rosterFor(id, lead, [lead.member(), colleague.member()]);
    expect(await lead.client(endpoint.url).putRoster(roster)).toEqual({ version: 1, stored: true });
    expect(await lead.client(endpoint.url).putRoster(roster)).toEqual({ version: 1, stored: false });
    expect(await colleague.client(endpoint.url).getRoster(id, lead.keys.publicKey)).toEqual(roster);
  });

  it('refuses a list signed by someone other than the lead it names', async () => {
    const id = inspectionId('forged');
    const forged = await rosterFor(id, colleague, [lead.member(), colleague.member()]);
    const claimed = { ...forged, lead: 'MK' };
    const error = await lead
      .client(endpoint.url)
      .putRoster(claimed)
      .catch((e: SyncError) => e);
    expect(error).toMatchObject({ status: 400, code: 'invalid-roster' });
    expect((error as SyncError).message).toMatch(/changed after it was signed/);
    // Signed properly by JD as lead of a list naming JD: valid, but once MK started the inspection only MK's key
    // may change it.
    await lead.client(endpoint.url).putRoster(await rosterFor(id, lead, [lead.member(), colleague.member()]));
    const takeover = await rosterFor(id, colleague, [colleague.member(), stranger.member()], 2);
    await expect(colleague.client(endpoint.url).putRoster(takeover)).rejects.toMatchObject({
      status: 403,
      code: 'not-the-lead',
    });
  });

  it('takes only a higher version, and never two lists under one version', async () => {
    const id = await teamInspection('versions');
    const other = await rosterFor(id, lead, [lead.member(), stranger.member()], 1);
    await expect(lead.client(endpoint.url).putRoster(other)).rejects.toMatchObject({
      code: 'roster-version-taken',
    });
    await lead.client(endpoint.url).putRoster(await rosterFor(id, lead, [lead.member()], 3));
    const older = await rosterFor(id, lead, [lead.member(), colleague.member()], 2);
    await expect(lead.client(endpoint.url).putRoster(older)).rejects.toMatchObject({
      code: 'roster-out-of-date',
    });
  });

  it('lets only members read the list', async () => {
    const id = await teamInspection('private');
    await expect(stranger.client(endpoint.url).getRoster(id)).rejects.toMatchObject({
      status: 403,
      code: 'not-a-member',
    });
    await expect(stranger.client(endpoint.url).getRoster(inspectionId('none'))).rejects.toMatchObject({
      status: 404,
      code: 'unknown-inspection',
    });
  });

  it('refuses a list naming one person twice', async () => {
    const id = inspectionId('twice');
    const roster = await rosterFor(id, lead, [lead.member(), { ...colleague.member(), initials: 'MK' }]);
    await expect(lead.client(endpoint.url).putRoster(roster)).rejects.toThrow(/names MK twice/);
  });
});

describe('batches', () => {
  it('stores a batch once: the same batch again is accepted as a duplicate', async () => {
    const id = await teamInspection('once');
    const device = await Device.make('JD', 'Jo Doyle');
    await lead.client(endpoint.url).putRoster(await rosterFor(id, lead, [lead.member(), device.member()], 2));
    device.answer('CR0001', QUESTIONS[0]!, 'yes');
    const batch = (await device.nextBatch(id))!;
    const api = device.client(endpoint.url);
    expect(await api.pushBatch(batch)).toEqual({ seq: 1, duplicate: false });
    expect(await api.pushBatch(batch)).toEqual({ seq: 1, duplicate: true });
    expect(await storedBatches(id)).toBe('1');
    const pulled = await lead.client(endpoint.url).pull(id, 0, await lead.client(endpoint.url).getRoster(id));
    expect(pulled.batches.map((b) => b.batch)).toEqual([batch]);
    expect(pulled.batches[0]!.signedBy).toBe('JD');
  });

  it('refuses tampered bytes, an unsigned batch and a batch for another address, storing nothing', async () => {
    const id = await teamInspection('tamper');
    colleague.answer('CR0002', QUESTIONS[1]!, 'no');
    const batch = (await colleague.nextBatch(id))!;
    const token = await tokenFor(endpoint.url, colleague.keys);
    const text = JSON.stringify(batch).replace('"no"', '"yes"');
    const tampered = await send(endpoint.url, 'POST', `/v1/inspections/${id}/batches`, { body: text, token });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error).toEqual({
      code: 'bad-signature',
      message: "the batch's signature fails: the file was changed after it was signed",
    });
    const { signature: _s, ...unsigned } = batch;
    const bare = await send(endpoint.url, 'POST', `/v1/inspections/${id}/batches`, {
      body: JSON.stringify(unsigned),
      token,
    });
    expect(bare.body.error.code).toBe('unsigned');
    const elsewhere = await send(endpoint.url, 'POST', `/v1/inspections/other/batches`, {
      body: JSON.stringify(batch),
      token,
    });
    expect(elsewhere.body.error.message).toMatch(/is for inspection .*, not other/);
    const garbage = await send(endpoint.url, 'POST', `/v1/inspections/${id}/batches`, {
      body: '{"a":',
      token,
    });
    expect(garbage.body.error.code).toBe('malformed');
    expect(await storedBatches(id)).toBe('0');
    // The untouched batch still goes in.
    expect((await colleague.client(endpoint.url).pushBatch(batch)).seq).toBe(1);
  });

  it('refuses keys not on the team list and revoked keys, storing nothing', async () => {
    const id = await teamInspection('revoked');
    stranger.answer('CR0001', QUESTIONS[0]!, 'yes');
    const foreign = (await stranger.nextBatch(id))!;
    await expect(stranger.client(endpoint.url).pushBatch(foreign)).rejects.toMatchObject({
      status: 403,
      code: 'not-a-member',
    });

    const device = await Device.make('AB', 'Ali Baker');
    await lead.client(endpoint.url).putRoster(await rosterFor(id, lead, [lead.member(), device.member()], 2));
    device.answer('CR0001', QUESTIONS[0]!, 'no');
    expect((await device.client(endpoint.url).pushBatch((await device.nextBatch(id))!)).seq).toBe(1);
    await lead
      .client(endpoint.url)
      .putRoster(await rosterFor(id, lead, [lead.member(), device.member(true)], 3));
    device.answer('CR0001', QUESTIONS[0]!, 'yes');
    const afterRevoking = (await device.nextBatch(id))!;
    const error = await device
      .client(endpoint.url)
      .pushBatch(afterRevoking)
      .catch((e: SyncError) => e);
    expect(error).toMatchObject({ status: 403, code: 'revoked' });
    expect((error as SyncError).message).toMatch(/AB's key is revoked/);
    // A revoked key can no longer read either; its earlier batch stays for the others.
    await expect(
      device.client(endpoint.url).pull(id, 0, await lead.client(endpoint.url).getRoster(id)),
    ).rejects.toMatchObject({
      code: 'revoked',
    });
    expect(await storedBatches(id)).toBe('1');
  });

  it('refuses an oversized body before reading it all, and too many changes', async () => {
    const id = await teamInspection('size');
    const token = await tokenFor(endpoint.url, colleague.keys);
    const huge = `{"padding":"${'x'.repeat(MAX_BATCH_BYTES)}"}`;
    const answer = await send(endpoint.url, 'POST', `/v1/inspections/${id}/batches`, { body: huge, token });
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toMatch(/the batch is over 4.0 MB/);
    const device = await Device.make('CD', 'Cat Dee');
    await lead.client(endpoint.url).putRoster(await rosterFor(id, lead, [lead.member(), device.member()], 2));
    for (let i = 0; i < 400; i++) for (const q of QUESTIONS) device.answer(`CR${i}`, q, 'yes');
    const many = (await device.nextBatch(id))!;
    await expect(device.client(endpoint.url).pushBatch(many)).rejects.toMatchObject({
      status: 413,
      message: expect.stringMatching(/carries 21600 changes; at most 20000/),
    });
    expect(await storedBatches(id)).toBe('0');
  });

  it('checks the changes against the export format, naming the case and question', async () => {
    const id = await teamInspection('schema');
    colleague.answer('CR0009', QUESTIONS[0]!, 'yes');
    const good = (await colleague.nextBatch(id))!;
    const { signBatch } = await import('#shared/sync');
    const { signature: _s, ...content } = good;
    const cases = structuredClone(content.inspection.cases) as any[];
    cases[0].answers[QUESTIONS[0]!].value = 'maybe';
    const bad = await signBatch({ ...content, inspection: { ...content.inspection, cases } }, colleague.keys);
    const error = await colleague
      .client(endpoint.url)
      .pushBatch(bad)
      .catch((e: SyncError) => e);
    expect(error).toMatchObject({ status: 422, code: 'invalid-changes' });
    expect((error as SyncError).message).toBe(
      'the batch\'s changes are not valid: inspection "Southwark PDU", case "CR0009", question "Is the pre-sentence information and advice to court sufficiently anal…", answer: expected yes | no | na, got "maybe"',
    );
    const unknown = await signBatch(
      { ...content, inspection: { ...content.inspection, framework: { id: 'hmip-nothing', version: '1' } } },
      colleague.keys,
    );
    await expect(colleague.client(endpoint.url).pushBatch(unknown)).rejects.toThrow(
      /unknown framework hmip-nothing 1/,
    );
    const outside = await signBatch(
      { ...content, lastCounter: content.firstCounter - 1 + 0, firstCounter: content.firstCounter },
      colleague.keys,
    );
    expect(outside.firstCounter).toBe(outside.lastCounter + 1);
    await expect(colleague.client(endpoint.url).pushBatch(outside)).rejects.toThrow(
      /last counter .* is before its first/,
    );
    expect(await storedBatches(id)).toBe('0');
  });

  it('refuses a gap in a device’s counters until the missing batch arrives (requests reordered)', async () => {
    const id = await teamInspection('gap');
    const device = await Device.make('EF', 'Eve Fox');
    await lead.client(endpoint.url).putRoster(await rosterFor(id, lead, [lead.member(), device.member()], 2));
    device.answer('CR0001', QUESTIONS[0]!, 'yes');
    const first = (await device.nextBatch(id))!;
    device.answer('CR0001', QUESTIONS[1]!, 'no');
    device.answer('CR0002', QUESTIONS[1]!, 'na');
    const second = (await device.nextBatch(id))!;
    device.answer('CR0003', QUESTIONS[4]!, 'yes');
    const third = (await device.nextBatch(id))!;
    const api = device.client(endpoint.url);
    const early = await api.pushBatch(third).catch((e: SyncError) => e);
    expect(early).toMatchObject({ status: 409, code: 'counter-gap' });
    expect((early as SyncError).message).toMatch(/follows an earlier batch: send that first/);
    expect(await api.pushBatch(first)).toEqual({ seq: 1, duplicate: false });
    await expect(api.pushBatch(third)).rejects.toMatchObject({
      code: 'counter-gap',
      message: expect.stringMatching(/up to counter 1; this batch starts at 4, so send counters 2–3 first/),
    });
    expect(await api.pushBatch(second)).toEqual({ seq: 2, duplicate: false });
    expect(await api.pushBatch(third)).toEqual({ seq: 3, duplicate: false });
    expect(await storedBatches(id)).toBe('3');
    expect(await query(cluster, 'SELECT * FROM quarantine WHERE inspection_id = $1', [id])).toEqual([]);
  });

  it('quarantines a cloned device’s conflicting batch (409) and keeps relaying the first', async () => {
    const id = await teamInspection('clone');
    const original = await Device.make('GH', 'Gus Hale');
    await lead
      .client(endpoint.url)
      .putRoster(await rosterFor(id, lead, [lead.member(), original.member()], 2));
    original.answer('CR0001', QUESTIONS[0]!, 'yes');
    await original.client(endpoint.url).pushBatch((await original.nextBatch(id))!);
    const copy = original.clone();
    original.answer('CR0003', QUESTIONS[2]!, 'yes');
    copy.answer('CR0003', QUESTIONS[2]!, 'no');
    const fromOriginal = (await original.nextBatch(id))!;
    const fromCopy = (await copy.nextBatch(id))!;
    expect(fromCopy.firstCounter).toBe(fromOriginal.firstCounter);
    await original.client(endpoint.url).pushBatch(fromOriginal);
    const refused = await copy
      .client(endpoint.url)
      .pushBatch(fromCopy)
      .catch((e: SyncError) => e);
    expect(refused).toMatchObject({ status: 409, code: 'conflict-quarantined' });
    expect((refused as SyncError).message).toMatch(
      /counters 2–2 of device .* overlap changes already accepted/,
    );
    // Sent again, it is still refused and kept once.
    await expect(copy.client(endpoint.url).pushBatch(fromCopy)).rejects.toMatchObject({ status: 409 });
    const kept = await query<{ body: string; first_counter: string }>(
      cluster,
      'SELECT body, first_counter FROM quarantine WHERE inspection_id = $1',
      [id],
    );
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]!.body)).toEqual(fromCopy);
    // The copy's next batch continues a chain the server does not have: quarantined too.
    copy.answer('CR0004', QUESTIONS[2]!, 'yes');
    const forked = (await copy.nextBatch(id))!;
    await expect(copy.client(endpoint.url).pushBatch(forked)).rejects.toThrow(
      /does not follow device .*'s last accepted batch/,
    );
    // The lead, and only the lead, can see what was quarantined and why.
    const leadToken = await tokenFor(endpoint.url, lead.keys);
    const seen = await send(endpoint.url, 'GET', `/v1/inspections/${id}/quarantine`, { token: leadToken });
    expect(seen.status).toBe(200);
    expect(seen.body.quarantined.map((q: any) => [q.firstCounter, q.lastCounter, q.batch])).toEqual([
      [2, 2, fromCopy],
      [3, 3, forked],
    ]);
    expect(seen.body.quarantined[1].reason).toMatch(/does not follow device/);
    const memberToken = await tokenFor(endpoint.url, original.keys);
    const hidden = await send(endpoint.url, 'GET', `/v1/inspections/${id}/quarantine`, {
      token: memberToken,
    });
    expect(hidden.status).toBe(403);
    expect(hidden.body.error.code).toBe('not-the-lead');
    const relayed = await lead
      .client(endpoint.url)
      .pull(id, 0, await lead.client(endpoint.url).getRoster(id));
    expect(relayed.batches.map((b) => b.batch)).toEqual([expect.anything(), fromOriginal]);
  });

  it('refuses a device id sending with a second key', async () => {
    const id = await teamInspection('two-keys');
    colleague.answer('CR0001', QUESTIONS[0]!, 'yes');
    await colleague.client(endpoint.url).pushBatch((await colleague.nextBatch(id))!);
    const impostor = new Device('MK', 'Maya Khan', lead.keys, colleague.deviceId);
    impostor.counter = colleague.counter;
    impostor.chains.set(id, { ...colleague.chains.get(id)! });
    impostor.answer('CR0001', QUESTIONS[0]!, 'no');
    await expect(
      impostor.client(endpoint.url).pushBatch((await impostor.nextBatch(id))!),
    ).rejects.toMatchObject({
      status: 403,
      code: 'device-key-mismatch',
    });
  });

  it('believes no clock: a laptop years ahead or behind is stored by the server’s year, in order received', async () => {
    const id = await teamInspection('clocks');
    const fast = await Device.make('FS', 'Fast Clock', 3 * 365 * 24 * 3600_000);
    const slow = await Device.make('SL', 'Slow Clock', -5 * 365 * 24 * 3600_000);
    await lead
      .client(endpoint.url)
      .putRoster(await rosterFor(id, lead, [lead.member(), fast.member(), slow.member()], 2));
    fast.answer('CR0001', QUESTIONS[0]!, 'yes');
    slow.answer('CR0001', QUESTIONS[0]!, 'no');
    await fast.client(endpoint.url).pushBatch((await fast.nextBatch(id))!);
    await slow.client(endpoint.url).pushBatch((await slow.nextBatch(id))!);
    const rows = await query<{ seq: string; partition: string }>(
      cluster,
      `SELECT seq, tableoid::regclass::text AS partition FROM batches WHERE inspection_id = $1 ORDER BY seq`,
      [id],
    );
    const year = new Date().getUTCFullYear();
    expect(rows).toEqual([
      { seq: '1', partition: `batches_${year}` },
      { seq: '2', partition: `batches_${year}` },
    ]);
    const pulled = await lead.client(endpoint.url).pull(id, 0, await lead.client(endpoint.url).getRoster(id));
    expect(pulled.batches.map((b) => b.signedBy)).toEqual(['FS', 'SL']);
  });
});

describe('at the same time', () => {
  it('numbers batches pushed at once through two endpoints 1…n, and stores a batch sent twice at once once', async () => {
    const id = inspectionId('concurrent');
    const devices = await Promise.all(['P1', 'P2', 'P3', 'P4'].map((i) => Device.make(i, i)));
    await lead
      .client(endpoint.url)
      .putRoster(await rosterFor(id, lead, [lead.member(), ...devices.map((d) => d.member())]));
    const second = await endpointOn(cluster);
    try {
      await Promise.all(
        devices.map(async (device, i) => {
          for (let n = 0; n < 8; n++) {
            device.answer(`CR000${n % 6}`, QUESTIONS[n]!, 'yes');
            const batch = (await device.nextBatch(id))!;
            // The same batch arrives twice at once, through both endpoints.
            const [a, b] = await Promise.all([
              device.client(endpoint.url).pushBatch(batch),
              device.client(i % 2 ? second.url : endpoint.url).pushBatch(batch),
            ]);
            expect(a.seq).toBe(b.seq);
            expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
          }
        }),
      );
    } finally {
      await second.close();
    }
    const rows = await query<{ seq: string }>(
      cluster,
      'SELECT seq FROM batches WHERE inspection_id = $1 ORDER BY seq',
      [id],
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });
});

describe('pulling', () => {
  it('pages through batches after a cursor', async () => {
    const id = await teamInspection('pages');
    for (let i = 0; i < 5; i++) {
      colleague.answer('CR0001', QUESTIONS[i]!, 'yes');
      await colleague.client(endpoint.url).pushBatch((await colleague.nextBatch(id))!);
    }
    const roster = await lead.client(endpoint.url).getRoster(id);
    const first = await lead.client(endpoint.url).pull(id, 0, roster, 0, 2);
    expect(first.batches.map((b) => b.seq)).toEqual([1, 2]);
    expect(first).toMatchObject({ last: 2, more: true });
    const rest = await lead.client(endpoint.url).pull(id, first.last, roster, 0, 10);
    expect(rest.batches.map((b) => b.seq)).toEqual([3, 4, 5]);
    expect(rest.more).toBe(false);
    const none = await lead.client(endpoint.url).pull(id, 5, roster);
    expect(none).toEqual({ batches: [], last: 5, more: false });
  });

  it('wakes a waiting pull on another endpoint as soon as a batch is stored (LISTEN/NOTIFY)', async () => {
    const id = await teamInspection('wake');
    const other = await endpointOn(cluster);
    try {
      const roster = await lead.client(other.url).getRoster(id);
      const started = Date.now();
      const waiting = lead.client(other.url).pull(id, 0, roster, 20);
      await new Promise((resolve) => setTimeout(resolve, 300));
      colleague.answer('CR0005', QUESTIONS[3]!, 'no');
      await colleague.client(endpoint.url).pushBatch((await colleague.nextBatch(id))!);
      const woken = await waiting;
      expect(woken.batches).toHaveLength(1);
      expect(Date.now() - started).toBeLessThan(5000);
      // With nothing new it waits the time asked, then answers empty.
      const quiet = Date.now();
      expect((await lead.client(other.url).pull(id, woken.last, roster, 1)).batches).toEqual([]);
      expect(Date.now() - quiet).toBeGreaterThanOrEqual(900);
    } finally {
      await other.close();
    }
  });

  it('refuses a pulled batch whose signer the team list does not name', async () => {
    const id = await teamInspection('check-pulled');
    colleague.answer('CR0001', QUESTIONS[0]!, 'yes');
    await colleague.client(endpoint.url).pushBatch((await colleague.nextBatch(id))!);
    const roster = await lead.client(endpoint.url).getRoster(id);
    const withoutColleague = { ...roster, members: roster.members.filter((m) => m.initials !== 'JD') };
    await expect(lead.client(endpoint.url).pull(id, 0, withoutColleague)).rejects.toMatchObject({
      code: 'not-a-member',
    });
  });
});
