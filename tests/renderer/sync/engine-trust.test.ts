// The sync round (renderer/sync/engine.ts) against a team server that lies, in jsdom with fake-indexeddb: it may
// hand back an older team list (one where a revoked colleague was not yet revoked), or a batch claiming a
// laptop whose batches came signed with another key. Neither may change anything on its own.
import { describe, expect, it } from 'vitest';
import { makeSigningKeys, type ExportedInspection, type SigningKeys } from '#shared/interchange';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  batchHash,
  ROSTER_FORMAT,
  ROSTER_FORMAT_VERSION,
  signBatch,
  signRoster,
  type ChangeBatch,
  type Roster,
} from '#shared/sync';
import { syncStorage, type InboxBatch } from '../../../renderer/db/sync-state';
import { exportText } from '../../../renderer/features/transfer/transfer';
import { syncRound, type SyncDeps } from '../../../renderer/sync/engine';
import type { PulledBatch, SyncServer } from '../../../renderer/sync/server-api';
import { inspectionWithCases } from '../helpers';

async function roster(inspectionId: string, version: number, lead: SigningKeys, jd: SigningKeys) {
  return signRoster(
    {
      format: ROSTER_FORMAT,
      formatVersion: ROSTER_FORMAT_VERSION,
      inspectionId,
      version,
      lead: 'KM',
      members: [
        { initials: 'KM', name: 'Kim Mills', publicKey: lead.publicKey, revoked: false },
        // Revoked from version 2 on.
        { initials: 'JD', name: 'Jo Doyle', publicKey: jd.publicKey, revoked: version >= 2 },
      ],
      createdAt: '2026-11-03T08:00:00.000Z',
    },
    lead,
  );
}

async function batchFrom(inspectionId: string, keys: SigningKeys, device: string): Promise<ChangeBatch> {
  const ours = (JSON.parse(await exportText([inspectionId])) as { inspections: ExportedInspection[] })
    .inspections[0]!;
  const { audit: _audit, ...details } = ours;
  return signBatch(
    {
      format: BATCH_FORMAT,
      formatVersion: BATCH_FORMAT_VERSION,
      inspectionId,
      device,
      firstCounter: 1,
      lastCounter: 1,
      previous: null,
      createdAt: '2026-11-03T09:00:00.000Z',
      inspection: { ...details, cases: [], judgements: {}, overrides: {} },
    },
    keys,
  );
}

/** A server that serves whatever the test sets, and a planner that records what it is handed. */
function fakeRound(keys: SigningKeys) {
  const served: { roster?: Roster; batches: PulledBatch[] } = { batches: [] };
  const received: InboxBatch[][] = [];
  const server = {
    getRoster: async () => served.roster!,
    pushBatch: async () => ({ seq: 1, duplicate: false }),
    pull: async (_id: string, after: number) => {
      const batches = served.batches.filter((b) => b.seq > after);
      return { batches, last: Math.max(after, ...batches.map((b) => b.seq)), more: false };
    },
  } as unknown as SyncServer;
  const deps: SyncDeps = {
    server,
    storage: syncStorage(),
    keys,
    incoming: {
      receive: async (_id, batches) => {
        received.push([...batches]);
        return batches.map((b) => b.hash);
      },
    },
  };
  return { served, received, deps };
}

describe('a sync round with a lying server', () => {
  it('refuses a team list older than one already used here', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    const { served, received, deps } = fakeRound(lead);
    served.roster = await roster(inspectionId, 2, lead, jd);
    expect(await syncRound(inspectionId, deps)).toEqual({ kind: 'synced' });

    // Version 1, properly signed by the lead long ago, still has JD trusted.
    served.roster = await roster(inspectionId, 1, lead, jd);
    const batch = await batchFrom(inspectionId, jd, 'dev-jd');
    served.batches = [{ seq: 1, batch, hash: batchHash(batch), signedBy: 'JD' }];
    const outcome = await syncRound(inspectionId, deps);
    expect(outcome).toMatchObject({ kind: 'refused' });
    expect(outcome.kind === 'refused' && outcome.message).toMatch(
      /version 1 of the team list of Test PDU, older than version 2/,
    );
    expect(received).toEqual([]);
  });

  it('marks a batch claiming a laptop that signed with another key before', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    const [lead, jd, ab] = [await makeSigningKeys(), await makeSigningKeys(), await makeSigningKeys()];
    const { served, received, deps } = fakeRound(lead);
    served.roster = await roster(inspectionId, 1, lead, jd);
    const genuine = await batchFrom(inspectionId, jd, 'dev-jd');
    const forged = await batchFrom(inspectionId, ab, 'dev-jd');
    served.batches = [
      { seq: 1, batch: genuine, hash: batchHash(genuine), signedBy: 'JD' },
      { seq: 2, batch: forged, hash: batchHash(forged), signedBy: 'AB' },
    ];
    expect(await syncRound(inspectionId, deps)).toEqual({ kind: 'synced' });
    const handed = received.flat();
    expect(handed.map((b) => [b.seq, b.otherKey ?? false])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('stops, in words, when the server says more follow but never moves on', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    const { served, deps } = fakeRound(lead);
    served.roster = await roster(inspectionId, 1, lead, jd);
    let asked = 0;
    (deps.server as unknown as { pull: () => Promise<unknown> }).pull = async () => {
      asked += 1;
      if (asked > 50) throw new Error('asked without end');
      return { batches: [], last: 0, more: true };
    };
    expect(await syncRound(inspectionId, deps)).toEqual({
      kind: 'refused',
      message: "the team server's pages of changes do not move on past 0",
    });
    expect(asked).toBe(1);
  });
});
