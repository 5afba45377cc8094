import { describe, expect, it } from 'vitest';
import { database } from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

describe('creating and editing an inspection', () => {
  it('names the missing field, then creates the inspection and opens it', async () => {
    const { user, screen } = await renderApp('/new-inspection');
    await user.click(await screen.findByRole('button', { name: 'Create inspection' }));
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Enter a name for the inspection/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Name'), 'Ealing and Hillingdon PDU');
    await user.type(screen.getByLabelText('Region'), 'London');
    await user.type(screen.getByLabelText('Lead inspector'), 'Keith McInnis');
    await user.click(screen.getByLabelText('Court work is rated in this inspection'));
    await user.click(screen.getByRole('button', { name: 'Create inspection' }));
    expect(
      await screen.findByRole('heading', { name: 'Ealing and Hillingdon PDU', level: 1 }),
    ).toBeInTheDocument();
    const [row] = await database().inspections.toArray();
    expect(row).toMatchObject({
      region: 'London',
      leadInspector: 'Keith McInnis',
      options: { courtWork: true },
    });
    // Court work rated: the panel numbers it 2.1, out of 27 once everything is rated.
    expect(screen.getByText('2.1 Court work')).toBeInTheDocument();
  });

  it('locks the framework once cases exist, and saves other changes', async () => {
    const { inspectionId } = await inspectionWithCases(['C-1']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/edit`);
    expect(await screen.findByLabelText('Framework')).toBeDisabled();
    expect(screen.getByText('The framework cannot change once cases have been added.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Renamed PDU');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: 'Renamed PDU', level: 1 })).toBeInTheDocument();
  });
});
