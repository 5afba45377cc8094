// Printing a page the way Chromium prints it, and reading the PDF back as text (poppler's pdftotext), so a test
// can assert what is on paper rather than on screen.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { SCREENSHOTS } from './browser';

const work = mkdtempSync(join(tmpdir(), 'casescore-pdf-'));

/** Prints the page to an A4 PDF under print styles and returns the PDF's text in reading order. */
export async function printedText(page: Page, name: string): Promise<string> {
  const path = join(work, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
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
    path,
    join(SCREENSHOTS, name),
  ]);
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
}

/** Squeezes runs of white space to one, so words wrapped across lines still match. */
export const squeezed = (text: string) => text.replace(/\s+/g, ' ');
