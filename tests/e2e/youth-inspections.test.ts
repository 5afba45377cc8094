// Youth inspections as youth inspectors see them, in real Chromium: one with court and out-of-court cases
// (unfinished, with a single out-of-court case), one with court cases only (finished), imported from a file
// that still carries probation details on children's cases; then the panel, breakdown, report, export, the
// `rate` command on the exported file, and the region, each checked for its words. The London letter's figures
// stay exact beside a later round.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { runRate } from '../../cli/rate-command';
import { caseQuestions, YOUTH_2018, type AnswerValue, type CaseType } from '#shared/framework';
import {
  createExport,
  serialiseExport,
  type ExportedCase,
  type ExportedInspection,
} from '#shared/interchange';
import { seriousViolations } from './axe';
import { appUrl, collectErrors, openBrowser, screenshot, signIn } from './browser';

let page: Page;
let close: () => Promise<void>;
let errors: string[];
const folder = mkdtempSync(join(tmpdir(), 'casescore-youth-'));
let serial = 0;

/** A youth case with every key question that reaches it answered Yes, except those given. */
function youthCase(
  caseType: CaseType,
  reference: string,
  answers: Readonly<Record<string, AnswerValue | null>> = {},
  finished = true,
): ExportedCase {
  const all: Record<string, { value: AnswerValue | null }> = {};
  for (const q of caseQuestions(YOUTH_2018)) {
    if (q.kind !== 'key-question') continue;
    const reaches =
      q.standard.appliesToCase?.kind === 'case-type' && q.standard.appliesToCase.caseTypes.includes(caseType);
    if (finished && reaches) all[q.id] = { value: 'yes' };
  }
  for (const [id, value] of Object.entries(answers)) all[id] = { value };
  serial += 1;
  return {
    id: `y-${serial}`,
    reference,
    caseType,
    // Probation details on a child's case, as older exports carried them: read, then dropped.
    attributes: { rosh: 'medium', courtReport: 'none', releasedOnLicence: false, safetyWellbeing: 'high' },
    answers: all,
    updatedAt: '2023-05-02T10:00:00.000Z',
    by: 'KM',
  };
}

const youthJudged = Object.fromEntries(
  ['governance', 'staff', 'partnerships', 'information', 'ooc-policy'].map((id) => [
    id,
    { rating: 'good' as const, updatedAt: '2023-05-02T10:00:00.000Z', by: 'KM' },
  ]),
);

function inspection(
  parts: Partial<ExportedInspection> & Pick<ExportedInspection, 'id' | 'name'>,
): ExportedInspection {
  return {
    framework: { id: 'hmip-youth', version: '2018' },
    options: {},
    judgements: youthJudged,
    cases: [],
    overrides: {},
    ...parts,
  };
}

/** Court and out-of-court cases: 2 court cases unfinished, and one out-of-court case answered No once. */
const northshire = inspection({
  id: 'northshire',
  name: 'Northshire YJS',
  region: 'North West',
  round: '2023',
  fieldworkStart: '2023-05-01',
  cases: [
    ...Array.from({ length: 8 }, (_, i) =>
      youthCase('court-disposal', `NC-${i + 1}`, i < 2 ? { 'court-planning.desistance': 'no' } : {}),
    ),
    youthCase('court-disposal', 'NC-9', { 'court-assessment.desistance': 'yes' }, false),
    youthCase('court-disposal', 'NC-10', { 'court-assessment.desistance': 'no' }, false),
    youthCase('out-of-court-disposal', 'NO-1', { 'ooc-assessment.desistance': 'no' }),
  ],
});

/** Court cases only, all finished: Desistance in assessment is 4 Yes, 1 No, 1 N/A (80%, Outstanding). */
const southshire = inspection({
  id: 'southshire',
  name: 'Southshire YJS',
  region: 'North West',
  round: '2023',
  fieldworkStart: '2023-06-01',
  cases: Array.from({ length: 6 }, (_, i) =>
    youthCase('court-disposal', `SC-${i + 1}`, {
      'court-assessment.desistance': i === 4 ? 'no' : i === 5 ? 'na' : 'yes',
    }),
  ),
});

