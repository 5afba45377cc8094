// The built app under its strict Content Security Policy, in real Chromium: inline script and eval are
// refused, and the app still reads and validates an export file from disk.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { appUrl, collectErrors, openBrowser } from './browser';
import { CasescorePage } from './casescore-page';

let page: Page;
let app: CasescorePage;
let close: () => Promise<void>;
const folder = mkdtempSync(join(tmpdir(), 'casescore-import-'));
const sample = readFileSync('seeds/samples/london-2022.json', 'utf8');

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  app = new CasescorePage(page, 'KM');
  await app.signIn('KM');
});
afterAll(async () => close());

describe('the strict CSP in the running app', () => {
  it('refuses inline script, inline handlers and strings compiled as code', async () => {
    const errors = collectErrors(page);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__handlerRan = true');
      document.body.append(button);
      button.click();
      button.remove();
      // A string passed to setTimeout is compiled like eval, later, by the page itself.
      (window.setTimeout as unknown as (code: string, ms: number) => number)('window.__stringRan = true', 0);
    });
    await page.waitForTimeout(100);
    const ran = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        inline: w.__inlineRan === true,
        handler: w.__handlerRan === true,
        string: w.__stringRan === true,
      };
    });
    expect(ran).toEqual({ inline: false, handler: false, string: false });
    expect(errors.join('\n')).toMatch(/Content Security Policy/);
  });

  it('still validates an import: a broken file is refused with the path of its first problem', async () => {
    const file = JSON.parse(sample);
    file.inspections[4].cases[2].answers['assessment.safety'].value = 'maybe';
    const path = join(folder, 'broken.json');
    writeFileSync(path, JSON.stringify(file));
    expect(await app.chooseRefusedImport(path)).toMatch(
      /broken\.json was not imported: inspection "[^"]+", case "[^"]+", question \d\.\d "Does assessment focus sufficiently on keeping other people safe\?", answer: expected yes \| no \| na, got "maybe"\. Nothing was changed\./,
    );
    expect(await page.getByText('No inspections yet').isVisible()).toBe(true);
    await app.screenshot('12-import-refused');
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('imports a valid export and rates it as published', async () => {
    const path = join(folder, 'london-2022.json');
    writeFileSync(path, sample);
    await app.chooseImport(path);
    await page.getByRole('heading', { name: 'Review the import of london-2022.json' }).waitFor();
    // The sample is not signed: the review says so, and every change waits for the inspector to take it.
    expect(await app.importSource()).toMatch(/^Not signed:/);
    await app.takeAllChanges();
    await app.screenshot('13-import-review');
    await app.applyImport(path);
    await app.openInspections();
    const newham = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Newham PDU', exact: true }) });
    await expect.poll(() => newham.locator('td.numeric').textContent()).toBe('6/24');
    await app.screenshot('14-imported');
  });

  it('loads each screen from its own chunk under the policy, with no error while it arrives', async () => {
    const errors = collectErrors(page);
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/[^/]+\.js$/.test(request.url())) chunks.push(request.url());
    });
    // A fresh document opened straight at a screen that is not in the first chunk.
    await page.goto('about:blank');
    await page.goto(appUrl('/settings'));
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(chunks.some((url) => /\/SettingsPage-[^/]+\.js$/.test(url))).toBe(true);
    for (const [link, heading] of [
      ['Backups', 'Restore from backup'],
      ['Bin', 'Bin'],
      ['Inspections', 'Inspections'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    }
    await page.getByRole('link', { name: 'Newham PDU', exact: true }).click();
    await page.locator('.cases-table tbody tr').first().waitFor();
    await page.goto(`${page.url().split('#')[0]}${new URL(page.url()).hash}/qa`);
    await page.getByRole('heading', { name: 'Quality assurance: Newham PDU' }).waitFor();
    expect(errors.filter((e) => /Content Security Policy|Failed to fetch|chunk|import/i.test(e))).toEqual([]);
    expect(await page.getByText('This screen could not be shown').count()).toBe(0);
  });
});
