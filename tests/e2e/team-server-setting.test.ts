// Settings › Team server in real Chromium: the address is checked (in a browser, only the page's own address can
// be reached) and kept across a reload, the header's status line appears once it is set and says when nothing
// answers, axe finds nothing serious, and both are photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seriousViolations } from './axe';
import { appUrl, openBrowser, screenshot, signIn } from './browser';

let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  await page.goto(appUrl('/'));
  await signIn(page);
});
afterAll(async () => close());

describe('the team server setting', () => {
  it('keeps the address, shows the status line, and passes axe', async () => {
    await page.goto(appUrl('/settings'));
    const address = page.getByLabel('Server address');
    await address.fill('http://casescore.example.org');
    await page.getByRole('button', { name: 'Save server' }).click();
    await page.getByText('Use https:// for a server on the network').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-team-server-refused');

    // In a browser the page may reach its own address only (its Content Security Policy): another is refused.
    await address.fill('https://casescore.example.org');
    await page.getByRole('button', { name: 'Save server' }).click();
    await page.getByText('In a browser Casescore can reach only the address it was opened from').waitFor();

    const own = new URL(appUrl('/')).origin;
    await address.fill(own);
    await page.getByRole('button', { name: 'Save server' }).click();
    await page.getByText(`will sync with ${own}`).waitFor();
    // Nothing answers the protocol there (no team server behind this preview): the runner says so.
    const line = page.getByRole('banner').getByRole('status');
    await expect
      .poll(() => line.textContent(), { timeout: 30_000 })
      .toBe('Team server: unreachable, changes kept here');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-team-server');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'header-team-server-status');

    await page.reload();
    await expect.poll(() => page.getByLabel('Server address').inputValue(), { timeout: 15_000 }).toBe(own);
  });
});
