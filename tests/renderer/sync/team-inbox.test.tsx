// The team inbox on the import review screen, in jsdom: a batch from a team member whose answer conflicts with
// ours waits there; Review opens it in the same review as a file; the lead's choice is applied as the lead's
// own change (this device's version over both), the batch leaves the inbox, and the answer is the one chosen.
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, makeSigningKeys, type ExportedInspection } from '#shared/interchange';
import { BATCH_FORMAT, BATCH_FORMAT_VERSION, batchHash, signBatch } from '#shared/sync';
import { database, deviceId, setAnswer } from '../../../renderer/db';
import { readTeamInbox, writeTeamInbox } from '../../../renderer/db/team-inbox';
import { exportText } from '../../../renderer/features/transfer/transfer';
import { replacePlatform } from '../../../renderer/platform';
import { fakeDesktop } from '../fake-platform';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

const Q = 'assessment.engagement';

describe('the team inbox', () => {
  it('holds a conflicting batch until the lead resolves it in the review', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    await setAnswer(caseIds[0]!, Q, { value: 'yes' }, 'KM');
    // JD's laptop answered the same question No, without having seen our Yes.
    const jd = await makeSigningKeys();
    const ours = (JSON.parse(await exportText([inspectionId])) as { inspections: ExportedInspection[] })
      .inspections[0]!;
    const { audit: _audit, ...details } = ours;
    const cases = ours.cases.map((c) =>
      c.deleted
        ? c
        : {
            ...c,
            answers: {
              [Q]: {
                value: 'no' as const,
                by: 'JD',
                updatedAt: '2026-11-03T09:00:00.000Z',
                device: 'dev-jd',
                counter: 1,
              },
            },
          },
    );
    const batch = await signBatch(
      {
        format: BATCH_FORMAT,
        formatVersion: BATCH_FORMAT_VERSION,
        inspectionId,
        device: 'dev-jd',
        firstCounter: 1,
        lastCounter: 1,
        previous: null,
        createdAt: '2026-11-03T09:00:00.000Z',
        inspection: { ...details, cases },
      },
      jd,
    );
    await writeTeamInbox(inspectionId, [
      {
        seq: 4,
        hash: batchHash(batch),
        signedBy: 'JD',
        name: 'Jo Doyle',
        batch,
        inspectionId,
        verified: true,
        fingerprint: await fingerprintOf(jd.publicKey),
      },
    ]);
    const host = fakeDesktop();
    replacePlatform(host.platform);
    const { user, screen } = await renderApp('/import');

    const inbox = await screen.findByRole('region', { name: 'Team inbox' });
    expect(within(inbox).getByRole('row', { name: /JD \(Jo Doyle\)/ })).toHaveTextContent('Test PDU');
    await user.click(within(inbox).getByRole('button', { name: 'Review the changes from JD to Test PDU' }));
    expect(
      await screen.findByRole('heading', {
        name: 'Review the import of changes from JD through the team server',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Signed by JD \(Jo Doyle\)/)).toBeInTheDocument();
    const conflicts = screen.getByRole('table', { name: 'Conflicts' });
    expect(within(conflicts).getAllByRole('row')).toHaveLength(2);
    await user.click(within(screen.getByRole('radiogroup', { name: /^C-001:/ })).getByLabelText('Theirs'));
    await user.click(screen.getByRole('button', { name: 'Apply import' }));
    expect(
      await screen.findByText(/^Imported changes from JD through the team server into Test PDU/),
    ).toBeInTheDocument();

    expect(await readTeamInbox(inspectionId)).toEqual([]);
    const answer = (await database().cases.get(caseIds[0]!))!.answers[Q]!;
    // JD's answer, under this laptop's version, which replaces both: it travels to the team as ours.
    expect(answer).toMatchObject({ value: 'no', by: 'JD', device: await deviceId() });
    expect(answer.replaces).toMatchObject({ 'dev-jd': 1 });
    expect(host.backups.map((b) => b.reason)).toEqual(['before-import']);
  });

  it('says who sent a waiting batch, what it changes, why it is doubted, and names the inspection as held here', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    const ab = await makeSigningKeys();
    const ours = (JSON.parse(await exportText([inspectionId])) as { inspections: ExportedInspection[] })
      .inspections[0]!;
    const { audit: _audit, ...details } = ours;
    const cases = ours.cases.map((c) =>
      c.deleted
        ? c
        : {
            ...c,
            answers: {
              [Q]: {
                value: 'no' as const,
                by: 'AB',
                updatedAt: '2026-11-03T09:00:00.000Z',
                device: 'dev-someone-else',
                counter: 7,
              },
            },
          },
    );
    // The batch names the inspection otherwise, to pass itself off as changing something else.
    const batch = await signBatch(
      {
        format: BATCH_FORMAT,
        formatVersion: BATCH_FORMAT_VERSION,
        inspectionId,
        device: 'dev-ab',
        firstCounter: 1,
        lastCounter: 1,
        previous: null,
        createdAt: '2026-11-03T09:00:00.000Z',
        inspection: { ...details, name: 'Some Other PDU', cases },
      },
      ab,
    );
    await writeTeamInbox(inspectionId, [
      {
        seq: 5,
        hash: batchHash(batch),
        signedBy: 'AB',
        name: 'Ali Baker',
        batch,
        inspectionId,
        verified: false,
        doubt: 'carries changes stamped as another laptop’s',
        fingerprint: await fingerprintOf(ab.publicKey),
      },
    ]);
    replacePlatform(fakeDesktop().platform);
    const { screen } = await renderApp('/import');

    const inbox = await screen.findByRole('region', { name: 'Team inbox' });
    const row = within(inbox).getByRole('row', { name: /AB \(Ali Baker\)/ });
    expect(row).toHaveTextContent('carries changes stamped as another laptop’s');
    expect(row).toHaveTextContent('Test PDU');
    expect(row).not.toHaveTextContent('Some Other PDU');
    expect(row).toHaveTextContent('1 answer');
    expect(
      within(inbox).getByRole('button', { name: 'Review the changes from AB to Test PDU' }),
    ).toBeVisible();
  });
});
