// The region view and the printable reports in real Chromium, with the London demo loaded: annexe two and the
// letter's figures on screen, and the inspection report rendered to a PDF whose pages are read back.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { loadAnnexeTwo } from '../../seeds';
import { RATING_LABELS } from '#shared/scoring';
import { appUrl, openBrowser, SCREENSHOTS, screenshot } from './browser';
import { CasescorePage } from './casescore-page';

let page: Page;
let close: () => Promise<void>;
const work = mkdtempSync(join(tmpdir(), 'casescore-report-'));

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  const app = new CasescorePage(page, 'KM');
  await app.signIn('KM');
  await app.loadLondonDemo();
});
afterAll(async () => close());

/** Elements inside the page that stick out past `width` when laid out for print at that width. */
async function overflowAt(width: number): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width, height: 1000 });
  const found = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5),
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ media: 'screen' });
  return found;
}

const mmToPx = (mm: number) => Math.floor((mm / 25.4) * 96);

/** A PDF's page size in points, rounded: [width, height]. */
function pageSize(pdf: string): [number, number] {
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
  return [Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))];
}

/** Saves a PDF's first page as a PNG among the screenshots, to be looked at. */
function saveFirstPage(pdf: string, name: string): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    join(SCREENSHOTS, name),
  ]);
}

/** Renders the current page to a PDF the way Chromium prints it, and returns its path. */
async function printToPdf(name: string): Promise<string> {
  const path = join(work, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return path;
}

describe('the region view', () => {
  it("shows annexe two's six scores and ratings, and the letter's figures", async () => {
    await page.getByRole('link', { name: 'London' }).click();
    await page.getByRole('heading', { name: 'London region' }).waitFor();
    const table = page.getByRole('table', { name: 'Ratings by PDU' });
    await expect.poll(() => table.locator('thead th').count()).toBe(7);
    const headers = (await table.locator('thead th').allTextContents()).slice(1);
    const scores = (await table.locator('tfoot tr').first().locator('td').allTextContents()).map((s) =>
      s.trim(),
    );
    const ratings = (await table.locator('tfoot tr').nth(1).locator('td').allTextContents()).map((s) =>
      s.trim(),
    );
    for (const pdu of loadAnnexeTwo()) {
      const column = headers.indexOf(pdu.name);
      expect(column, pdu.name).toBeGreaterThanOrEqual(0);
      expect(scores[column]).toBe(`${pdu.publishedScore}/${pdu.publishedMaxScore}`);
      expect(ratings[column]).toBe(RATING_LABELS[pdu.publishedRating]);
    }
    const figures = await page.locator('.figures').first().innerText();
    for (const line of [
      'management oversight was effective, in cases that required it: 51 of 223 (23%)',
      'the services most likely to reduce reoffending were delivered: 97 of 248 (39%)',
      'there was proportionate contact before release: 46 of 116 (40%)',
      'key resettlement or desistance needs were assessed before release: 35 of 99 (35%)',
      'key risks of harm were assessed before release: 32 of 101 (32%)',
    ]) {
      expect(figures).toContain(line);
    }
    await screenshot(page, '20-region');
    await page.locator('summary', { hasText: 'management oversight was effective' }).click();
    await page.getByRole('table', { name: /management oversight.*PDU by PDU/ }).waitFor();
    await screenshot(page, '21-region-split');
  });
});

describe('the inspection report', () => {
  it('renders to a PDF of sensible A4 pages, headings present and nothing cut at the edge', async () => {
    await page.goto(appUrl('/inspections/london-2022-newham/report'));
    await page.getByRole('heading', { name: 'Newham PDU', level: 1 }).waitFor();
    // Laid out at the printable width of A4 (210 mm less 2 × 14 mm margins), nothing may stick out.
    expect(await overflowAt(mmToPx(182))).toEqual([]);
    const pdf = await printToPdf('newham-report');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    // Every breakdown prints in full (each case answered No, with its note), so a 41-case PDU runs longer.
    expect(pages).toBeLessThanOrEqual(20);
    expect(pageSize(pdf)).toEqual([595, 842]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const heading of [
      'Newham PDU',
      'Ratings',
      'Judged standards',
      'Why each case-sampled rating',
      'Other case questions',
      'Answer patterns by inspector',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/Score\s+6\/24/);
    expect(text).not.toContain('Save as PDF');
    expect(text).not.toContain('Print…');
    // The first page, as a person would look at it.
    saveFirstPage(pdf, '22-report-page-1');
  });

  it('renders the region report to PDF with every PDU', async () => {
    await page.goto(appUrl('/regions/London/report'));
    await page.getByRole('heading', { name: 'London region', level: 1 }).waitFor();
    // Landscape A4: 297 mm less 2 × 12 mm margins.
    expect(await overflowAt(mmToPx(273))).toEqual([]);
    const pdf = await printToPdf('london-report');
    expect(pageSize(pdf)).toEqual([842, 595]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ratings by PDU');
    expect(text).toContain('51 of 223 (23%)');
    expect(text).toContain('Lewisham and Bromley');
    saveFirstPage(pdf, '23-region-report-page-1');
  });
});

describe('why this rating', () => {
  it('opens the cases answered No from a standard’s breakdown', async () => {
    await page.goto(appUrl('/inspections/london-2022-lambeth/ratings/assessment'));
    const safety = page.locator('article.kq-breakdown', { hasText: 'Keeping other people safe' });
    await safety.getByText(/cases answered No/).click();
    await screenshot(page, '24-breakdown');
    const first = safety.getByRole('link').first();
    const reference = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { name: `Case ${reference}` }).waitFor();
    expect(
      await page.locator('[data-question="assessment.safety"] [aria-pressed="true"]').textContent(),
    ).toBe('No');
  });
});
