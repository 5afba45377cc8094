import { within } from '@testing-library/react';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PROBATION_PDU_2021 } from '#shared/framework';
import { describeStandardMargin, rateInspection, standardMargin } from '#shared/scoring';
import { runRate } from '../../../cli/rate-command';
import { createInspection, database, setAnswer, toExportedInspection } from '../../../renderer/db';
import { exportText } from '../../../renderer/features/transfer/transfer';
import { replacePlatform } from '../../../renderer/platform';
import { fakeDesktop } from '../fake-platform';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

/** Answers `counts` for one key question across the inspection's cases, in order. */
async function answerCounts(
  caseIds: readonly string[],
  questionId: string,
  counts: { yes: number; no: number; na?: number },
) {
  const values = [
    ...Array<'yes'>(counts.yes).fill('yes'),
    ...Array<'no'>(counts.no).fill('no'),
    ...Array<'na'>(counts.na ?? 0).fill('na'),
  ];
  for (const [i, value] of values.entries()) await setAnswer(caseIds[i]!, questionId, { value }, 'KM');
}

async function expectedMargin(inspectionId: string, standardId: string): Promise<string[]> {
  const inspection = (await database().inspections.get(inspectionId))!;
  const cases = await database().cases.where('inspectionId').equals(inspectionId).toArray();
  const standard = rateInspection(toExportedInspection(inspection, cases)).standards.find(
    (s) => s.id === standardId,
  )!;
  return describeStandardMargin(
    standard.label,
    standardMargin(PROBATION_PDU_2021, standard.computedRating, standard.keyQuestions),
  ).map((s) => `${s}.`);
}

