// Settings › Team server in real Chromium: the address is checked and kept across a reload, the header's status
// line appears once it is set, axe finds nothing serious, and both are photographed.
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

    await address.fill('https://casescore.example.org');
    await page.getByRole('button', { name: 'Save server' }).click();
    await page.getByText('will sync with https://casescore.example.org').waitFor();
    const line = page.getByRole('banner').getByRole('status');
    await expect.poll(() => line.textContent()).toBe('Team server: waiting for this install’s signing key');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-team-server');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'header-team-server-status');

    await page.reload();
    await expect
      .poll(() => page.getByLabel('Server address').inputValue())
      .toBe('https://casescore.example.org');
  });
});
