// Long lists in real Chromium: a long case sample keeps every case in the page while the browser draws only the
// rows near the window, so find in page, a screen reader and the keyboard reach every case and it prints whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { screenshot } from './browser';
import { type CasescorePage, openSignedIn } from './casescore-page';
import { printedText, squeezed } from './pdf';

let page: Page;
let close: () => Promise<void>;
let errors: string[];
let app: CasescorePage;

/** Several screenfuls of cases (renderer/features/cases/CaseList.tsx and cases.css). */
const CASES = 200;
const references = Array.from({ length: CASES }, (_, i) => `LONG-${i + 1}`);
const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
/** Whether the browser has laid out and painted a case's row (rows far from the window are skipped). */
const drawn = (reference: string) =>
  page
    .getByRole('link', { name: reference, exact: true })
    .evaluate((link) => link.checkVisibility({ contentVisibilityAuto: true }));

beforeAll(async () => {
  ({ page, app, errors, close } = await openSignedIn());
  await app.createInspection('Long Sample PDU');
  await page.getByRole('button', { name: 'Paste a list' }).click();
  await page.getByLabel('References, one per line').fill(references.join('\n'));
  await page.getByRole('button', { name: 'Add cases' }).click();
  await page.getByText(`Added ${CASES} of ${CASES}.`).waitFor({ timeout: 60_000 });
});
afterAll(async () => close());

describe('a long case sample', () => {
  it('keeps every case in the page, and the browser draws only the rows near the window', async () => {
    await app.openInspection('Long Sample PDU');
    const table = page.getByRole('table', { name: `Cases, ${CASES} shown of ${CASES}` });
    // A screen reader is told of every case (and the header row), not only those on screen.
    expect(await table.getByRole('row').count()).toBe(CASES + 1);
    expect(await table.getByRole('rowheader').count()).toBe(CASES);
    expect(await drawn('LONG-1')).toBe(true);
    expect(await drawn(`LONG-${CASES}`)).toBe(false);
  });

  it('finds a case far down the list by find in page, and shows it', async () => {
    await app.openInspection('Long Sample PDU');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // The browser's own search of the page's text (window.find, not a standard API but Chromium's): what Ctrl+F
    // searches.
    const found = await page.evaluate(
      (reference) => (window as unknown as { find: (text: string) => boolean }).find(reference),
      `LONG-${CASES}`,
    );
    expect(found).toBe(true);
    expect(await drawn(`LONG-${CASES}`)).toBe(true);
    expect(await page.getByRole('link', { name: `LONG-${CASES}`, exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await screenshot(page, 'long-sample-found');
  });

  it('reaches its last case by the keyboard, one case at a time', async () => {
    await app.openInspection('Long Sample PDU');
    await page.getByRole('link', { name: 'LONG-1', exact: true }).focus();
    for (let i = 1; i < CASES; i += 1) await page.keyboard.press('Tab');
    expect(await focusedText()).toBe(`LONG-${CASES}`);
    // The focused case is scrolled into view and drawn.
    const last = page.getByRole('link', { name: `LONG-${CASES}`, exact: true });
    expect(await last.isVisible()).toBe(true);
    expect(await drawn(`LONG-${CASES}`)).toBe(true);
    await screenshot(page, 'long-sample-last-case');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedText()).toBe(`LONG-${CASES - 1}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Case LONG-${CASES - 1}`, level: 1 }).waitFor();
  });

  it('prints every case, not only those drawn on screen', async () => {
    await app.openInspection('Long Sample PDU');
    const text = squeezed(await printedText(page, 'long-sample-printed'));
    const missing = references.filter((reference) => !new RegExp(`\\b${reference}\\b`).test(text));
    expect(missing).toEqual([]);
    // Back on screen, the rows far from the window are skipped again.
    expect(await drawn(`LONG-${CASES}`)).toBe(false);
  });

  it('logs no error', () => {
    expect(errors).toEqual([]);
  });
});
