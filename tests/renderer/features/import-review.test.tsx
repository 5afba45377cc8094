import { within, type Screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  createExport,
  fingerprintOf,
  makeSigningKeys,
  parseExport,
  serialiseExport,
  serialiseSignedExport,
  type ExportedInspection,
} from '#shared/interchange';
import { database, readTeam, setAnswer } from '../../../renderer/db';
import { exportText } from '../../../renderer/features/transfer/transfer';
import { replacePlatform } from '../../../renderer/platform';
import { fakeDesktop } from '../fake-platform';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

const T = '2026-11-03T09:00:00.000Z';

/** Their copy of our inspection: the given answers changed by SD, and a new case NEW-9 with our C-003's reference. */
async function theirCopy(
  inspectionId: string,
  changes: Record<string, Record<string, 'yes' | 'no' | 'na'>>,
): Promise<string> {
  const ours = JSON.parse(await exportText([inspectionId])) as { inspections: ExportedInspection[] };
  const inspection = ours.inspections[0]!;
  const cases = inspection.cases.map((c) => {
    if (c.deleted || !changes[c.reference]) return c;
    const answers = { ...c.answers };
    for (const [q, value] of Object.entries(changes[c.reference]!))
      answers[q] = { value, by: 'SD', updatedAt: T, note: `SD on ${c.reference}` };
    return { ...c, answers };
  });
  cases.push({
    id: 'theirs-c3',
    reference: 'C-003',
    caseType: 'community',
    inspector: 'SD',
    attributes: {},
    answers: { 'assessment.engagement': { value: 'no', by: 'SD', updatedAt: T } },
  });
  return serialiseExport(createExport([{ ...inspection, cases }], new Date(T)));
}

async function chooseFile(user: UserEvent, screen: Screen) {
  await user.click(await screen.findByRole('button', { name: 'Import…' }));
  return screen.findByRole('heading', { name: /^Review the import of/ });
}

