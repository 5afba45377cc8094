// Merging without a server, in real Chromium: two inspectors score different cases of one inspection in two
// browser profiles (and one case in both, differently), each exports; the lead imports both, resolves the
// conflict, and the ratings equal those computed from the merged answers. Importing the same file again
// changes nothing.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright';
import { parseExport } from '../../shared/interchange';
import { rateInspection } from '../../shared/scoring';
import { appUrl, openBrowser, screenshot, signIn } from './browser';

const folder = mkdtempSync(join(tmpdir(), 'casescore-merge-'));
const open: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of open) await close();
});

async function browserAs(initials: string): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context, close } = await openBrowser();
  open.push(close);
  await signIn(page, initials);
  return { page, context };
}

async function exportAll(page: Page, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /^Not encrypted/ }).check();
  await dialog.getByRole('button', { name: 'Export' }).click();
  const path = join(folder, name);
  await (await download).saveAs(path);
  return path;
}

async function importFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(path);
  await page.getByRole('heading', { name: /^Review the import of/ }).waitFor();
}

/** Opens a case and answers the first key questions with the given keys. */
async function score(page: Page, reference: string, keys: string) {
  await page.getByRole('link', { name: reference, exact: true }).click();
  await page.getByRole('heading', { name: `Case ${reference}` }).waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-question')))
    .toBe('assessment.engagement');
  for (const key of keys) await page.keyboard.press(key);
  await page
    .locator('.save-status--saving')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await expect.poll(() => page.locator('.save-status--saved').count()).toBeGreaterThanOrEqual(keys.length);
  await page.getByRole('link', { name: /PDU$/ }).first().click();
}

describe('two inspectors, one inspection, no server', () => {
  it('merges their work, with the conflict resolved by the lead', async () => {
    // The lead sets up the inspection and its sample, and hands the file to both inspectors.
    const lead = await browserAs('LD');
    await lead.page.getByRole('button', { name: 'New inspection' }).click();
    await lead.page.getByLabel('Name', { exact: true }).fill('Croydon PDU');
    await lead.page.getByRole('button', { name: 'Create inspection' }).click();
    await lead.page.getByRole('button', { name: 'Paste a list' }).click();
    await lead.page.getByLabel('References, one per line').fill('CRO-001\nCRO-002\nCRO-003');
    await lead.page.getByRole('button', { name: 'Add cases' }).click();
    await lead.page.getByRole('link', { name: 'CRO-003' }).waitFor();
    await lead.page.goto(appUrl('/'));
    const setup = await exportAll(lead.page, 'setup.json');

    const km = await browserAs('KM');
    const sd = await browserAs('SD');
    for (const inspector of [km, sd]) {
      await importFile(inspector.page, setup);
      await inspector.page.getByRole('button', { name: 'Apply import' }).click();
      await inspector.page.getByRole('link', { name: 'CRO-001' }).waitFor();
    }
    // KM scores CRO-001, SD scores CRO-002; both score CRO-003, differently.
    await score(km.page, 'CRO-001', 'yyy');
    await score(km.page, 'CRO-003', 'y');
    await score(sd.page, 'CRO-002', 'nnn');
    await score(sd.page, 'CRO-003', 'n');
    await km.page.goto(appUrl('/'));
    await sd.page.goto(appUrl('/'));
    const kmFile = await exportAll(km.page, 'km.json');
    const sdFile = await exportAll(sd.page, 'sd.json');

    // The lead imports KM's work (nothing to resolve), then SD's (one conflict on CRO-003).
    await importFile(lead.page, kmFile);
    await lead.page.getByRole('button', { name: 'Apply import' }).click();
    await lead.page.getByText(/^Imported km.json/).waitFor();
    await lead.page.goto(appUrl('/'));
    await importFile(lead.page, sdFile);
    const conflicts = lead.page.getByRole('table');
    expect(await conflicts.locator('tbody tr').count()).toBe(1);
    expect(await conflicts.locator('tbody tr th').textContent()).toBe('CRO-003');
    await screenshot(lead.page, '30-merge-conflict');
    await lead.page
      .getByRole('radiogroup', { name: /^CRO-003:/ })
      .getByLabel('Theirs')
      .check();
    await lead.page.getByRole('button', { name: 'Apply import' }).click();
    await lead.page.getByText(/^Imported sd.json/).waitFor();

    // The ratings on screen equal those computed from the merged answers.
    await lead.page.goto(appUrl('/'));
    const merged = parseExport(readFileSync(await exportAll(lead.page, 'merged.json'), 'utf8'));
    const croydon = merged.inspections.find((i) => i.name === 'Croydon PDU')!;
    const expected = rateInspection(croydon);
    const answers = Object.fromEntries(
      croydon.cases.map((c) => [c.deleted ? c.id : c.reference, c.deleted ? {} : c.answers]),
    );
    expect(answers['CRO-001']?.['assessment.engagement']).toMatchObject({ value: 'yes', by: 'KM' });
    expect(answers['CRO-002']?.['assessment.engagement']).toMatchObject({ value: 'no', by: 'SD' });
    expect(answers['CRO-003']?.['assessment.engagement']).toMatchObject({ value: 'no', by: 'SD' });
    await lead.page.getByRole('link', { name: 'Croydon PDU', exact: true }).click();
    await expect
      .poll(() => lead.page.locator('.ratings-score').textContent())
      .toBe(`${expected.score}/${expected.maxScore}`);
    const assessment = expected.standards.find((s) => s.id === 'assessment')!;
    const engagement = assessment.keyQuestions.find((k) => k.id === 'assessment.engagement')!;
    expect([engagement.yes, engagement.no]).toEqual([1, 2]);
    const panelText = await lead.page.getByRole('complementary').innerText();
    expect(panelText).toContain(
      `${Math.round(engagement.share! * 100)}% (${engagement.yes}/${engagement.applicable})`,
    );

    // Importing SD's file again changes nothing.
    await lead.page.goto(appUrl('/'));
    await importFile(lead.page, sdFile);
    expect(await lead.page.locator('.import-totals').textContent()).toMatch(
      /Will add 0, change 0 and leave \d+ as they are; 0 to resolve/,
    );
    expect(await lead.page.getByRole('table').count()).toBe(0);
  });
});
