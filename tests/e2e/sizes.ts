// Screenshots of one screen at the sizes inspectors use: a 1366×768 laptop, a 1024-wide window, and 200% zoom
// (a 1366×768 screen zoomed to 200% lays out as a 683×384 CSS-pixel viewport, which is what is set here).
import type { Page } from 'playwright';
import { screenshot } from './browser';

export const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '1024', width: 1024, height: 768 },
  { name: 'zoom200', width: 683, height: 384 },
] as const;

/** Saves `<name>-1366.png`, `<name>-1024.png` and `<name>-zoom200.png`, then puts the window back to 1366×768. */
export async function screenshotAtSizes(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    await screenshot(page, `${name}-${size.name}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