describe('reviewing an import', () => {
  it('shows conflicts side by side, resolves them one by one or by case range, and applies in one go', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002', 'C-003']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await setAnswer(caseIds[1]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await setAnswer(caseIds[2]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const text = await theirCopy(inspectionId, {
      'C-001': { 'assessment.engagement': 'no', 'planning.safety': 'yes' },
      'C-002': { 'assessment.engagement': 'no' },
    });
    const host = fakeDesktop({ open: { name: 'sd.json', text } });
    replacePlatform(host.platform);
    const { user, screen } = await renderApp('/');
    await chooseFile(user, screen);
    // Unsigned: who made it cannot be checked, so even the new answer waits for review.
    expect(screen.getByText(/^Not signed:/)).toBeInTheDocument();
    expect(screen.getByText(/to take without asking/)).toHaveTextContent(
      '0 to take without asking, 1 to review, 2 conflicts and 1 matching reference to resolve',
    );
    expect(screen.getByText(/^By kind:/)).toHaveTextContent('By kind: 3 answers.');

    const conflicts = screen.getByRole('table', { name: 'Conflicts' });
    const rows = within(conflicts).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getAllByRole('cell')[1]).toHaveTextContent(/^Yes\s*KM,/);
    expect(within(rows[0]!).getAllByRole('cell')[2]).toHaveTextContent(/^NoSD on C-001SD,/);
    const apply = screen.getByRole('button', { name: 'Apply import' });
    expect(apply).toBeDisabled();
    expect(
      screen.getByText('Still to decide: 2 conflicts, 1 change to review and 1 matching reference.'),
    ).toBeInTheDocument();

    await user.click(
      within(screen.getByRole('radiogroup', { name: 'Case C-003' })).getByLabelText(/Keep apart/),
    );
    const bulk = within(screen.getByRole('group', { name: 'Resolve conflicts in bulk' }));
    await user.selectOptions(bulk.getByLabelText('Cases from'), 'C-001');
    await user.selectOptions(bulk.getByLabelText('to'), 'C-001');
    await user.click(bulk.getByRole('button', { name: 'Take theirs for these cases' }));
    await user.click(within(screen.getByRole('radiogroup', { name: /^C-002:/ })).getByLabelText('Ours'));
    expect(apply).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Take all these changes' }));
    expect(apply).toBeEnabled();
    await user.click(apply);

    expect(await screen.findByText(/^Imported sd.json into Test PDU/)).toBeInTheDocument();
    const stored = await database().cases.where('inspectionId').equals(inspectionId).toArray();
    const byRef = Object.fromEntries(stored.map((c) => [c.reference, c]));
    expect(byRef['C-001']?.answers['assessment.engagement']).toMatchObject({ value: 'no', by: 'SD' });
    expect(byRef['C-001']?.answers['planning.safety']).toMatchObject({ value: 'yes', by: 'SD' });
    expect(byRef['C-002']?.answers['assessment.engagement']).toMatchObject({ value: 'yes', by: 'KM' });
    expect(byRef['C-003 (SD)']?.answers['assessment.engagement']?.value).toBe('no');
    expect(host.backups.map((b) => b.reason)).toEqual(['before-import']);

    // The same file again changes nothing.
    await user.click(screen.getByRole('link', { name: 'Inspections' }));
    await chooseFile(user, screen);
    expect(screen.getByText(/to take without asking/)).toHaveTextContent(
      '0 to take without asking, 0 to review, 0 conflicts and 0 matching references to resolve',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('resolves every conflict at once, and shows the conflicts of a case with our reference once joined', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002', 'C-003']);
    for (const id of caseIds) await setAnswer(id, 'assessment.engagement', { value: 'yes' }, 'KM');
    const text = await theirCopy(inspectionId, {
      'C-001': { 'assessment.engagement': 'no' },
      'C-002': { 'assessment.engagement': 'no' },
    });
    replacePlatform(fakeDesktop({ open: { name: 'sd.json', text } }).platform);
    const { user, screen } = await renderApp('/');
    await chooseFile(user, screen);
    const choices = () =>
      screen
        .getAllByRole('radiogroup', { name: /^C-00\d: / })
        .map((group) => within(group).getByRole('radio', { checked: true }).nextSibling?.textContent);

    await user.click(screen.getByRole('button', { name: 'Take all theirs' }));
    expect(choices()).toEqual(['Theirs', 'Theirs']);
    await user.click(screen.getByRole('button', { name: 'Keep all ours' }));
    expect(choices()).toEqual(['Ours', 'Ours']);

    // Their C-003 is another case with our C-003's reference: its answer conflicts only if the two are one case.
    expect(screen.getByRole('heading', { name: 'Conflicts (2)' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('radiogroup', { name: 'Case C-003' })).getByLabelText(/^Join/));
    expect(screen.getByRole('heading', { name: 'Conflicts (3)' })).toBeInTheDocument();
    expect(
      screen.getByText('Still to decide: 1 conflict, 0 changes to review and 0 matching references.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Take all theirs' }));
    expect(choices()).toEqual(['Theirs', 'Theirs', 'Theirs']);
    expect(screen.getByRole('button', { name: 'Apply import' })).toBeEnabled();
  });

  it('asks to trust a key it does not know, shows its fingerprint, and then takes what it replaces', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const ours = parseExport(await exportText([inspectionId])).inspections[0]!;
    const mine = ours.cases[0]!;
    if (mine.deleted) throw new Error('expected a live case');
    const previous = mine.answers['assessment.engagement']!;
    // A colleague's laptop changed the answer knowing ours, and set the risk level: signed with its own key.
    const colleague = await makeSigningKeys();
    const changed = {
      ...mine,
      answers: {
        'assessment.engagement': {
          value: 'no' as const,
          by: 'SD',
          updatedAt: T,
          device: 'laptop-sd',
          counter: 3,
          replaces: { [previous.device!]: previous.counter! },
        },
      },
      attributes: { ...mine.attributes, rosh: 'medium' as const },
      detailVersions: {
        ...mine.detailVersions,
        rosh: {
          by: 'SD',
          updatedAt: T,
          device: 'laptop-sd',
          counter: 4,
          replaces: { [previous.device!]: previous.counter! },
        },
      },
    };
    const text = await serialiseSignedExport(
      { ...createExport([{ ...ours, cases: [changed] }], new Date(T)), signer: { initials: 'SD' } },
      colleague,
    );
    replacePlatform(fakeDesktop({ open: { name: 'sd.json', text } }).platform);
    const { user, screen } = await renderApp('/');
    await chooseFile(user, screen);
    const fingerprint = await fingerprintOf(colleague.publicKey);
    expect(screen.getByRole('heading', { name: 'A key not on your team list' })).toBeInTheDocument();
    expect(screen.getByText(fingerprint)).toBeInTheDocument();
    expect(screen.getByText(/to take without asking/)).toHaveTextContent(
      '0 to take without asking, 2 to review',
    );

    await user.type(screen.getByLabelText('Name'), 'Sam Dunn');
    await user.click(screen.getByRole('button', { name: 'Trust this key' }));
    expect(await screen.findByText(`Signed by SD (Sam Dunn), ${fingerprint}: verified.`)).toBeInTheDocument();
    expect(screen.getByText(/to take without asking/)).toHaveTextContent(
      '2 to take without asking, 0 to review',
    );
    await user.click(screen.getByRole('button', { name: 'Apply import' }));
    expect(await screen.findByText(/^Imported sd.json/)).toBeInTheDocument();
    const stored = await database().cases.get(caseIds[0]!);
    expect(stored?.answers['assessment.engagement']?.value).toBe('no');
    expect(stored?.attributes.rosh).toBe('medium');
    expect((await readTeam()).map((m) => [m.initials, m.name, m.fingerprint])).toEqual([
      ['SD', 'Sam Dunn', fingerprint],
    ]);
  });

  it('cancelling the review writes nothing', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const text = await theirCopy(inspectionId, { 'C-001': { 'assessment.engagement': 'no' } });
    const before = await database().cases.toArray();
    replacePlatform(fakeDesktop({ open: { name: 'sd.json', text } }).platform);
    const { user, screen } = await renderApp('/');
    await chooseFile(user, screen);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('heading', { name: 'Inspections' })).toBeInTheDocument();
    expect(await database().cases.toArray()).toEqual(before);
  });
});
