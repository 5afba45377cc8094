// Judged ratings by keyboard: each group is named for its standard, and arrowing through the ratings saves
// only the one left chosen, with one audit entry, not one for every rating passed.
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { auditTrail, database } from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

describe('judged ratings by keyboard', () => {
  it('name each group by its standard and save only the rating left chosen', async () => {
    const { inspectionId } = await inspectionWithCases([]);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/judgements`);
    const group = await screen.findByRole('group', { name: 'Rating for 1.2 Staff' });
    expect(screen.getByRole('group', { name: 'Rating for 1.1 Leadership' })).toBeInTheDocument();
    await user.click(within(group).getByLabelText('Inadequate'));
    await expect
      .poll(async () => (await database().inspections.get(inspectionId))?.judgements.staff?.rating)
      .toBe('inadequate');
    const before = (await auditTrail(inspectionId)).filter((e) => e.action === 'judgement').length;
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(group).getByLabelText('Good')).toBeChecked();
    await user.tab();
    await expect
      .poll(async () => (await database().inspections.get(inspectionId))?.judgements.staff?.rating)
      .toBe('good');
    const judgements = (await auditTrail(inspectionId)).filter((e) => e.action === 'judgement');
    expect(judgements.length - before).toBe(1);
  });
});