/** A probation inspection in the same region and round, and a later London round. */
const probation = (id: string, name: string, region: string, round: string): ExportedInspection => ({
  id,
  name,
  region,
  round,
  framework: { id: 'hmip-probation-pdu', version: '2021' },
  options: { courtWork: false },
  judgements: {},
  cases: [
    {
      id: `${id}-1`,
      reference: `${id.toUpperCase()}-1`,
      caseType: 'community',
      attributes: { rosh: 'high', courtReport: 'none', releasedOnLicence: false },
      answers: { 'management-oversight': { value: 'yes' }, 'assessment.engagement': { value: 'yes' } },
    },
  ],
  overrides: {},
});

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  errors = collectErrors(page);
  await signIn(page);
  await page.getByRole('button', { name: 'Load London 2022 demo' }).click();
  await page.getByText('Loaded the London 2022 demo').waitFor();
  const file = createExport(
    [
      northshire,
      southshire,
      probation('lancaster', 'Lancaster PDU', 'North West', '2023'),
      probation('southwark24', 'Southwark PDU', 'London', '2024'),
    ],
    new Date('2023-07-01T00:00:00Z'),
  );
  const path = join(folder, 'north-west.json');
  writeFileSync(path, serialiseExport(file));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(path);
  await page.getByRole('heading', { name: /^Review the import of/ }).waitFor();
  // The file is not from a trusted key, so its changes wait for review: take them all.
  await page.getByRole('button', { name: 'Take all these changes' }).click();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await page.getByText(/^Imported north-west.json/).waitFor();
}, 120_000);
afterAll(async () => close());

const panel = () => page.getByRole('complementary');

/** Opens an inspection from the list. */
async function openInspection(name: string) {
  await page.locator('table.inspections-table').getByRole('link', { name, exact: true }).click();
}

describe('a youth inspection with court and out-of-court cases, unfinished', () => {
  it('lists it as provisional, counting cases not finished', async () => {
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Northshire YJS', exact: true }) });
    await expect.poll(() => row.textContent()).toContain('Provisional: 2 of 11 cases not finished');
    expect(await row.textContent()).toContain('round 2023');
    await screenshot(page, 'youth-01-list');
  });

  it('asks and shows only youth case details', async () => {
    await openInspection('Northshire YJS');
    await panel().getByText('Provisional: 2 of 11 cases not finished.').waitFor();
    const form = page.getByRole('region', { name: 'Add cases' });
    await form.getByLabel('Case type').selectOption({ label: 'Out-of-court disposal' });
    expect(await form.getByLabel('Safety and wellbeing').isVisible()).toBe(true);
    expect(await form.getByLabel('Risk of serious harm').isVisible()).toBe(true);
    expect(await form.getByText('Court report inspected').count()).toBe(0);
    expect(await form.getByText('Released on licence').count()).toBe(0);
    await form.getByLabel('Case reference').fill('NO-2');
    await form.getByLabel('Safety and wellbeing').selectOption({ label: 'Very high' });
    await form.getByRole('button', { name: 'Add case' }).click();
    await form.getByText('Added 1 of 1.').waitFor();
    await panel().getByText('Provisional: 3 of 12 cases not finished.').waitFor();
    const listed = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'NO-2' }) });
    await expect.poll(() => listed.locator('td').allTextContents()).toContain('Very high');
    expect(await page.getByRole('columnheader', { name: 'Safety and wellbeing' }).count()).toBe(1);
    await page.getByRole('link', { name: 'NO-2' }).click();
    const details = page.locator('.page-head .sub').first();
    await expect
      .poll(() => details.textContent())
      .toContain('Out-of-court disposal · Very high safety and wellbeing');
    expect(await details.textContent()).not.toMatch(/court report|licence/);
    await screenshot(page, 'youth-02-out-of-court-case');
    await page.goBack();
  });

  it('tells two standards of one name apart in the "Answered No to" filter', async () => {
    const filter = page.getByLabel('Answered No to').locator('option');
    await expect.poll(() => filter.count()).toBeGreaterThan(1);
    const options = await filter.allTextContents();
    expect(new Set(options).size).toBe(options.length);
    expect(options).toContain('Assessment (out-of-court disposals): Desistance');
    expect(options).toContain('Assessment (court disposals): Desistance');
    expect(options).toContain('Assessment (court disposals): Keeping other people safe');
  });

  it('flags the standard rated from one case in the panel, the breakdown and the report', async () => {
    const ooc = panel().locator('li.ratings-standard', { hasText: '3.1 Assessment' });
    await expect.poll(() => ooc.textContent()).toContain('Inadequate');
    expect(await ooc.textContent()).toContain('Rated from 1 case: too few cases to rate with confidence');
    await screenshot(page, 'youth-03-panel-unfinished');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Ratings and breakdown' }).click();
    await page.getByRole('heading', { name: /^Ratings: Northshire YJS/ }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Provisional: 3 of 12 cases not finished.');
    const breakdown = page.getByRole('region', { name: /3\.1 Assessment \(out-of-court disposals\)/ });
    expect(await breakdown.textContent()).toContain(
      'Rated from 1 case: too few cases to rate with confidence',
    );
    await screenshot(page, 'youth-04-ratings-unfinished');
    await page
      .getByRole('navigation', { name: 'Inspection sections' })
      .getByRole('link', { name: 'Report' })
      .click();
    await page.getByRole('heading', { name: 'Northshire YJS' }).waitFor();
    const report = (await page.locator('main').textContent()) ?? '';
    expect(report).toContain('Provisional: 3 of 12 cases not finished.');
    expect(report).toContain('Rated from 1 case: too few cases to rate with confidence');
    expect(report).toContain('round 2023');
    expect(report).not.toContain('PDU');
    await screenshot(page, 'youth-05-report-unfinished');
  });
});

