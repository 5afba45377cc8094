// The scoring desk's keyboard: where focus lands (never on a question that cannot apply), the key-question
// jump, and the per-inspection "prompts optional" way of working.
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { auditTrail, database } from '../../../renderer/db';
import {
  firstStop,
  nextKeyQuestion,
  nextStop,
  nextUnanswered,
  type StopRow,
} from '../../../renderer/features/scoring/useScoringKeys';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

const question = (id: string) => document.querySelector<HTMLElement>(`[data-question="${id}"]`)!;
const focusedQuestion = () => document.activeElement?.getAttribute('data-question');

const row = (id: string, kind: StopRow['question']['kind'], cannotApply = false): StopRow => ({
  question: { id, kind },
  notApplicableBecause: cannotApply ? 'no court report' : null,
});
const rows: StopRow[] = [
  row('court', 'key-question', true),
  row('court.p', 'prompt', true),
  row('eng', 'key-question'),
  row('eng.p1', 'prompt'),
  row('eng.p2', 'prompt'),
  row('des', 'key-question'),
  row('release', 'non-rated', true),
];

describe('where the keyboard may land', () => {
  it('a case opens on its first question that can apply', () => {
    expect(firstStop(rows, false)).toBe(2);
    expect(firstStop([row('a', 'key-question', true)], false)).toBeNull();
  });

  it('moving passes over questions that cannot apply, and over prompts when they are optional', () => {
    expect(nextStop(rows, 2, 1, false)).toBe(3);
    expect(nextStop(rows, 2, 1, true)).toBe(5);
    expect(nextStop(rows, 5, -1, true)).toBe(2);
    // Nothing after the last question that applies, and nothing before the first: focus stays.
    expect(nextStop(rows, 5, 1, false)).toBeNull();
    expect(nextStop(rows, 2, -1, false)).toBeNull();
  });

  it('Q goes round the key questions that apply, either way', () => {
    expect(nextKeyQuestion(rows, 2, 1)).toBe(5);
    expect(nextKeyQuestion(rows, 5, 1)).toBe(2);
    expect(nextKeyQuestion(rows, 3, -1)).toBe(2);
  });

  it('U finds the next unanswered question that counts, never a prompt or one that cannot apply', () => {
    const values: Record<string, 'yes' | undefined> = { eng: 'yes' };
    expect(nextUnanswered(rows, 2, (id) => values[id])).toBe(5);
    values.des = 'yes';
    expect(nextUnanswered(rows, 2, (id) => values[id])).toBeNull();
  });
});

describe('scoring by keyboard', () => {
  it('with court work rated and no court report, opens on 2.2 and arrows never reach a court question', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001'], { courtWork: true });
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: '2.1 Court work', level: 2 });
    expect(focusedQuestion()).toBe('assessment.engagement');
    await user.keyboard('{ArrowUp}');
    expect(focusedQuestion()).toBe('assessment.engagement');
    expect(question('court-work.advice')).toHaveAttribute('tabindex', '-1');
  });

  it('auto-advance and arrows pass over questions that cannot apply (pre-release, not released on licence)', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: 'Case C-001' });
    const all = [...document.querySelectorAll<HTMLElement>('[data-question]')];
    const cannot = all.filter((el) => el.classList.contains('question--cannot-apply'));
    expect(cannot.length).toBeGreaterThan(0);
    // Walk the whole case with the down arrow: every row visited can apply.
    const visited = new Set<string>();
    for (let i = 0; i < all.length; i++) {
      visited.add(focusedQuestion()!);
      await user.keyboard('{ArrowDown}');
    }
    for (const el of cannot) expect(visited.has(el.dataset.question!)).toBe(false);
    expect(visited.size).toBe(all.length - cannot.length);
  });

  it('Q jumps to the next key question and Shift+Q back', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: 'Case C-001' });
    await user.keyboard('q');
    expect(focusedQuestion()).toBe('assessment.desistance');
    await user.keyboard('q');
    expect(focusedQuestion()).toBe('assessment.safety');
    await user.keyboard('{Shift>}q{/Shift}');
    expect(focusedQuestion()).toBe('assessment.desistance');
  });

  it('prompts optional: answering goes key question to key question; the setting is kept with an audit entry', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: 'Case C-001' });
    const toggle = screen.getByRole('checkbox', { name: /Prompts optional in this inspection/ });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    await expect
      .poll(async () => (await database().inspections.get(inspectionId))?.promptsOptional)
      .toBe(true);
    const audit = await auditTrail(inspectionId);
    expect(audit.at(-1)).toMatchObject({ action: 'inspection-edited', key: 'promptsOptional', after: true });
    question('assessment.engagement').focus();
    await user.keyboard('y');
    expect(focusedQuestion()).toBe('assessment.desistance');
    await user.keyboard('n');
    expect(focusedQuestion()).toBe('assessment.safety');
    expect(await within(question('assessment.desistance')).findByText('Saved')).toBeInTheDocument();
    // The next case keeps the inspection's way of working.
    await user.keyboard('j');
    await screen.findByRole('heading', { name: 'Case C-002' });
    expect(screen.getByRole('checkbox', { name: /Prompts optional/ })).toBeChecked();
    await user.keyboard('y');
    expect(focusedQuestion()).toBe('assessment.desistance');
  });

  it('H shows the focused answer’s history from the audit, newest first; Escape goes back to the question', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
    await screen.findByRole('heading', { name: 'Case C-001' });
    await user.keyboard('y');
    await within(question('assessment.engagement')).findByText('Saved');
    question('assessment.engagement').focus();
    await user.keyboard('n');
    await within(question('assessment.engagement')).findByText('Saved');
    question('assessment.engagement').focus();
    await user.keyboard('h');
    const dialog = await screen.findByRole('dialog', { name: 'History of Engagement' });
    const rows = await within(dialog).findAllByRole('row');
    expect(
      rows.slice(1).map((r) => [...r.querySelectorAll('td')].slice(1).map((td) => td.textContent)),
    ).toEqual([
      ['KM', 'Yes', 'No'],
      ['KM', 'Unanswered', 'Yes'],
    ]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(question('assessment.engagement')).toHaveFocus();
  });
});
