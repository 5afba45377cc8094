// Pulled batches through the merge planner (renderer/sync/incoming.ts), in jsdom with fake-indexeddb: what a
// member's batch may change without the lead, and what must wait in the team inbox however it is signed.
import { describe, expect, it } from 'vitest';
import {
  fingerprintOf,
  makeSigningKeys,
  type ExportedInspection,
  type SigningKeys,
} from '#shared/interchange';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  batchHash,
  ROSTER_FORMAT,
  ROSTER_FORMAT_VERSION,
  signBatch,
  signRoster,
  type Roster,
} from '#shared/sync';
import { database } from '../../../renderer/db';
import { readTeamInbox, writeTeamInbox } from '../../../renderer/db/team-inbox';
import { exportText } from '../../../renderer/features/transfer/transfer';
import { teamIncoming } from '../../../renderer/sync/incoming';
import { inspectionWithCases } from '../helpers';

const Q = 'assessment.engagement';

/** A batch from `device` whose one case carries a single answer with the given stamp. */
async function batchWithAnswer(
  inspectionId: string,
  keys: SigningKeys,
  device: string,
  stamp: { device: string; counter: number },
  counters: { first: number; last: number } = { first: 1, last: 1 },
) {
  const ours = (JSON.parse(await exportText([inspectionId])) as { inspections: ExportedInspection[] })
    .inspections[0]!;
  const { audit: _audit, ...details } = ours;
  const cases = ours.cases.map((c) =>
    c.deleted
      ? c
      : {
          ...c,
          answers: {
            [Q]: { value: 'no' as const, by: 'JD', updatedAt: '2026-11-03T09:00:00.000Z', ...stamp },
          },
        },
  );
  return signBatch(
    {
      format: BATCH_FORMAT,
      formatVersion: BATCH_FORMAT_VERSION,
      inspectionId,
      device,
      firstCounter: counters.first,
      lastCounter: counters.last,
      previous: null,
      createdAt: '2026-11-03T09:00:00.000Z',
      inspection: { ...details, cases },
    },
    keys,
  );
}

async function rosterOf(
  inspectionId: string,
  lead: SigningKeys,
  jd: SigningKeys,
  jdRevoked: boolean,
): Promise<Roster> {
  return signRoster(
    {
      format: ROSTER_FORMAT,
      formatVersion: ROSTER_FORMAT_VERSION,
      inspectionId,
      version: jdRevoked ? 2 : 1,
      lead: 'KM',
      members: [
        { initials: 'KM', name: 'Kim Mills', publicKey: lead.publicKey, revoked: false },
        { initials: 'JD', name: 'Jo Doyle', publicKey: jd.publicKey, revoked: jdRevoked },
      ],
      createdAt: '2026-11-03T08:00:00.000Z',
    },
    lead,
  );
}

const answerHere = async (caseId: string) => (await database().cases.get(caseId))!.answers[Q];