describe('a youth inspection with court cases only, finished', () => {
  it('says why the out-of-court standards are not rated, and why the maximum is 27, and is not provisional', async () => {
    await page.goto(appUrl('/'));
    await openInspection('Southshire YJS');
    const text = () => panel().textContent();
    await expect.poll(text).toContain('Not rated: no out-of-court cases in the sample.');
    expect(await text()).not.toContain('Provisional');
    expect(await text()).toContain(
      'Scored out of 27, not 36, because 3.1 Assessment, 3.2 Planning and 3.3 Implementation and delivery are not rated (no out-of-court cases in the sample)',
    );
    expect(await text()).not.toContain('yet');
    await screenshot(page, 'youth-06-panel-court-only');
  });

  it('explains the margin without misleading: an N/A answered No, or a Yes changed to No', async () => {
    await page.getByRole('link', { name: 'Ratings and breakdown' }).click();
    const breakdown = page.getByRole('region', { name: /2\.1 Assessment \(court disposals\)/ });
    const margins = breakdown.getByRole('list', { name: /What would move/ });
    await expect
      .poll(() => margins.locator('li').allTextContents())
      .toEqual([
        '1 more No answer in Desistance — an N/A answered No — would make Assessment (court disposals) Good.',
        '1 answer in Desistance changed from Yes to No would make it Requires improvement.',
      ]);
    expect(await breakdown.getByRole('heading', { name: /^Keeping other people safe/ }).count()).toBe(1);
    const ooc = page.getByRole('region', { name: /3\.1 Assessment \(out-of-court disposals\)/ });
    expect(await ooc.textContent()).toContain('Not rated: no out-of-court cases in the sample.');
    await screenshot(page, 'youth-07-breakdown-court-only');
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('navigation', { name: 'Inspection sections' })
      .getByRole('link', { name: 'Report' })
      .click();
    await page.getByRole('heading', { name: 'Southshire YJS' }).waitFor();
    const report = (await page.locator('main').textContent()) ?? '';
    expect(report).toContain('Not rated: no out-of-court cases in the sample.');
    expect(report).toContain('Scored out of 27, not 36');
    expect(report).not.toContain('Provisional');
    await screenshot(page, 'youth-08-report-court-only');
  });
});

