// Everyday integrity in real Chromium with real IndexedDB, written as the steps an inspector takes: each finding
// of the integrity issue, walked through the screens. Nothing an inspector does in ordinary use may lose work or
// stop an export or a backup.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExport } from '#shared/interchange';
import { setAsideAnswers } from '#shared/scoring';
import { appUrl, collectErrors, openBrowser, screenshot, signIn } from './browser';

let context: BrowserContext;
let page: Page;
let close: () => Promise<void>;
let errors: string[];

beforeAll(async () => {
  ({ context, page, close } = await openBrowser());
  errors = collectErrors(page);
  await signIn(page, 'KM');
});
afterAll(async () => close());

/** Creates an inspection through the form and opens it. */
async function newInspection(name: string, courtWork = false): Promise<string> {
  await page.goto(appUrl('/new-inspection'));
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (courtWork) await page.getByLabel('Court work is rated in this inspection').check();
  await page.getByRole('button', { name: 'Create inspection' }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return page.url();
}

/** Adds one case through the form on the inspection page. */
async function addCase(reference: string, details: { type?: string; released?: boolean } = {}) {
  await page.getByRole('button', { name: 'One case' }).click();
  await page.getByLabel('Case reference').fill(reference);
  if (details.type) await page.getByLabel('Case type').selectOption({ label: details.type });
  const released = page.getByLabel('Released on licence in the period');
  if (details.released) await released.check();
  else await released.uncheck();
  await page.getByRole('button', { name: 'Add case' }).click();
}

/** Exports every inspection through the browser's download, and reads the file as a colleague's tool would. */
async function exportAll() {
  // The export is asked for again if no download came (a busy machine can drop the first click on the dialog).
  for (let attempt = 1; ; attempt += 1) {
    await page.goto(appUrl('/'));
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        (async () => {
          await page.getByRole('button', { name: 'Export all' }).click();
          const dialog = page.getByRole('dialog', { name: 'Export' });
          await dialog.getByRole('radio', { name: /^Not encrypted/ }).check();
          await dialog.getByRole('button', { name: 'Export' }).click();
        })(),
      ]);
      await page
        .getByText(/^Exported/)
        .first()
        .waitFor();
      return parseExport(await readFile((await download.path())!, 'utf8'));
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

function question(id: string) {
  return page.locator(`[data-question="${id}"]`);
}

describe('everyday integrity in Chromium', () => {
  it('1. a detail edit sets an answer aside instead of blocking every export, and it counts again when changed back', async () => {
    await newInspection('Southwark PDU');
    await addCase('CR0002', { type: 'Licence', released: true });
    await page.getByRole('link', { name: 'CR0002' }).click();
    await page.getByRole('heading', { name: 'Case CR0002' }).waitFor();
    await question('pre-release.risks-assessed').focus();
    await page.keyboard.press('y');
    await question('pre-release.risks-assessed').getByText('Saved').waitFor();

    await page.getByRole('button', { name: 'Edit case' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Released on licence in the period').uncheck();
    // The dialog says before saving which answers will be set aside.
    await dialog.getByText('Were key risks of harm assessed before release?').waitFor();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/kept but not counted/);
    await screenshot(page, 'integrity-01-edit-sets-aside');
    await dialog.getByRole('button', { name: 'Save case' }).click();
    await question('pre-release.risks-assessed')
      .getByText(/^Set aside: answered Yes/)
      .waitFor();
    await question('pre-release.risks-assessed').scrollIntoViewIfNeeded();
    await screenshot(page, 'integrity-02-set-aside-row');

    const file = await exportAll();
    const southwark = file.inspections.find((i) => i.name === 'Southwark PDU')!;
    expect(setAsideAnswers(southwark)).toEqual([
      { caseIndex: 0, questionId: 'pre-release.risks-assessed', value: 'yes' },
    ]);

    // Ticked again, the answer counts again.
    await page.getByRole('link', { name: 'Southwark PDU', exact: true }).click();
    await page.getByRole('link', { name: 'CR0002' }).click();
    await page.getByRole('button', { name: 'Edit case' }).click();
    await page.getByRole('dialog').getByLabel('Released on licence in the period').check();
    await page.getByRole('dialog').getByRole('button', { name: 'Save case' }).click();
    await expect
      .poll(() =>
        question('pre-release.risks-assessed')
          .getByText(/^Set aside/)
          .count(),
      )
      .toBe(0);
    await expect
      .poll(() =>
        question('pre-release.risks-assessed')
          .getByRole('button', { name: 'Yes' })
          .getAttribute('aria-pressed'),
      )
      .toBe('true');
  });

  it('1b. unticking "court work is rated" keeps the court answers and the export still works', async () => {
    await newInspection('Lewisham PDU', true);
    await page.getByRole('button', { name: 'One case' }).click();
    await page.getByLabel('Case reference').fill('LEW-1');
    await page.getByLabel('Court report inspected').selectOption({ label: 'Standard' });
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.getByRole('link', { name: 'LEW-1' }).click();
    await page.getByRole('heading', { name: 'Case LEW-1' }).waitFor();
    await question('court-work.advice').getByRole('button', { name: 'No', exact: true }).click();
    await question('court-work.advice').getByText('Saved').waitFor();
    await page.getByRole('link', { name: 'Lewisham PDU', exact: true }).click();
    await page.getByRole('link', { name: 'Edit details' }).click();
    await page.getByLabel('Court work is rated in this inspection').uncheck();
    await page.getByText(/1 answer will no longer apply/).waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Lewisham PDU', level: 1 }).waitFor();
    const file = await exportAll();
    const lewisham = file.inspections.find((i) => i.name === 'Lewisham PDU')!;
    expect(setAsideAnswers(lewisham).map((a) => a.questionId)).toEqual(['court-work.advice']);
  });

  it('2. notes, case notes and judged evidence are saved as they are typed, without leaving the box', async () => {
    await newInspection('Bromley PDU');
    await addCase('BRO-1');
    await page.getByRole('link', { name: 'BRO-1' }).click();
    await page.getByLabel('Case notes').fill('Victim contact unclear.');
    await question('assessment.engagement').getByRole('textbox').fill('Seen twice; engaged.');
    await page.getByText('Notes saved').waitFor();
    await question('assessment.engagement').getByText('Note saved').waitFor();
    const caseUrl = page.url();
    await page.getByRole('link', { name: 'Bromley PDU', exact: true }).click();
    await page.getByRole('link', { name: 'Judged standards' }).click();
    const staff = page.locator('section', { has: page.getByRole('heading', { name: '1.2 Staff' }) });
    await staff.getByRole('textbox').first().fill('Caseloads above 60.');
    await staff.getByText('Evidence saved').waitFor();
    // No blur: reload straight away, as a closed lid or a crash would.
    await page.reload();
    await expect.poll(() => staff.getByRole('textbox').first().inputValue()).toBe('Caseloads above 60.');
    await page.goto(caseUrl);
    await expect.poll(() => page.getByLabel('Case notes').inputValue()).toBe('Victim contact unclear.');
    await expect
      .poll(() => question('assessment.engagement').getByRole('textbox').inputValue())
      .toBe('Seen twice; engaged.');
  });

  it('3. a deleted inspection goes to the bin after a backup, Cancel has the focus, and it can be restored', async () => {
    await page.goto(appUrl('/'));
    await page.getByRole('button', { name: 'Delete Bromley PDU' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Bromley PDU?' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    // Enter twice on the focused button cancels: nothing is deleted.
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByRole('link', { name: 'Bromley PDU', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Delete Bromley PDU' }).click();
    await page.getByRole('button', { name: 'Delete inspection' }).click();
    await page.getByText(/Moved Bromley PDU to the bin/).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Bromley PDU', exact: true }).count()).toBe(0);
    // The backup was taken first (no other backup has been due in this browser yet).
    await page.getByRole('link', { name: 'Backups' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Restore the backup of/ }).count()).toBe(1);
    await page.getByRole('link', { name: 'Bin' }).click();
    await screenshot(page, 'integrity-03-bin');
    await page.getByRole('button', { name: 'Restore Bromley PDU' }).click();
    await page.getByText('Restored Bromley PDU.').waitFor();
    await page.getByRole('link', { name: 'Inspections' }).click();
    await page.getByRole('link', { name: 'Bromley PDU', exact: true }).waitFor();
  });

  it('4. double-clicking "Create inspection" creates one inspection', async () => {
    await page.goto(appUrl('/new-inspection'));
    await page.getByLabel('Name', { exact: true }).fill('Greenwich PDU');
    await page.getByRole('button', { name: 'Create inspection' }).dblclick();
    await page.getByRole('heading', { name: 'Greenwich PDU', level: 1 }).waitFor();
    await page.goto(appUrl('/'));
    await page.getByRole('link', { name: 'Greenwich PDU', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Greenwich PDU', exact: true }).count()).toBe(1);
  });

  it('5. undo never overwrites an answer someone else has given since', async () => {
    await newInspection('Croydon PDU');
    await addCase('CRO-1');
    await page.getByRole('link', { name: 'CRO-1' }).click();
    await page.getByRole('heading', { name: 'Case CRO-1' }).waitFor();
    const caseUrl = page.url();
    // Window A answers Yes.
    await question('assessment.engagement').focus();
    await page.keyboard.press('y');
    await question('assessment.engagement').getByText('Saved').waitFor();
    // Window B, same laptop, answers No.
    const other = await context.newPage();
    await other.goto(caseUrl);
    await other.locator('[data-question="assessment.engagement"]').focus();
    await other.keyboard.press('n');
    await other.locator('[data-question="assessment.engagement"]').getByText('Saved').waitFor();
    // Window A shows what is stored, and undo leaves B's answer alone.
    await expect
      .poll(() =>
        question('assessment.engagement').getByRole('button', { name: 'No' }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    await page.keyboard.press('Control+z');
    await page.getByText(/^Not undone: This answer was changed since \(now No by KM\)/).waitFor();
    await other.reload();
    await expect
      .poll(() =>
        other
          .locator('[data-question="assessment.engagement"]')
          .getByRole('button', { name: 'No' })
          .getAttribute('aria-pressed'),
      )
      .toBe('true');
    await other.close();
  });

  it('6. typing a sentence on a focused question goes into its note, not into a dozen answers', async () => {
    await question('assessment.desistance').focus();
    await page.keyboard.type('Risk was assessed late.');
    await expect
      .poll(() => question('assessment.desistance').getByRole('textbox').inputValue())
      .toBe('Risk was assessed late.');
    await question('assessment.desistance').getByText('Note saved').waitFor();
    const answered = await page.locator('.question [aria-pressed="true"]').count();
    expect(answered).toBe(1); // Only the engagement answer from the step before.
  });

  it('7. odd ids and names never blank the app', async () => {
    await page.goto(appUrl('/inspections/new'));
    await page.getByText(/does not exist/).waitFor();
    await page.goto(appUrl('/inspections/x%2Freport'));
    await page.getByText(/does not exist/).waitFor();
    await newInspection('Harrow PDU');
    await page.getByRole('link', { name: 'Edit details' }).click();
    await page.getByLabel('Region').fill('North 100%');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('link', { name: 'North 100%' }).click();
    await page.getByRole('heading', { name: /North 100%/ }).waitFor();
    await screenshot(page, 'integrity-04-region-with-percent');
  });

  it('8. one reference rule: spaces and letter case ignored, hidden characters refused', async () => {
    await newInspection('Hounslow PDU');
    await addCase('CR 0003');
    await page.getByText('Added 1 of 1.').waitFor();
    await page.getByRole('button', { name: 'Paste a list' }).click();
    await page.getByLabel(/^References, one per line/).fill('cr0003\nCR0003\nCR0004');
    await page.getByRole('button', { name: 'Add cases' }).click();
    await page
      .getByText(
        /Added 1 of 3\. Not added: row 1 \(cr0003\): cr0003 is already in the sample\. row 2 \(CR0003\)/,
      )
      .waitFor();
    await page.getByRole('button', { name: 'One case' }).click();
    await page.getByLabel('Case reference').fill('HFK-\u202E100');
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.getByText(/invisible or control character \(U\+202E RIGHT-TO-LEFT OVERRIDE\)/).waitFor();
    // Editing a reference follows the same rule as adding one.
    await page.getByRole('link', { name: 'CR0004' }).click();
    await page.getByRole('button', { name: 'Edit case' }).click();
    await page.getByRole('dialog').getByLabel('Case reference').fill('cr 0003');
    await page.getByRole('dialog').getByRole('button', { name: 'Save case' }).click();
    await page.getByText('Another case in this inspection is already CR 0003.').waitFor();
    await screenshot(page, 'integrity-05-reference-rule');
  });

  it('logged no errors along the way', () => {
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
