import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { database, setAnswer } from '../../../renderer/db';
import { failCaseWrites, inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

const question = (id: string) => document.querySelector<HTMLElement>(`[data-question="${id}"]`)!;
const storedValue = async (caseId: string, questionId: string) =>
  (await database().cases.get(caseId))?.answers[questionId]?.value ?? null;

describe('scoring a case from the keyboard', () => {
  it('answers with Y, N and A, moving on after each, and marks each answer saved once committed', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: 'Case C-001' });
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    expect(question('assessment.engagement')).toHaveFocus();
    await user.keyboard('y');
    expect(question('assessment.engagement.motivation')).toHaveFocus();
    await user.keyboard('n');
    await user.keyboard('a');
    expect(await within(question('assessment.engagement')).findByText('Saved')).toBeInTheDocument();
    expect(await storedValue(caseIds[0]!, 'assessment.engagement')).toBe('yes');
    expect(await storedValue(caseIds[0]!, 'assessment.engagement.motivation')).toBe('no');
    expect(await storedValue(caseIds[0]!, 'assessment.engagement.diversity')).toBe('na');
    expect(within(question('assessment.engagement')).getByRole('button', { name: 'Yes' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('moves with the arrow keys and jumps to the next unanswered question with U', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await setAnswer(caseIds[0]!, 'assessment.desistance', { value: 'yes' }, 'KM');
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    // The page focuses its first question in an effect just after the rows are drawn.
    await waitFor(() => expect(question('assessment.engagement')).toHaveFocus());
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(question('assessment.engagement.diversity')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(question('assessment.engagement.motivation')).toHaveFocus();
    await user.keyboard('u');
    expect(question('assessment.safety')).toHaveFocus();
  });

  it('goes to the next and previous case with J and K', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: 'Case C-001' });
    await user.keyboard('j');
    expect(await screen.findByRole('heading', { name: 'Case C-002' })).toBeInTheDocument();
    await user.keyboard('k');
    expect(await screen.findByRole('heading', { name: 'Case C-001' })).toBeInTheDocument();
  });

  it('undoes and redoes answers with Ctrl+Z and Ctrl+Shift+Z', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    await user.keyboard('yn');
    await within(question('assessment.engagement.motivation')).findByText('Saved');
    await user.keyboard('{Control>}z{/Control}');
    await expect.poll(() => storedValue(caseIds[0]!, 'assessment.engagement.motivation')).toBeNull();
    await user.keyboard('{Control>}z{/Control}');
    await expect.poll(() => storedValue(caseIds[0]!, 'assessment.engagement')).toBeNull();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await expect.poll(() => storedValue(caseIds[0]!, 'assessment.engagement')).toBe('yes');
    expect(within(question('assessment.engagement')).getByRole('button', { name: 'Yes' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('does not take typing in a note as answers, and saves the note when leaving it', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    await user.keyboard('y');
    await user.click(
      screen.getByLabelText('Note on Engagement', {
        selector: '[data-question="assessment.engagement"] textarea',
      }),
    );
    await user.keyboard('Yes, and nothing else');
    await user.tab();
    await expect
      .poll(async () => (await database().cases.get(caseIds[0]!))?.answers['assessment.engagement'])
      .toMatchObject({
        value: 'yes',
        note: 'Yes, and nothing else',
      });
    expect(await storedValue(caseIds[0]!, 'assessment.engagement.motivation')).toBeNull();
  });

  it('shows why a question cannot apply, and refuses Yes or No there', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001'], { courtWork: true });
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Court work', level: 2 });
    const advice = question('court-work.advice');
    expect(within(advice).getByText(/Does not apply: No court report was inspected/)).toBeInTheDocument();
    expect(within(advice).getByRole('button', { name: 'Yes' })).toBeDisabled();
    advice.focus();
    await user.keyboard('y');
    expect(await within(advice).findByRole('alert')).toHaveTextContent('can only be N/A');
    expect(await storedValue(caseIds[0]!, 'court-work.advice')).toBeNull();
    expect(within(question('pre-release.contact')).getByText(/released on licence/)).toBeInTheDocument();
  });

  it('keeps an answer that failed to save on screen, marked not saved with the reason', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    const restore = failCaseWrites();
    await user.keyboard('n');
    const row = question('assessment.engagement');
    expect(await within(row).findByText(/Not saved: There is no room left to save/)).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(row).queryByText('Saved')).not.toBeInTheDocument();
    restore();
    expect(await storedValue(caseIds[0]!, 'assessment.engagement')).toBeNull();
  });

  it('moves the ratings panel as answers are saved', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    const panel = screen.getByRole('complementary');
    const assessment = () => within(panel).getByText('2.1 Assessment').closest('li')!;
    expect(within(assessment()).getByText('Not rated')).toBeInTheDocument();
    await user.keyboard('y');
    expect(await within(assessment()).findByText('Outstanding')).toBeInTheDocument();
    question('assessment.engagement').focus();
    await user.keyboard('n');
    expect(await within(assessment()).findByText('Inadequate')).toBeInTheDocument();
  });
});

describe("a case's own notes", () => {
  it('are saved as they are typed and when leaving the box, with an audit entry, and never taken as answers', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
    await user.click(screen.getByLabelText('Case notes'));
    await user.keyboard('Yes; no; all, "quoted"');
    await user.tab();
    expect(await screen.findByText('Notes saved')).toBeInTheDocument();
    const stored = await database().cases.get(caseIds[0]!);
    expect(stored?.note).toBe('Yes; no; all, "quoted"');
    expect(stored?.answers).toEqual({});
    const { auditTrail } = await import('../../../renderer/db');
    expect((await auditTrail(inspectionId)).at(-1)).toMatchObject({
      action: 'case-edited',
      key: 'note',
      after: 'Yes; no; all, "quoted"',
    });
  });
});
