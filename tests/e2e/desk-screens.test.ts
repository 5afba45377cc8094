// Every screen of the scoring desk at 1366×768, 1024 wide and 200% zoom (Chromium's real zoom: half the CSS
// pixels at twice the device pixels), axe-clean at each, walked as a person would: the words and layout fixes
// of issue 13 (one column under 1100px or at 200%, no page scrolling sideways, question text wide enough to
// read, the region table reachable by keyboard, messages that never cover a dialog, exports named for the
// inspection and inspector, focus after creating, a name's error gone once typed, the demo offered once and
// tagged, backups saying why they were taken).
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExport } from '#shared/interchange';
import type { Page } from 'playwright';
import { seriousViolations } from './axe';
import { appUrl, collectErrors, openBrowser, signIn } from './browser';
import { CasescorePage, step } from './casescore-page';
import { assertZoomed, resetSize, screenshotAt, setSize, SIZES, type Size } from './sizes';

let page: Page;
let close: () => Promise<void>;
let errors: string[];
let app: CasescorePage;

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  errors = collectErrors(page);
  app = new CasescorePage(page);
  await resetSize(page);
});

/** The London region's 2022 round, from the region's page (London also holds Croydon, with no round yet). */
const openLondon2022 = () =>
  step('open the London region, 2022 round', async () => {
    await page.goto(appUrl('/regions/London'));
    await page
      .getByRole('link', { name: /^London, .*2022/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /^London region/ }).waitFor();
  });
afterAll(async () => close());

/**
 * The layout at one size: the page never scrolls sideways (wide tables scroll in their own region); with the
 * ratings panel, two columns only on the full-width laptop; and at 200% no question's words are squeezed
 * into a column a word wide.
 */
async function checkLayout(name: string, size: Size) {
  const layout = await page.evaluate(() => {
    const main = document.querySelector('.with-panel > main')?.getBoundingClientRect();
    const panel = document.querySelector('.with-panel > .panel')?.getBoundingClientRect();
    const questions = [...document.querySelectorAll('.question__text')].map(
      (q) => q.getBoundingClientRect().width,
    );
    return {
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      panel: panel ? (main && panel.left >= main.right - 1 ? 'beside' : 'below') : 'none',
      narrowestQuestion: questions.length ? Math.min(...questions) : null,
    };
  });
  expect(layout.sideways, `${name} at ${size.name} scrolls sideways`).toBeLessThanOrEqual(0);
  if (layout.panel !== 'none') {
    expect(layout.panel, `${name} at ${size.name}`).toBe(size.name === '1366' ? 'beside' : 'below');
  }
  // About 30 characters of question text a line at the least, at every size.
  if (layout.narrowestQuestion !== null) {
    expect(layout.narrowestQuestion, `${name} at ${size.name}`).toBeGreaterThanOrEqual(240);
  }
}

/** The screenshots, then axe and the layout, at every size. */
async function screen(name: string) {
  for (const size of SIZES) {
    await setSize(page, size);
    if (size.zoom === 2) await assertZoomed(page);
    await screenshotAt(page, `screen-${name}`, size);
    expect(await seriousViolations(page), `${name} at ${size.name}`).toEqual([]);
    await checkLayout(name, size);
  }
  await resetSize(page);
}

/** Whether the ratings panel sits beside the work (two columns) rather than below it. */
const panelBeside = () =>
  page.evaluate(() => {
    const main = document.querySelector('.with-panel > main')?.getBoundingClientRect();
    const panel = document.querySelector('.with-panel > .panel')?.getBoundingClientRect();
    return Boolean(main && panel && panel.left >= main.right - 1);
  });