describe('pulled batches', () => {
  it('takes a member’s own new answer without asking', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    const batch = await batchWithAnswer(inspectionId, jd, 'dev-jd', { device: 'dev-jd', counter: 1 });
    await teamIncoming().receive(
      inspectionId,
      [{ seq: 1, hash: batchHash(batch), signedBy: 'JD', batch }],
      await rosterOf(inspectionId, lead, jd, false),
    );
    expect(await answerHere(caseIds[0]!)).toMatchObject({ value: 'no', device: 'dev-jd' });
    expect(await readTeamInbox(inspectionId)).toEqual([]);
  });

  it('holds for the lead an answer a member signed as another laptop’s', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    // JD's key signs a batch of JD's device, but the answer in it claims to be the laptop of someone else.
    const batch = await batchWithAnswer(inspectionId, jd, 'dev-jd', { device: 'dev-ab', counter: 9 });
    await teamIncoming().receive(
      inspectionId,
      [{ seq: 1, hash: batchHash(batch), signedBy: 'JD', batch }],
      await rosterOf(inspectionId, lead, jd, false),
    );
    expect(await answerHere(caseIds[0]!)).toBeUndefined();
    const waiting = await readTeamInbox(inspectionId);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      signedBy: 'JD',
      verified: false,
      doubt: 'carries changes stamped as another laptop’s',
    });
  });

  it('holds for the lead an answer stamped outside the batch’s counters', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    const batch = await batchWithAnswer(
      inspectionId,
      jd,
      'dev-jd',
      { device: 'dev-jd', counter: 1 },
      { first: 5, last: 6 },
    );
    await teamIncoming().receive(
      inspectionId,
      [{ seq: 1, hash: batchHash(batch), signedBy: 'JD', batch }],
      await rosterOf(inspectionId, lead, jd, false),
    );
    expect(await answerHere(caseIds[0]!)).toBeUndefined();
    expect((await readTeamInbox(inspectionId))[0]).toMatchObject({ verified: false });
  });

  it('stops believing a waiting batch once its member is revoked', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    const batch = await batchWithAnswer(inspectionId, jd, 'dev-jd', { device: 'dev-jd', counter: 1 });
    // Waiting from when JD was trusted (it carried something for the lead then).
    await writeTeamInbox(inspectionId, [
      {
        seq: 1,
        hash: batchHash(batch),
        signedBy: 'JD',
        name: 'Jo Doyle',
        batch,
        inspectionId,
        verified: true,
        fingerprint: await fingerprintOf(jd.publicKey),
      },
    ]);
    // The lead has revoked JD since; the next round plans what waits again.
    await teamIncoming().receive(inspectionId, [], await rosterOf(inspectionId, lead, jd, true));
    expect(await answerHere(caseIds[0]!)).toBeUndefined();
    expect((await readTeamInbox(inspectionId))[0]).toMatchObject({
      signedBy: 'JD',
      verified: false,
      doubt: 'revoked on the team list',
    });
  });

  it('holds for the lead a batch whose laptop signed with another key before', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    const batch = await batchWithAnswer(inspectionId, jd, 'dev-jd', { device: 'dev-jd', counter: 1 });
    await teamIncoming().receive(
      inspectionId,
      [{ seq: 1, hash: batchHash(batch), signedBy: 'JD', batch, otherKey: true }],
      await rosterOf(inspectionId, lead, jd, false),
    );
    expect(await answerHere(caseIds[0]!)).toBeUndefined();
    expect((await readTeamInbox(inspectionId))[0]).toMatchObject({ verified: false, otherKey: true });
  });

  it('keeps a batch that cannot be merged here in the inbox with the reason, and deals with the rest', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    const good = await batchWithAnswer(inspectionId, jd, 'dev-jd', { device: 'dev-jd', counter: 1 });
    const ours = (JSON.parse(await exportText([inspectionId])) as { inspections: ExportedInspection[] })
      .inspections[0]!;
    const { audit: _audit, ...details } = ours;
    // A framework this build does not know: the batch cannot be read here.
    const odd = await signBatch(
      {
        format: BATCH_FORMAT,
        formatVersion: BATCH_FORMAT_VERSION,
        inspectionId,
        device: 'dev-ab',
        firstCounter: 1,
        lastCounter: 1,
        previous: null,
        createdAt: '2026-11-03T09:00:00.000Z',
        inspection: {
          ...details,
          framework: { ...details.framework, version: '1999' },
          cases: [],
          judgements: {},
          overrides: {},
        },
      },
      jd,
    );
    const dealt = await teamIncoming().receive(
      inspectionId,
      [
        { seq: 1, hash: batchHash(odd), signedBy: 'JD', batch: odd },
        { seq: 2, hash: batchHash(good), signedBy: 'JD', batch: good },
      ],
      await rosterOf(inspectionId, lead, jd, false),
    );
    expect(dealt).toHaveLength(2);
    expect(await answerHere(caseIds[0]!)).toMatchObject({ value: 'no', device: 'dev-jd' });
    const waiting = await readTeamInbox(inspectionId);
    expect(waiting.map((w) => w.seq)).toEqual([1]);
    expect(waiting[0]!.problem).toMatch(/unknown framework hmip-probation-pdu 1999/);
  });

  it('holds for the lead a case detail a member passes off as another laptop’s newer edit', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const [lead, jd] = [await makeSigningKeys(), await makeSigningKeys()];
    // AB's laptop wrote the case note here earlier (its counter 5).
    await database().cases.update(caseIds[0]!, {
      note: 'Seen weekly',
      detailVersions: {
        note: { by: 'AB', updatedAt: '2026-11-02T08:00:00.000Z', device: 'dev-ab', counter: 5 },
      },
    });
    const honest = await batchWithAnswer(inspectionId, jd, 'dev-jd', { device: 'dev-jd', counter: 1 });
    // JD's own answer, carried with the case row as context; the row's note is JD's edit under AB's stamp.
    const { signature: _signature, ...unsigned } = honest;
    const forged = await signBatch(
      {
        ...unsigned,
        inspection: {
          ...unsigned.inspection,
          cases: unsigned.inspection.cases.map((c) =>
            c.deleted
              ? c
              : {
                  ...c,
                  note: 'Closed early, no further contact',
                  detailVersions: {
                    ...c.detailVersions,
                    note: { by: 'AB', updatedAt: '2026-11-03T08:00:00.000Z', device: 'dev-ab', counter: 50 },
                  },
                },
          ),
        },
      },
      jd,
    );
    await teamIncoming().receive(
      inspectionId,
      [{ seq: 1, hash: batchHash(forged), signedBy: 'JD', batch: forged }],
      await rosterOf(inspectionId, lead, jd, false),
    );
    expect((await database().cases.get(caseIds[0]!))!.note).toBe('Seen weekly');
    expect((await readTeamInbox(inspectionId))[0]).toMatchObject({
      verified: false,
      doubt: 'carries changes stamped as another laptop’s',
    });
  });
});