describe('the export and the rate command', () => {
  it('exports youth cases with youth details only, and the round; rate says why, in words', async () => {
    await page.goto(appUrl('/'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: /^Not encrypted/ }).check();
    await dialog.getByRole('button', { name: 'Export' }).click();
    const path = join(folder, 'exported.json');
    await (await download).saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { inspections: ExportedInspection[] };
    const north = exported.inspections.find((i) => i.name === 'Northshire YJS')!;
    expect(north.round).toBe('2023');
    for (const c of north.cases) {
      if (c.deleted) continue;
      expect(Object.keys(c.attributes).sort()).toEqual(
        c.reference === 'NO-2' ? ['safetyWellbeing'] : ['rosh', 'safetyWellbeing'],
      );
    }
    const text = runRate([path], (p) => readFileSync(p, 'utf8'));
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('Provisional: 3 of 12 cases not finished.');
    expect(text.stdout).toContain('Not rated: no out-of-court cases in the sample.');
    expect(text.stdout).toContain('Rated from 1 case: too few cases to rate with confidence.');
    expect(text.stdout).toMatch(/Out-of-court disposal policy and provision +Good/);
    const json = JSON.parse(runRate([path, '--json'], (p) => readFileSync(p, 'utf8')).stdout);
    const south = json.inspections.find((i: { name: string }) => i.name === 'Southshire YJS');
    expect(south.provisional).toBe(false);
    expect(south.standards.find((s: { id: string }) => s.id === 'ooc-assessment').notRated).toEqual({
      kind: 'no-cases-of-kind',
      cases: 'out-of-court cases',
      text: 'no out-of-court cases in the sample',
    });
  });
});

describe('the region, by round and framework', () => {
  it('offers each framework of North West separately, by name, and shows the youth services side by side', async () => {
    const regions = page.getByRole('region', { name: 'Regions' });
    expect(await regions.textContent()).not.toMatch(/hmip-|side by side\)/);
    await screenshot(page, 'youth-09-regions-list');
    await regions
      .getByRole('link', { name: 'North West, round 2023 · Youth offending service inspections 2018–2021' })
      .click();
    const table = page.getByRole('table', { name: 'Ratings by youth justice service' });
    await table.waitFor();
    expect(await page.getByText(/^2 youth justice services · /).count()).toBe(1);
    const rows = await table.locator('tbody th').allTextContents();
    expect(rows).toContain('Court disposals');
    expect(rows).toContain('Out-of-court disposals');
    expect(rows).toContain('Assessment (court disposals)');
    expect(rows).toContain('Assessment (out-of-court disposals)');
    expect(new Set(rows).size).toBe(rows.length);
    const oocRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Assessment (out-of-court disposals)' }) });
    expect(await oocRow.textContent()).toContain('from 1 case: too few cases to rate with confidence');
    const figures = await page.locator('details.figure summary').allTextContents();
    const headings = figures.map((f) => f.split(': ').slice(0, -1).join(': '));
    expect(new Set(headings).size).toBe(headings.length);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/PDU|hmip-/);
    expect(main).toContain('Probation Delivery Unit inspections 2021–2023');
    await screenshot(page, 'youth-10-region');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Region report' }).click();
    await page.getByRole('heading', { name: 'North West region, round 2023' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/PDU|hmip-/);
    await screenshot(page, 'youth-11-region-report');
  });

  it('offers the rounds and frameworks of a region by name when the address picks none', async () => {
    await page.goto(appUrl('/regions/North%20West'));
    await page.getByRole('heading', { name: 'Choose a round and framework' }).waitFor();
    const links = await page.locator('main .region-links a').allTextContents();
    expect(links).toEqual([
      'North West, round 2023 · Probation Delivery Unit inspections 2021–2023',
      'North West, round 2023 · Youth offending service inspections 2018–2021',
    ]);
    expect(await page.locator('main').textContent()).not.toMatch(/hmip-|inspection \d/);
    expect(await page.getByRole('table').count()).toBe(0);
    await screenshot(page, 'youth-12-region-choose');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("keeps the London letter's figures exact with a 2024 round beside it", async () => {
    await page.goto(appUrl('/'));
    const regions = page.getByRole('region', { name: 'Regions' });
    await regions
      .getByRole('link', { name: 'London, round 2024 · Probation Delivery Unit inspections 2021–2023' })
      .waitFor();
    await regions
      .getByRole('link', { name: 'London, round 2022 · Probation Delivery Unit inspections 2021–2023' })
      .click();
    await page.getByRole('heading', { name: 'London region, round 2022' }).waitFor();
    expect(
      await page
        .getByText('management oversight was effective, in cases that required it: 51 of 223 (23%)')
        .count(),
    ).toBe(1);
    expect(await page.getByRole('table', { name: 'Ratings by PDU' }).locator('thead th').count()).toBe(7);
    expect(errors).toEqual([]);
  });
});