describe('every screen', () => {
  it('first run', async () => {
    await page.goto(appUrl('/'));
    await page.getByLabel('Your initials').waitFor();
    await screen('first-run');
    await signIn(page, 'km');
  });

  it('the inspections list: the demo is offered once and tagged Demo', async () => {
    await app.openInspections();
    await page.getByRole('button', { name: 'Load London 2022 demo' }).click();
    await page.getByRole('link', { name: 'Newham PDU', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Load London 2022 demo' }).count()).toBe(0);
    const newham = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Newham PDU', exact: true }) });
    expect(await newham.locator('.tag').innerText()).toBe('DEMO');
    await screen('inspections');
  });

  it('a new inspection: the name’s error goes once a name is typed; focus lands on the new inspection', async () => {
    await app.openInspections();
    await page.getByRole('button', { name: 'New inspection' }).click();
    await page.getByRole('button', { name: 'Create inspection' }).click();
    const error = page.getByText('Enter a name for the inspection');
    await error.waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Croydon PDU');
    await error.waitFor({ state: 'detached' });
    await page.getByLabel('Region').fill('London');
    await screen('new-inspection');
    await page.getByRole('button', { name: 'Create inspection' }).click();
    await page.getByRole('heading', { name: 'Croydon PDU', level: 1 }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('the case sample: one column under 1100px, nothing clipped at 1024', async () => {
    await app.openInspection('Croydon PDU');
    await page.getByRole('button', { name: 'Paste a list' }).click();
    await page.getByLabel('References, one per line').fill('CRO-001\nCRO-002');
    await page.getByRole('button', { name: 'Add cases' }).click();
    await page.getByRole('link', { name: 'CRO-002' }).waitFor();
    expect(await panelBeside()).toBe(true);
    await setSize(page, SIZES[1]!);
    expect(await panelBeside()).toBe(false);
    const label = await page.getByText('Incomplete only').boundingBox();
    expect(label!.x + label!.width).toBeLessThanOrEqual(1024);
    await setSize(page, SIZES[2]!);
    await assertZoomed(page);
    expect(await panelBeside()).toBe(false);
    await resetSize(page);
    await screen('case-sample');
  });

  it('pasting rows from a spreadsheet: the preview', async () => {
    await app.openInspection('Croydon PDU');
    await page.getByRole('button', { name: 'Paste a list' }).click();
    await page
      .getByLabel('References, one per line')
      .fill('CRO-003\tCommunity sentence\tHigh\nCRO-004\tLicence\tNowhere');
    const preview = page.locator('.paste-cases__preview');
    await preview.getByText('CRO-004').first().waitFor();
    await preview.scrollIntoViewIfNeeded();
    await screen('paste-preview');
    await page.keyboard.press('Escape');
  });

  it('the export dialog', async () => {
    await app.openInspection('Croydon PDU');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export' }).waitFor();
    await screen('export-dialog');
    await page.keyboard.press('Escape');
  });

  it('an export is named <inspection>-<initials>-<date>.json and says its ratings are provisional', async () => {
    await app.openInspection('Croydon PDU');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await exportDialog.getByRole('radio', { name: /^Not encrypted/ }).check();
    await exportDialog.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^croydon-pdu-KM-\d{4}-\d{2}-\d{2}\.json$/);
    const path = join(await mkdtemp(join(tmpdir(), 'casescore-export-')), file.suggestedFilename());
    await file.saveAs(path);
    const [croydon] = parseExport(readFileSync(path, 'utf8')).inspections;
    expect(croydon?.progress).toMatchObject({ provisional: true, cases: 2, casesNotFinished: 2 });
    expect(croydon?.progress?.provisionalNote).toMatch(/^Provisional: 2 of 2 cases not finished/);
  });

  it('a message never covers a dialog', async () => {
    await app.openCase('Croydon PDU', 'CRO-001');
    await page.getByRole('button', { name: 'Edit case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit case CRO-001' });
    await dialog.waitFor();
    // Whatever is on screen at the dialog's buttons is the dialog itself (it is in the top layer).
    const box = (await dialog.getByRole('button', { name: 'Save case' }).boundingBox())!;
    expect(
      await page.evaluate(
        ([x, y]) => Boolean(document.elementFromPoint(x!, y!)?.closest('dialog[open]')),
        [box.x + box.width / 2, box.y + box.height / 2],
      ),
    ).toBe(true);
    await screen('edit-case-dialog');
    await page.keyboard.press('Escape');
  });

  it('scoring a case', async () => {
    await app.openCase('Croydon PDU', 'CRO-001');
    await screen('scoring');
  });

  it('an answer’s history, one key away', async () => {
    await app.openCase('Newham PDU', 'NEW-001');
    await page.keyboard.press('h');
    await page.getByRole('dialog', { name: /^History of / }).waitFor();
    await screen('answer-history');
    await page.keyboard.press('Escape');
  });

  it('the case record', async () => {
    await app.openCase('Newham PDU', 'NEW-001');
    await page.getByRole('link', { name: 'Case record' }).click();
    await page.getByRole('heading', { name: 'Details' }).waitFor();
    await screen('case-record');
  });

  it('the grid', async () => {
    await page.goto(appUrl('/inspections/london-2022-newham/grid'));
    await page.getByRole('heading', { name: /^Grid:/ }).waitFor();
    await screen('grid');
  });

  it('judged standards', async () => {
    await page.goto(appUrl('/inspections/london-2022-newham/judgements'));
    await page.getByRole('heading', { name: 'Judged standards' }).waitFor();
    await screen('judgements');
  });

  it('ratings and breakdown', async () => {
    await page.goto(appUrl('/inspections/london-2022-newham/ratings'));
    await page.getByRole('heading', { name: /^Ratings:/ }).waitFor();
    // The inspection's sections and the ratings panel stay with the ratings page.
    await page
      .getByRole('navigation', { name: 'Inspection sections' })
      .getByRole('link', { name: 'Grid' })
      .waitFor();
    await page.getByRole('complementary').getByRole('heading', { name: 'Ratings' }).waitFor();
    await screen('ratings');
  });

  it('the report', async () => {
    await page.goto(appUrl('/inspections/london-2022-newham/report'));
    await page.getByText('Casescore inspection report').waitFor();
    await screen('report');
  });

  it('quality assurance', async () => {
    await page.goto(appUrl('/inspections/london-2022-newham/qa'));
    await page.getByRole('heading', { name: /^Quality assurance:/ }).waitFor();
    await screen('quality-assurance');
  });

  it('the region: its table is reached by Tab and scrolls by keyboard', async () => {
    await openLondon2022();
    const table = page.getByRole('region', { name: 'Ratings by PDU, side by side' });
    await table.waitFor();
    await setSize(page, SIZES[1]!);
    await table.focus();
    const before = await table.evaluate((el) => el.scrollLeft);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const scrollable = await table.evaluate((el) => el.scrollWidth > el.clientWidth);
    if (scrollable) await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
    await resetSize(page);
    await screen('region');
  });

  it('the region report', async () => {
    await openLondon2022();
    await page
      .getByRole('link', { name: /report/i })
      .first()
      .click();
    await page.getByRole('heading', { name: /^Ratings by / }).waitFor();
    await screen('region-report');
  });

  it('the bin, with a removed case', async () => {
    await app.openCase('Newham PDU', 'NEW-002');
    await page.getByRole('button', { name: 'Edit case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit case NEW-002' });
    await dialog.getByRole('button', { name: 'Remove from sample…' }).click();
    await dialog.getByRole('button', { name: 'Yes, remove NEW-002' }).click();
    await page.getByRole('heading', { name: 'Newham PDU', level: 1 }).waitFor();
    // Focus lands on the inspection's heading, not on the page body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('link', { name: 'Bin' }).click();
    await page.getByRole('heading', { name: 'Bin' }).waitFor();
    await page.getByRole('button', { name: 'Restore NEW-002' }).waitFor();
    await screen('bin');
  });

  it('backups, each saying why it was taken', async () => {
    await page.getByRole('link', { name: 'Backups' }).click();
    await page.getByRole('heading', { name: 'Restore from backup' }).waitFor();
    // Removing NEW-002 took a backup first, and the list says so.
    await page.getByRole('cell', { name: 'Before a delete' }).first().waitFor();
    await screen('backups');
  });

  it('settings', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('persistence').waitFor();
    await screen('settings');
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
