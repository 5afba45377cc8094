// The scoring page follows every answer, wherever it was given: this window's answer is drawn with its
// progress and ratings as it is marked "Saved" (from the row the write committed, with no read of the cases),
// and an answer another window gives to the open case shows, with the progress and ratings it moves.
import { act, fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { database, setAnswer } from '../../../renderer/db';
import { inAnotherWindow, inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

const question = (id: string) => document.querySelector<HTMLElement>(`[data-question="${id}"]`)!;

async function openCase() {
  const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002']);
  const { screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
  await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
  // The page's effects have run, as for a person, whose first key comes well after the case is drawn.
  await act(async () => {});
  const panel = screen.getByRole('complementary');
  const assessment = () => within(panel).getByText('2.1 Assessment').closest('li')!;
  return { screen, caseIds, assessment };
}

describe('the scoring page following answers', () => {
  it('draws the progress and the ratings an answer moves as it shows "Saved", reading no case', async () => {
    const { screen, assessment } = await openCase();
    const where = vi.spyOn(database().cases, 'where');
    const bulkGet = vi.spyOn(database().cases, 'bulkGet');
    const row = question('assessment.engagement');
    fireEvent.keyDown(row, { key: 'y' });
    await waitFor(() => {
      expect(within(row).getByText('Saved')).toBeInTheDocument();
      // Not waited for apart: drawn with "Saved", in the same task.
      expect(screen.getByText(/· 1 of \d+ answered/)).toBeInTheDocument();
      expect(within(assessment()).getByText('Outstanding')).toBeInTheDocument();
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(where).not.toHaveBeenCalled();
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it("shows another window's answer to the open case, with the progress and ratings it moves", async () => {
    const { screen, caseIds, assessment } = await openCase();
    fireEvent.keyDown(question('assessment.engagement'), { key: 'y' });
    expect(await within(question('assessment.engagement')).findByText('Saved')).toBeInTheDocument();
    expect(within(assessment()).getByText('Outstanding')).toBeInTheDocument();
    await act(() =>
      inAnotherWindow(() => setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'SD')),
    );
    const safety = question('assessment.safety');
    await waitFor(() =>
      expect(within(safety).getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(screen.getByText(/· 2 of \d+ answered/)).toBeInTheDocument();
    expect(within(assessment()).getByText('Inadequate')).toBeInTheDocument();
    // This window's own answer is still there, saved.
    expect(within(question('assessment.engagement')).getByRole('button', { name: 'Yes' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it("shows another window's answer to another case of the inspection in the ratings", async () => {
    const { caseIds, assessment } = await openCase();
    expect(within(assessment()).getByText('Not rated')).toBeInTheDocument();
    await act(() =>
      inAnotherWindow(() => setAnswer(caseIds[1]!, 'assessment.engagement', { value: 'yes' }, 'SD')),
    );
    await waitFor(() => expect(within(assessment()).getByText('Outstanding')).toBeInTheDocument());
  });
});