describe('why this rating: the margin to the next band', () => {
  it.each([
    ['a standard on a band edge (13 of 20 is exactly 65%)', { engagement: { yes: 13, no: 7 } }],
    ['a standard just below an edge (12 of 25)', { engagement: { yes: 12, no: 13 } }],
    [
      'two key questions that must both rise',
      { engagement: { yes: 4, no: 6 }, desistance: { yes: 3, no: 7 } },
    ],
    [
      'a key question with only N/A answers beside a rated one',
      { engagement: { yes: 9, no: 1 }, safety: { yes: 0, no: 0, na: 10 } },
    ],
    ['Outstanding, with only a way down', { engagement: { yes: 10, no: 0 } }],
  ])('matches the scoring module for %s', async (_, answers) => {
    const size = Math.max(
      ...Object.values(answers).map((c) => c.yes + c.no + ((c as { na?: number }).na ?? 0)),
    );
    const { inspectionId, caseIds } = await inspectionWithCases(
      Array.from({ length: size }, (_, i) => `C-${i + 1}`),
    );
    for (const [theme, counts] of Object.entries(answers))
      await answerCounts(caseIds, `assessment.${theme}`, counts);
    const { screen } = await renderApp(`/inspections/${inspectionId}/ratings/assessment`);
    const list = await screen.findByRole('list', { name: 'What would move 2.1 Assessment' });
    const shown = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(shown).toEqual(await expectedMargin(inspectionId, 'assessment'));
    expect(shown.length).toBeGreaterThan(0);
  });

  it('says why a standard is not rated: no Yes or No answers yet, or every answer N/A', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1']);
    await setAnswer(caseIds[0]!, 'planning.engagement', { value: 'na' }, 'KM');
    const { screen } = await renderApp(`/inspections/${inspectionId}/ratings/planning`);
    const breakdown = await screen.findByRole('region', { name: /2.2 Planning/ });
    expect(await within(breakdown).findByText('Not rated: no Yes or No answers yet.')).toBeInTheDocument();
    await setAnswer(caseIds[0]!, 'planning.desistance', { value: 'na' }, 'KM');
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'na' }, 'KM');
    expect(await within(breakdown).findByText('Not rated: every answer was N/A.')).toBeInTheDocument();
  });

  it('lists the cases answered No, each opening the case', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2', 'C-3']);
    await setAnswer(caseIds[1]!, 'reviewing.safety', { value: 'no', note: 'No review after arrest' }, 'KM');
    await setAnswer(caseIds[2]!, 'reviewing.safety', { value: 'yes' }, 'KM');
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/ratings/reviewing`);
    const safety = (
      await screen.findByRole('heading', { name: /^Keeping other people safe/, level: 3 })
    ).closest('article')!;
    expect(within(safety).getByText('1 case answered No')).toBeInTheDocument();
    await user.click(within(safety).getByText('1 case answered No'));
    expect(within(safety).getByText(/No review after arrest/)).toBeInTheDocument();
    await user.click(within(safety).getByRole('link', { name: 'C-2' }));
    expect(await screen.findByRole('heading', { name: 'Case C-2' })).toBeInTheDocument();
  });
});

describe('the ratings view', () => {
  it('shows overridden ratings apart from computed ones', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1']);
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'no' }, 'KM');
    const { setOverride } = await import('../../../renderer/db');
    await setOverride(
      inspectionId,
      'planning',
      { rating: 'requires-improvement', reason: 'One case only' },
      'Lead',
    );
    const { screen } = await renderApp(`/inspections/${inspectionId}/ratings`);
    const row = (await screen.findByRole('rowheader', { name: /2.2 Planning/ })).closest('tr')!;
    expect(within(row).getByText('Requires improvement')).toBeInTheDocument();
    expect(within(row).getByText(/overridden; computed Inadequate/)).toBeInTheDocument();
  });

  it('exports the case-level answers as CSV through the platform', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(
      caseIds[0]!,
      'assessment.safety',
      { value: 'no', note: 'Said "no", twice,\nthen left' },
      'KM',
    );
    const host = fakeDesktop();
    replacePlatform(host.platform);
    const { user, screen } = await renderApp(`/inspections/${inspectionId}/ratings`);
    await user.click(await screen.findByRole('button', { name: 'Export answers (CSV)' }));
    expect(
      await screen.findByText(/Saved the answers as CSV to \/home\/km\/Test PDU answers.csv/),
    ).toBeInTheDocument();
    const [saved] = host.saved;
    expect(saved?.kind).toBe('csv');
    // Below the byte-order mark and the header in inspectors' words, the ids head the columns.
    const [words, ...byId] = saved!.text.slice(1).split('\r\n');
    expect(words).toContain('"Case reference"');
    const rows = Papa.parse<Record<string, string>>(byId.join('\r\n'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.find((r) => r.reference === 'C-1')).toMatchObject({
      'assessment.safety': 'no',
      'assessment.safety note': 'Said "no", twice,\nthen left',
    });
    // The command-line CSV of an export of the same data is the same text, byte for byte.
    const exported = await exportText([inspectionId]);
    const cli = runRate(['export.json', '--csv'], () => exported);
    expect(cli).toMatchObject({ stderr: '', exitCode: 0 });
    expect(cli.stdout).toBe(saved!.text);
  });
});

describe('the region view', () => {
  it('offers each framework of a mixed region on its own, by name, never by id', async () => {
    await createInspection(
      {
        name: 'Lambeth PDU',
        region: 'London',
        framework: { id: 'hmip-probation-pdu', version: '2021' },
        options: {},
      },
      'KM',
    );
    await createInspection(
      {
        name: 'Lambeth YOS',
        region: 'London',
        framework: { id: 'hmip-youth', version: '2018' },
        options: {},
      },
      'KM',
    );
    const { screen, user } = await renderApp('/regions/London');
    expect(await screen.findByRole('heading', { name: 'Choose a round and framework' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const youth = screen.getByRole('link', {
      name: 'London, no round given · Youth offending service inspections 2018–2021',
    });
    expect(
      screen.getByRole('link', {
        name: 'London, no round given · Probation Delivery Unit inspections 2021–2023',
      }),
    ).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/hmip-|inspection \d/);
    await user.click(youth);
    expect(
      await screen.findByRole('table', { name: 'Ratings by youth justice service' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/1 youth justice service · Youth offending service inspections/),
    ).toBeInTheDocument();
  });
});
