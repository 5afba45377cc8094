// The protocol from a device's side (renderer/sync/server-api.ts) against a server that lies: a batch signed by
// a member of one inspection's team whose changes name another inspection held on this laptop is refused, not
// handed to the merge planner (which writes to the inspection the changes name).
import { describe, expect, it } from 'vitest';
import { makeSigningKeys, type ExportedInspection } from '#shared/interchange';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  ROSTER_FORMAT,
  ROSTER_FORMAT_VERSION,
  signBatch,
  signRoster,
} from '#shared/sync';
import { exportText } from '../../../renderer/features/transfer/transfer';
import { SyncServer } from '../../../renderer/sync/server-api';
import { inspectionWithCases } from '../helpers';

describe('pulling from a lying server', () => {
  it('refuses a batch whose changes name another inspection than the one pulled', async () => {
    const { inspectionId: other } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    const roster = await signRoster(
      {
        format: ROSTER_FORMAT,
        formatVersion: ROSTER_FORMAT_VERSION,
        inspectionId: 'shared-one',
        version: 1,
        lead: 'KM',
        members: [
          { initials: 'KM', name: 'Kim Mills', publicKey: lead.publicKey, revoked: false },
          { initials: 'JD', name: 'Jo Doyle', publicKey: jd.publicKey, revoked: false },
        ],
        createdAt: '2026-11-03T08:00:00.000Z',
      },
      lead,
    );
    // JD is on the team of "shared-one" only, and aims the changes at another inspection this laptop holds.
    const held = (JSON.parse(await exportText([other])) as { inspections: ExportedInspection[] })
      .inspections[0]!;
    const { audit: _audit, ...details } = held;
    const batch = await signBatch(
      {
        format: BATCH_FORMAT,
        formatVersion: BATCH_FORMAT_VERSION,
        inspectionId: 'shared-one',
        device: 'dev-jd',
        firstCounter: 1,
        lastCounter: 1,
        previous: null,
        createdAt: '2026-11-03T09:00:00.000Z',
        inspection: { ...details, cases: [], judgements: {}, overrides: {} },
      },
      jd,
    );
    const answers: Record<string, unknown> = {
      '/v1/session/challenge': { challenge: 'c1' },
      '/v1/session': { token: 't1' },
      '/v1/inspections/shared-one/batches': { batches: [{ seq: 1, batch }], last: 1, more: false },
    };
    const fake = async (url: string) =>
      new Response(JSON.stringify(answers[new URL(url).pathname] ?? {}), { status: 200 });
    const api = new SyncServer('https://casescore.example.org', lead, fake);
    await expect(api.pull('shared-one', 0, roster)).rejects.toThrow('batch 1 is for another inspection');
  });
});
