// Real Chromium for the end-to-end tests: Debian's, launched headless with the build machine's flags, one
// fresh profile per browser, pages at 1280×800, and screenshots saved where a person can look at them.
import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../build/chromium';

/** Where screenshots go; look at them after a run. */
export const SCREENSHOTS = 'tests/.output/screenshots';

/** A browser with a persistent profile of its own, so a reload (or relaunch) keeps IndexedDB. */
export async function openBrowser(): Promise<{
  context: BrowserContext;
  page: Page;
  profile: string;
  close: () => Promise<void>;
}> {
  const profile = await mkdtemp(join(tmpdir(), 'casescore-profile-'));
  const context = await launch(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, profile, close: () => context.close() };
}

/** Launches Chromium on an existing profile folder. */
export async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
}

/** The app's address. */
export function appUrl(path = '/'): string {
  return `${inject('baseUrl')}#${path}`;
}

/** Saves a screenshot of the page under a name. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Collects errors the page logs, so a test can assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Gives initials on first run. */
export async function signIn(page: Page, initials = 'KM'): Promise<void> {
  await page.goto(appUrl('/'));
  await page.getByLabel('Your initials').fill(initials);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: 'Inspections' }).waitFor();
}
