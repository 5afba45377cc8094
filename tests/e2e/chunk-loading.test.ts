// The built app's code split into chunks, in real Chromium under the strict policy: the inspections list draws
// from the first chunk alone (the entry and what it preloads), a screen loaded on first use draws from its own,
// and a chunk that cannot be loaded says so in the window rather than leaving it blank.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { appUrl, collectErrors, openBrowser } from './browser';
import { CasescorePage } from './casescore-page';

let page: Page;
let app: CasescorePage;
let close: () => Promise<void>;
/** The scripts the built page names: its entry and every chunk it preloads with it. */
let firstChunk: string[];

const folder = mkdtempSync(join(tmpdir(), 'casescore-chunks-'));

/** A script's file name (`assets/SettingsPage-DuEyXR9i.js` → `SettingsPage-DuEyXR9i.js`), or null. */
function scriptName(url: string): string | null {
  return /\/assets\/([^/?#]+\.js)(?:[?#]|$)/.exec(url)?.[1] ?? null;
}

/** A fresh document opened straight at `path`, so nothing is loaded yet. */
async function openAfresh(path: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(appUrl(path));
}

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  app = new CasescorePage(page, 'KM');
  await app.signIn('KM');
  const html = await (await fetch(appUrl('/').split('#')[0]!)).text();
  firstChunk = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map(([, name]) => name!);
});
afterAll(async () => close());

describe('the app split into chunks', () => {
  it('draws the inspections list from the first chunk alone, and another screen from its own chunk', async () => {
    const errors = collectErrors(page);
    const requested: string[] = [];
    page.on('request', (request) => {
      const name = scriptName(request.url());
      if (name) requested.push(name);
    });
    await openAfresh('/');
    await page.getByRole('heading', { name: 'Inspections', level: 1 }).waitFor();
    // Drawn before any other screen's chunk was asked for (the others are fetched two seconds after start).
    expect(firstChunk.length).toBeGreaterThan(1);
    expect(requested.filter((name) => !firstChunk.includes(name))).toEqual([]);
    await app.screenshot('chunks-01-list-first-paint');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(requested.some((name) => /^SettingsPage-/.test(name))).toBe(true);
    await app.screenshot('chunks-02-settings-from-its-chunk');
    expect(errors).toEqual([]);
  });

  it('says so when a screen cannot be loaded, and loads it when it is opened again', async () => {
    const settingsChunk = '**/assets/SettingsPage-*.js';
    await page.route(settingsChunk, (route) => route.abort('failed'));
    await openAfresh('/settings');
    const problem = page.getByRole('alert').filter({ hasText: 'This screen could not be shown' });
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(
      /Casescore could not load this screen \(.+\)\. Go back and open it again/,
    );
    // The frame around the screen is still there: the way back works.
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    await app.screenshot('chunks-03-screen-not-loaded');

    await page.unroute(settingsChunk);
    await page.getByRole('button', { name: 'Back to inspections' }).click();
    await page.getByRole('heading', { name: 'Inspections', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page.getByText('This screen could not be shown').count()).toBe(0);
  });

  it('says so when the file handling cannot be loaded for an import, and changes nothing', async () => {
    const fileWork = '**/assets/check-export-*.js';
    await page.route(fileWork, (route) => route.abort('failed'));
    await openAfresh('/');
    await page.getByRole('heading', { name: 'Inspections', level: 1 }).waitFor();
    const path = join(folder, 'an-export.json');
    writeFileSync(path, '{}');
    expect(await app.chooseRefusedImport(path)).toMatch(
      /an-export\.json was not imported: Casescore could not load its file handling \(.+\)\. Try again; if it keeps failing, reinstall Casescore\. Nothing was changed\./,
    );
    await page.unroute(fileWork);
  });

  it('shows a message, not a blank window, when the first chunk cannot be loaded', async () => {
    // One of the chunks the entry imports: without it the entry never runs.
    const preloaded = firstChunk.find((name) => !/^index-/.test(name));
    expect(preloaded).toBeDefined();
    const route = `**/assets/${preloaded}`;
    await page.route(route, (r) => r.abort('failed'));
    await openAfresh('/');
    const message = page.getByRole('heading', { name: 'Casescore has not started', level: 1 });
    await expect.poll(() => message.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByText('Close Casescore and open it again').isVisible()).toBe(true);
    await app.screenshot('chunks-04-not-started');
    await page.unroute(route);

    // A normal start never shows it, even for a moment after the list is drawn.
    await openAfresh('/');
    await page.getByRole('heading', { name: 'Inspections', level: 1 }).waitFor();
    expect(await message.count()).toBe(0);
  });
});
