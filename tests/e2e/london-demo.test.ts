// The London 2022 demo in real Chromium: one action loads the six PDUs, and the list shows annexe two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { loadAnnexeTwo } from '../../seeds';
import { RATING_LABELS } from '../../shared/scoring';
import { openBrowser, screenshot, signIn } from './browser';

let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  await signIn(page);
});
afterAll(async () => close());

describe('the London 2022 demo', () => {
  it("loads and shows annexe two's six scores and ratings", async () => {
    await page.getByRole('button', { name: 'Load London 2022 demo' }).click();
    await page.getByText('Loaded the London 2022 demo').waitFor();
    for (const pdu of loadAnnexeTwo()) {
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: `${pdu.name} PDU`, exact: true }) });
      await expect
        .poll(() => row.locator('td.numeric').textContent())
        .toBe(`${pdu.publishedScore}/${pdu.publishedMaxScore}`);
      expect(await row.locator('.rating').textContent()).toBe(RATING_LABELS[pdu.publishedRating]);
    }
    await screenshot(page, '10-london-demo');
  });

  it('opens a PDU with its 41 cases and ratings beside them', async () => {
    await page.getByRole('link', { name: 'Newham PDU', exact: true }).click();
    await page.getByRole('heading', { name: 'Case sample (41)' }).waitFor();
    expect(await page.locator('.ratings-score').textContent()).toBe('6/24');
    await screenshot(page, '11-newham');
  });
});
