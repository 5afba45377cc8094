// An answer key draws the answer at once, marked "Saving…", before its write has committed; "Saved" follows the
// commit.
import { act, fireEvent, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { database } from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

/** The page's effects have run: as for a person, whose first key comes well after the case is drawn. */
const settled = () => act(async () => {});

const question = (id: string) => document.querySelector<HTMLElement>(`[data-question="${id}"]`)!;

describe('an answer drawn before it is written', () => {
  it('shows the answer as saving in the same event as the key, and saved once stored', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    await settled();
    const row = question('assessment.engagement');
    fireEvent.keyDown(row, { key: 'n' });
    // Drawn synchronously, in the key's own event: nothing has been written yet.
    expect(row).toHaveClass('question--answered-no');
    expect(within(row).getByText('Saving…')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true');
    expect((await database().cases.get(caseIds[0]!))?.answers['assessment.engagement']).toBeUndefined();
    expect(await within(row).findByText('Saved')).toBeInTheDocument();
    expect((await database().cases.get(caseIds[0]!))?.answers['assessment.engagement']?.value).toBe('no');
  });
});
