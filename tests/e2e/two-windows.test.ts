// Two windows on one database, in real Chromium: they stay consistent through live queries, and an upgrade
// opened in one does not wedge the other, which says to reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright';
import { appUrl, openBrowser, screenshot } from './browser';
import { CasescorePage } from './casescore-page';

let context: BrowserContext;
let first: Page;
let second: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ context, page: first, close } = await openBrowser());
  const app = new CasescorePage(first, 'KM in the first window');
  await app.signIn('KM');
  await app.loadLondonDemo();
  second = await context.newPage();
});
afterAll(async () => close());

const answerOf = (page: Page, question: string) =>
  page
    .locator(`[data-question="${question}"] [aria-pressed="true"]`)
    .textContent({ timeout: 2000 })
    .catch(() => null);

describe('two windows on one database', () => {
  it('see each other’s answers as they are saved', async () => {
    const url = appUrl('/inspections/london-2022-newham');
    await first.goto(url);
    await first.getByRole('link', { name: 'NEW-001', exact: true }).click();
    await second.goto(first.url());
    await second.getByRole('heading', { name: 'Case NEW-001' }).waitFor();
    const before = await answerOf(second, 'assessment.engagement');
    const next = before === 'Yes' ? 'n' : 'y';
    const panelOf = (page: Page) => page.getByRole('complementary').innerText();
    const panelBefore = await panelOf(second);
    await first.locator('[data-question="assessment.engagement"]').focus();
    await first.keyboard.press(next);
    await first.locator('[data-question="assessment.engagement"] .save-status--saved').waitFor();
    await expect.poll(() => answerOf(second, 'assessment.engagement')).toBe(next === 'y' ? 'Yes' : 'No');
    // And the ratings panel in the other window moved with it, to what this window's panel shows (each panel
    // follows its own window's read of the stored rows, so both are read afresh until they agree).
    await expect
      .poll(async () => {
        const [here, there] = await Promise.all([panelOf(first), panelOf(second)]);
        return there !== panelBefore && there === here;
      })
      .toBe(true);
  });

  it('an upgrade opened in one window is not blocked by the other, which says to reload', async () => {
    const outcome = await second.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('casescore', 1000);
          request.onblocked = () => resolve('blocked');
          request.onsuccess = () => {
            request.result.close();
            resolve('opened');
          };
          request.onerror = () => resolve(`error ${request.error?.name}`);
        }),
    );
    expect(outcome).toBe('opened');
    const message = first.getByRole('alert').filter({ hasText: 'updated in another window' });
    await message.waitFor();
    expect(await message.textContent()).toMatch(/Reload it to go on: everything saved so far is kept/);
    expect(await message.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    await screenshot(first, '40-upgraded-elsewhere');
  });
});
