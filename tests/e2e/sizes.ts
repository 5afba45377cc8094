// The sizes inspectors use: a 1366×768 laptop, a 1024-wide window, and that laptop at 200% browser zoom.
//
// Browser zoom in Chromium is a device scale factor: at 200% on a 1366×768 screen the page lays out in a
// 683×384 CSS-pixel viewport with `devicePixelRatio` 2, media queries see 683px, and text is drawn at twice the
// pixels. Chromium's own device-metrics override does exactly that, so the screenshot at "zoom200" is the
// 1366×768 picture an inspector at 200% sees, and `assertZoomed` checks the page really is zoomed (not merely a
// small window).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright';
import { expect } from 'vitest';
import { SCREENSHOTS } from './browser';

export interface Size {
  readonly name: '1366' | '1024' | 'zoom200';
  /** The screen's width and height in device pixels. */
  readonly width: number;
  readonly height: number;
  /** Browser zoom: 1, or 2 for 200%. */
  readonly zoom: 1 | 2;
}

export const SIZES: readonly Size[] = [
  { name: '1366', width: 1366, height: 768, zoom: 1 },
  { name: '1024', width: 1024, height: 768, zoom: 1 },
  { name: 'zoom200', width: 1366, height: 768, zoom: 2 },
];

const sessions = new WeakMap<Page, CDPSession>();

async function session(page: Page): Promise<CDPSession> {
  let found = sessions.get(page);
  if (!found) {
    found = await page.context().newCDPSession(page);
    sessions.set(page, found);
  }
  return found;
}

/** Puts the page at a size (and zoom), waiting for a frame at it. */
export async function setSize(page: Page, size: Size): Promise<void> {
  const cdp = await session(page);
  const width = size.width / size.zoom;
  const height = size.height / size.zoom;
  await page.setViewportSize({ width, height });
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width,
    height,
    deviceScaleFactor: size.zoom,
    mobile: false,
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
}

/** Back to the 1366×768 laptop at 100%. */
export async function resetSize(page: Page): Promise<void> {
  await setSize(page, SIZES[0]!);
}

/** Checks the page is at 200% zoom as Chromium does it: half the CSS pixels, twice the device pixels. */
export async function assertZoomed(page: Page): Promise<void> {
  const seen = await page.evaluate(() => ({
    width: window.innerWidth,
    ratio: window.devicePixelRatio,
    narrow: matchMedia('(max-width: 1099px)').matches,
  }));
  expect(seen).toEqual({ width: 683, ratio: 2, narrow: true });
}

/**
 * Saves the screen as it is now, in device pixels (so the 200% picture is 1366×768, as an inspector sees it),
 * as `<name>-<size>.png`.
 */
export async function screenshotAt(page: Page, name: string, size: Size): Promise<string> {
  const { data } = await (await session(page)).send('Page.captureScreenshot', { format: 'png' });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}-${size.name}.png`);
  writeFileSync(path, Buffer.from(data, 'base64'));
  return path;
}

/** Saves `<name>-1366.png`, `<name>-1024.png` and `<name>-zoom200.png`, then puts the window back to 1366×768. */
export async function screenshotAtSizes(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await setSize(page, size);
    if (size.zoom === 2) await assertZoomed(page);
    await screenshotAt(page, name, size);
  }
  await resetSize(page);
}
