// Files that leave the laptop, in the built app in real Chromium: an export encrypted to a passphrase (which
// another inspector opens only with that passphrase), and an anonymised export that rates as the original.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExport } from '#shared/interchange';
import { rateInspection } from '#shared/scoring';
import { openBrowser, screenshot, signIn } from './browser';

const folder = mkdtempSync(join(tmpdir(), 'casescore-protected-'));
const PASSPHRASE = 'tulip anchor violet granite';
const closers: (() => Promise<void>)[] = [];
let lead: Page;

async function browserAs(initials: string): Promise<Page> {
  const { page, close } = await openBrowser();
  closers.push(close);
  await signIn(page, initials);
  return page;
}

beforeAll(async () => {
  lead = await browserAs('KM');
  await lead.getByRole('button', { name: 'Load London 2022 demo' }).click();
  await lead.getByText('Loaded the London 2022 demo').waitFor();
});
afterAll(async () => {
  for (const close of closers) await close();
});

/** Opens the export dialog and chooses how the file leaves. */
async function exportAs(page: Page, choice: RegExp) {
  await page.getByRole('button', { name: 'Export all' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: choice }).check();
  return dialog;
}

describe('files that leave the laptop', () => {
  it(
    'encrypts an export to a passphrase, asking for it twice and refusing a short one',
    { timeout: 240_000 },
    async () => {
      const dialog = await exportAs(lead, /^Encrypted with a passphrase/);
      await dialog.getByLabel('Passphrase', { exact: true }).fill('short');
      await dialog.getByLabel('The passphrase again').fill('short');
      await dialog.getByRole('button', { name: 'Export' }).click();
      await dialog.getByText('Use a passphrase of at least 12 characters').waitFor();
      await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await dialog.getByLabel('The passphrase again').fill(`${PASSPHRASE}x`);
      await dialog.getByRole('button', { name: 'Export' }).click();
      await dialog.getByText('The two passphrases differ.').waitFor();
      await dialog.getByLabel('The passphrase again').fill(PASSPHRASE);
      await screenshot(lead, '15-export-encrypted');
      const download = lead.waitForEvent('download', { timeout: 180_000 });
      await dialog.getByRole('button', { name: 'Export' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^casescore-\d+-inspections-KM-\d{4}-\d{2}-\d{2}\.json\.age$/);
      const path = join(folder, file.suggestedFilename());
      await file.saveAs(path);
      const text = readFileSync(path, 'utf8');
      expect(text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----')).toBe(true);
      expect(text).not.toContain('Newham');
      await lead.getByText(/^Exported, encrypted with your passphrase/).waitFor();

      // Another inspector opens it: a wrong passphrase is refused, the right one leads to the usual review.
      const colleague = await browserAs('SD');
      const chooser = colleague.waitForEvent('filechooser');
      await colleague.getByRole('button', { name: 'Import…' }).click();
      await (await chooser).setFiles(path);
      await colleague.getByRole('heading', { name: `Open ${file.suggestedFilename()}` }).waitFor();
      await colleague.getByLabel('Passphrase').fill('not the passphrase at all');
      await colleague.getByRole('button', { name: 'Open' }).click();
      await colleague
        .getByRole('alert')
        .filter({ hasText: 'the passphrase is not the one it was encrypted with' })
        .waitFor({ timeout: 180_000 });
      await screenshot(colleague, '16-import-encrypted-wrong-passphrase');
      await colleague.getByLabel('Passphrase').fill(PASSPHRASE);
      await colleague.getByRole('button', { name: 'Open' }).click();
      await colleague
        .getByRole('heading', { name: `Review the import of ${file.suggestedFilename()}` })
        .waitFor({ timeout: 180_000 });
      // The file is not from a trusted key, so its changes wait for review: take them all.
      await colleague.getByRole('button', { name: 'Take all these changes' }).click();
      await colleague.getByRole('button', { name: 'Apply import' }).click();
      const newham = colleague
        .getByRole('row')
        .filter({ has: colleague.getByRole('link', { name: 'Newham PDU', exact: true }) });
      await expect.poll(() => newham.locator('td.numeric').textContent()).toBe('6/24');
    },
  );

  it('exports an anonymised copy without references or notes, which rates as the original', async () => {
    const dialog = await exportAs(lead, /^Anonymised, for analysis/);
    await screenshot(lead, '17-export-anonymised');
    const download = lead.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-anonymised\.json$/);
    const path = join(folder, 'anonymised.json');
    await file.saveAs(path);
    const anonymised = parseExport(readFileSync(path, 'utf8'));
    const sample = parseExport(readFileSync('seeds/samples/london-2022.json', 'utf8'));
    expect(anonymised.anonymised).toBe(true);
    const text = readFileSync(path, 'utf8');
    for (const inspection of sample.inspections) {
      for (const c of inspection.cases.slice(0, 10)) {
        if (!c.deleted) expect(text).not.toContain(`"${c.reference}"`);
      }
    }
    expect(text).not.toMatch(/"note":/);
    expect(anonymised.inspections.every((i) => i.audit === undefined)).toBe(true);
    const scores = (file: typeof sample) =>
      Object.fromEntries(
        file.inspections.map((i) => {
          const rated = rateInspection(i);
          return [i.name, [rated.score, rated.maxScore, rated.rating, rated.standards.map((s) => s.rating)]];
        }),
      );
    expect(scores(anonymised)).toEqual(scores(sample));
  });
});
