import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { database, setAnswer } from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

describe('the case sample', () => {
  it('adds one case with its facts', async () => {
    const { inspectionId } = await inspectionWithCases([]);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}`);
    await user.type(await screen.findByLabelText('Case reference'), 'NEW-014');
    await user.selectOptions(screen.getByLabelText('Case type'), 'licence');
    await user.selectOptions(screen.getByLabelText('Risk of serious harm'), 'high');
    await user.click(screen.getByLabelText('Released on licence in the period'));
    await user.click(screen.getByRole('button', { name: 'Add case' }));
    expect(await screen.findByRole('link', { name: 'NEW-014' })).toBeInTheDocument();
    const [row] = await database().cases.toArray();
    expect(row).toMatchObject({
      reference: 'NEW-014',
      caseType: 'licence',
      inspector: 'KM',
      attributes: { rosh: 'high', releasedOnLicence: true },
    });
  });

  it('adds many from a pasted list, skipping references already there', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}`);
    await user.click(await screen.findByRole('button', { name: 'Paste a list' }));
    await user.type(screen.getByLabelText(/References, one per line/), 'C-001{enter}C-002{enter}C-003');
    await user.click(screen.getByRole('button', { name: 'Add cases' }));
    expect(
      await screen.findByText(/Added 2 of 3\. Not added: row 1 \(C-001\): C-001 is already in the sample\./),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'C-003' })).toBeInTheDocument();
  });

  it('shows progress and status, and filters by inspector, incomplete and a No answer', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    await database().cases.update(caseIds[1]!, { inspector: 'SD' });
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'no' }, 'KM');
    const { user, screen } = await renderApp(`/inspections/${inspectionId}`);
    const first = (await screen.findByRole('link', { name: 'C-001' })).closest('tr')!;
    expect(within(first).getByText('1 of 14')).toBeInTheDocument();
    expect(within(first).getByText('In progress')).toBeInTheDocument();
    const second = screen.getByRole('link', { name: 'C-002' }).closest('tr')!;
    expect(within(second).getByText('Not started')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Scored by'), 'SD');
    expect(screen.queryByRole('link', { name: 'C-001' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'C-002' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Scored by'), '');

    await user.selectOptions(screen.getByLabelText('Answered No to'), 'planning.safety');
    expect(screen.getByRole('link', { name: 'C-001' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'C-002' })).not.toBeInTheDocument();
  });
});
