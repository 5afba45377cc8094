// Long lists in real Chromium: a case sample long enough to be drawn a screenful at a time still reaches its last
// case by the keyboard and prints every case; an archive of inspections is drawn a screenful first, then whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { screenshot } from './browser';
import { type CasescorePage, openSignedIn } from './casescore-page';
import { printedText, squeezed } from './pdf';

let page: Page;
let close: () => Promise<void>;
let errors: string[];
let app: CasescorePage;

/** Above the length from which the case list is drawn a screenful at a time (renderer/ui/useWindowedRows.ts). */
const CASES = 200;
const references = Array.from({ length: CASES }, (_, i) => `LONG-${i + 1}`);
const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

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
  it('reaches its last case by the keyboard, one case at a time', async () => {
    await app.openInspection('Long Sample PDU');
    // Fewer rows are in the page than there are cases: it is drawn a screenful at a time.
    expect(await page.locator('.cases-table tbody tr:not(.spacer)').count()).toBeLessThan(CASES);
    await page.getByRole('link', { name: 'LONG-1', exact: true }).focus();
    for (let i = 1; i < CASES; i += 1) await page.keyboard.press('Tab');
    expect(await focusedText()).toBe(`LONG-${CASES}`);
    // The focused case is on screen, and the rows around it are drawn.
    const last = page.getByRole('link', { name: `LONG-${CASES}`, exact: true });
    expect(await last.isVisible()).toBe(true);
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
    // Back on screen, a screenful at a time again.
    expect(await page.locator('.cases-table tbody tr:not(.spacer)').count()).toBeLessThan(CASES);
  });

  it('logs no error', () => {
    expect(errors).toEqual([]);
  });
});
