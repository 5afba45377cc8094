// How sure each rating is, on screen: intervals under each share bar, "band not settled" with the cases that
// would settle it, and the sample-size helper following the sampling settings.
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readSamplingSettings, saveSamplingSettings, setAnswer } from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

describe('how sure each rating is', () => {
  it('shows 18 of 20 with its 80% and 95% intervals and marks the standard not settled, 7 cases from settling', async () => {
    const refs = Array.from({ length: 20 }, (_, i) => `C-${i + 1}`);
    const { inspectionId, caseIds } = await inspectionWithCases(refs);
    for (const [i, id] of caseIds.entries())
      await setAnswer(id, 'assessment.engagement', { value: i < 18 ? 'yes' : 'no' }, 'KM');
    const { screen } = await renderApp(`/inspections/${inspectionId}/ratings/assessment`);
    const article = (await screen.findByRole('heading', { name: /^Engagement/, level: 3 })).closest(
      'article',
    )!;
    // Worked by hand in tests/shared/scoring/certainty.test.ts: 78.2%–95.8% at 80%, 69.9%–97.2% at 95%.
    expect(within(article).getByText(/80% interval 78%–96%; 95% interval 70%–97%/)).toBeInTheDocument();
    expect(within(article).getByText('Band not settled')).toBeInTheDocument();
    expect(within(article).getByRole('img').getAttribute('aria-label')).toMatch(
      /90% \(18 of 20\), Large majority; .*80% interval 78%–96%, 95% interval 70%–97%/,
    );
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent(
      'at 80% confidence the rating could be anything from Good to Outstanding; about 7 more cases answering its key questions in today’s proportions would settle it',
    );
  });

  it('says no number of cases settles a standard whose share sits on a band edge', async () => {
    const refs = Array.from({ length: 20 }, (_, i) => `C-${i + 1}`);
    const { inspectionId, caseIds } = await inspectionWithCases(refs);
    for (const [i, id] of caseIds.entries())
      await setAnswer(id, 'assessment.engagement', { value: i < 13 ? 'yes' : 'no' }, 'KM');
    const { screen } = await renderApp(`/inspections/${inspectionId}/ratings/assessment`);
    expect(await screen.findByRole('note')).toHaveTextContent(
      'more cases alone would not settle it while a key question sits on a band edge',
    );
  });
});

describe('the sample-size helper and its settings', () => {
  it('gives 35 of 200 at the defaults; the settings change the level and margin and refuse a bad margin', async () => {
    const { inspectionId } = await inspectionWithCases(['C-1', 'C-2']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}`);
    const input = await screen.findByLabelText('Cases in the caseload the sample is drawn from');
    await user.type(input, '200');
    // 1.2816² × 0.25 / 0.1² = 41.06; 41.06 / (1 + 40.06 / 200) = 34.2, rounded up.
    expect(
      await screen.findByText(/Sample 35 of 200 cases .* within ±10 points with 80% confidence/),
    ).toHaveTextContent('The sample has 2 now: 33 more to go.');
    await user.clear(input);
    await user.type(input, '2x');
    expect(screen.getByText('Enter the number of cases in the caseload, such as 420.')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await user.selectOptions(await screen.findByLabelText('Confidence level'), '0.95');
    const margin = screen.getByLabelText('Margin (± points)');
    await user.clear(margin);
    await user.type(margin, '7');
    await user.click(screen.getByRole('button', { name: 'Save sampling settings' }));
    expect(await screen.findByText('Saved: 95% confidence, ±7 points.')).toBeInTheDocument();
    expect(await readSamplingSettings()).toEqual({ level: 0.95, margin: 0.07 });
    await user.clear(margin);
    await user.type(margin, '0');
    await user.click(screen.getByRole('button', { name: 'Save sampling settings' }));
    expect(await screen.findByText('The margin must be between 1 and 50 points.')).toBeInTheDocument();
    expect(await readSamplingSettings()).toEqual({ level: 0.95, margin: 0.07 });
  });

  it('follows the settings: 100 of 200 at 95% and ±7 points', async () => {
    await saveSamplingSettings({ level: 0.95, margin: 0.07 });
    const { inspectionId } = await inspectionWithCases(['C-1']);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}`);
    await user.type(await screen.findByLabelText('Cases in the caseload the sample is drawn from'), '200');
    // 1.96² × 0.25 / 0.07² = 196.0; 196.0 / (1 + 195.0 / 200) = 99.2, rounded up.
    expect(
      await screen.findByText(/Sample 100 of 200 cases .* within ±7 points with 95% confidence/),
    ).toBeInTheDocument();
  });
});
