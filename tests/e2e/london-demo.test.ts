// The London 2022 demo in real Chromium: one action loads the six PDUs, and the list shows annexe two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnnexeTwo } from '../../seeds';
import { RATING_LABELS } from '#shared/scoring';
import { openBrowser } from './browser';
import { CasescorePage, step } from './casescore-page';

let app: CasescorePage;
let close: () => Promise<void>;

beforeAll(async () => {
  const browser = await openBrowser();
  close = browser.close;
  app = new CasescorePage(browser.page, 'KM');
  await app.signIn('KM');
});
afterAll(async () => close());

describe('the London 2022 demo', () => {
  it("loads and shows annexe two's six scores and ratings", async () => {
    await app.loadLondonDemo();
    for (const pdu of loadAnnexeTwo()) {
      await step(`see ${pdu.name} at ${pdu.publishedScore}/${pdu.publishedMaxScore}`, async () => {
        const row = app.page
          .getByRole('row')
          .filter({ has: app.page.getByRole('link', { name: `${pdu.name} PDU`, exact: true }) });
        await expect
          .poll(() => row.locator('td.numeric').textContent())
          .toBe(`${pdu.publishedScore}/${pdu.publishedMaxScore}`);
        expect(await row.locator('.rating').textContent()).toBe(RATING_LABELS[pdu.publishedRating]);
      });
    }
    await app.screenshot('10-london-demo');
  });

  it('opens a PDU with its 41 cases and ratings beside them', async () => {
    await app.openInspections();
    await app.openInspection('Newham PDU');
    await app.page.getByRole('heading', { name: 'Case sample (41)' }).waitFor();
    expect(await app.panelScore()).toBe('6/24');
    await app.screenshot('11-newham');
  });
});
