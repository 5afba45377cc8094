// An answer key draws the answer at once, marked "Saving…", before its write has committed; "Saved" follows the
// commit. The key redraws the answered row alone: the page around it (its progress, the ratings) follows the
// stored rows once the write has committed.
import { act, fireEvent, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as scoring from '#shared/scoring';
import { database } from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

// The scoring page works out the case's progress each time it draws: counted, to tell when it redraws.
vi.mock('#shared/scoring', async (original) => {
  const actual = await original<typeof scoring>();
  return { ...actual, caseProgress: vi.fn(actual.caseProgress) };
});

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

  it('redraws the answered row alone in the key’s event, and the page once the answer is stored', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    await settled();
    const progress = vi.mocked(scoring.caseProgress);
    const row = question('assessment.engagement');
    const drawnBefore = progress.mock.calls.length;
    fireEvent.keyDown(row, { key: 'y' });
    expect(row).toHaveClass('question--answered-yes');
    // The answer is drawn and focus has moved on, and the page has not been drawn again for either.
    expect(document.activeElement).not.toBe(row);
    expect(progress.mock.calls.length).toBe(drawnBefore);
    // Once stored, the page's own figures follow.
    expect(await screen.findByText(/· 1 of \d+ answered/)).toBeInTheDocument();
    expect(progress.mock.calls.length).toBeGreaterThan(drawnBefore);
  });
});
