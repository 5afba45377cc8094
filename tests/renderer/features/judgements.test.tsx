import { within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { database } from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

describe('judged standards', () => {
  it('take a rating and evidence notes, and the panel counts them', async () => {
    const { inspectionId } = await inspectionWithCases([]);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/judgements`);
    const staff = (await screen.findByRole('heading', { name: '1.2 Staff' })).closest('section')!;
    await user.click(within(staff).getByLabelText('Good'));
    const panel = screen.getByRole('complementary');
    const panelStaff = () => within(panel).getByText('1.2 Staff').closest('li')!;
    expect(await within(panelStaff()).findByText('Good')).toBeInTheDocument();
    expect(within(panel).getByText('2/3', { selector: '.ratings-score' })).toBeInTheDocument();

    await user.type(
      within(staff).getByLabelText(/Staffing and workload/),
      'Caseloads above 60 for most officers.',
    );
    await user.tab();
    expect(await within(staff).findByText('Evidence saved')).toBeInTheDocument();
    const row = await database().inspections.get(inspectionId);
    expect(row?.judgements.staff).toMatchObject({
      rating: 'good',
      evidence: { 'staff.workload': 'Caseloads above 60 for most officers.' },
      by: 'KM',
    });
  });

  it('save evidence as it is typed, without waiting to leave the box, and keep each box apart', async () => {
    const { inspectionId } = await inspectionWithCases([]);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/judgements`);
    const staff = (await screen.findByRole('heading', { name: '1.2 Staff' })).closest('section')!;
    const boxes = within(staff).getAllByRole('textbox');
    await user.type(boxes[0]!, 'First box.');
    await user.type(boxes[1]!, 'Second box.');
    // No blur needed: within a second of the last key the text is stored.
    await vi.waitFor(
      async () => {
        const stored = (await database().inspections.get(inspectionId))?.judgements.staff?.evidence ?? {};
        expect(Object.values(stored).sort()).toEqual(['First box.', 'Second box.']);
      },
      { timeout: 5000 },
    );
  });
});
