// Pasting a case sample from a spreadsheet, in real Chromium with real IndexedDB: the clipboard's
// tab-separated rows become one case each with their own facts, a preview names each row's problems before
// anything is added, and only good rows are added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seriousViolations } from './axe';
import { type CasescorePage, openSignedIn, step } from './casescore-page';
import { screenshotAtSizes } from './sizes';

let page: Page;
let close: () => Promise<void>;
let errors: string[];
let app: CasescorePage;

beforeAll(async () => {
  ({ page, app, errors, close } = await openSignedIn());
  await app.createInspection('Bromley PDU');
});
afterAll(async () => close());

// As Excel puts it on the clipboard: a header row, tabs between cells, CRLF line ends.
const SHEET = [
  'Case reference\tType\tRoSH\tCourt report\tReleased\tInspector',
  'X123456\tCommunity sentence\tHigh\tStandard\tNo\tPC',
  'X123457\tLicence\tVery high\tNone\tYes\tJB',
  'X123458\tCommunity\tExtreme\t\t\t',
  '\tLicence\tLow\t\t\t',
].join('\r\n');

/** Pastes the sheet into Bromley's Paste a list box, and sees the preview say how many rows are ready. */
const pasteSheet = () =>
  step('paste the sheet into Bromley PDU', async () => {
    await app.openInspection('Bromley PDU');
    await page.getByRole('button', { name: 'Paste a list' }).click();
    await page.getByLabel('References, one per line').fill(SHEET);
    await page.getByText('Preview: 2 of 4 rows ready to add (header row recognised)').waitFor();
  });

describe('paste from a spreadsheet', () => {
  it('previews each row with its facts and problems before adding anything', async () => {
    await pasteSheet();
    const preview = page.getByRole('region', { name: 'Preview of the pasted cases' });
    const row = (reference: string) => preview.getByRole('row').filter({ hasText: reference });
    expect(await row('X123456').innerText()).toMatch(
      /X123456\s+Ready\s+Community sentence\s+High\s+Standard\s+No\s+PC/,
    );
    expect(await row('X123457').innerText()).toMatch(
      /X123457\s+Ready\s+Licence\s+Very high\s+None\s+Yes\s+JB/,
    );
    expect(await row('X123458').innerText()).toContain(
      'RoSH “Extreme” is not Low, Medium, High or Very high',
    );
    expect(await preview.getByRole('row').nth(4).innerText()).toContain('no case reference');
    // Nothing is added by the preview.
    expect(await page.getByRole('heading', { name: /Case sample/ }).textContent()).toMatch(
      /\(0\)|^Case sample$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await preview.scrollIntoViewIfNeeded();
    await screenshotAtSizes(page, 'paste-preview');
  });

  it('adds the good rows with their own facts, and keeps the refused rows to put right', async () => {
    await pasteSheet();
    await page.getByRole('button', { name: 'Add cases' }).click();
    await page.getByText(/Added 2 of 4\. Not added: row 4 \(X123458\): RoSH “Extreme”/).waitFor();
    await page.getByRole('link', { name: 'X123456' }).waitFor();
    await page.getByRole('link', { name: 'X123457' }).waitFor();
    expect(await page.getByRole('link', { name: 'X123458' }).count()).toBe(0);
    // The box keeps the header and the two refused rows; fixing one adds it.
    const box = page.getByLabel('References, one per line');
    const left = await box.inputValue();
    expect(left.split('\n')).toHaveLength(3);
    await box.fill(left.replace('Extreme', 'Medium'));
    await page.getByText('Preview: 1 of 2 rows ready to add (header row recognised)').waitFor();
    await page.getByRole('button', { name: 'Add cases' }).click();
    await page.getByRole('link', { name: 'X123458' }).waitFor();
    await screenshotAtSizes(page, 'paste-added');
  });

  it('each case carries its own facts', async () => {
    await app.openCase('Bromley PDU', 'X123457');
    expect(await page.locator('.page-head .sub').first().textContent()).toBe(
      'Licence · Very high risk of serious harm · no court report · released on licence · inspector JB',
    );
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
