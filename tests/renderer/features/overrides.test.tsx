import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { database, setAnswer } from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

describe('professional-discretion overrides', () => {
  it('need a reason, and show beside the computed rating', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await setAnswer(caseIds[1]!, 'assessment.engagement', { value: 'no' }, 'KM');
    const { user, screen } = await renderApp(`/inspections/${inspectionId}`);
    const panel = await screen.findByRole('complementary');
    const assessment = () => within(panel).getByText('2.1 Assessment').closest('li')!;
    expect(await within(assessment()).findByText('Requires improvement')).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Override 2.1 Assessment' }));
    const dialog = screen.getByRole('dialog', { name: 'Override 2.1 Assessment' });
    expect(within(dialog).getByText('Requires improvement', { selector: 'strong' })).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Rating'), 'good');
    await user.click(within(dialog).getByRole('button', { name: 'Save override' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Give a reason');
    expect((await database().inspections.get(inspectionId))?.overrides).toEqual({});

    await user.type(
      within(dialog).getByLabelText('Reason (required)'),
      'Two-case sample; strong other evidence.',
    );
    // The problem was about the empty reason: typing one takes it away.
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save override' }));
    expect(await within(assessment()).findByText('Good')).toBeInTheDocument();
    expect(within(assessment()).getByText(/Overridden from Requires improvement by KM/)).toHaveTextContent(
      'Two-case sample; strong other evidence.',
    );

    await user.click(within(panel).getByRole('button', { name: 'Change override of 2.1 Assessment' }));
    await user.click(screen.getByRole('button', { name: 'Remove override' }));
    expect(await within(assessment()).findByText('Requires improvement')).toBeInTheDocument();
    expect(within(assessment()).queryByText(/Overridden/)).not.toBeInTheDocument();
  });
});
