// The whole scoring flow in real Chromium with real IndexedDB: create an inspection, add cases, answer by
// keyboard only, watch a rating change, override one with a reason, reload: everything is still there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { appUrl, collectErrors, openBrowser, screenshot, signIn } from './browser';

let page: Page;
let close: () => Promise<void>;
let errors: string[];

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  errors = collectErrors(page);
});
afterAll(async () => close());

async function panelStandard(name: string) {
  const item = page.getByRole('complementary').locator('li.ratings-standard', { hasText: name });
  return (await item.locator('.rating').first().textContent())?.trim();
}

describe('the scoring desk in Chromium', () => {
  it('first run asks for initials', async () => {
    await page.goto(appUrl('/'));
    await page.getByLabel('Your initials').waitFor();
    await screenshot(page, '01-first-run');
    await signIn(page, 'km');
    await screenshot(page, '02-inspections-empty');
  });

  it('creates an inspection', async () => {
    await page.getByRole('button', { name: 'New inspection' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Croydon PDU');
    await page.getByLabel('Region').fill('London');
    await page.getByLabel('Fieldwork started').fill('2026-11-02');
    await page.getByLabel('Lead inspector').fill('Keith McInnis');
    await screenshot(page, '03-new-inspection');
    await page.getByRole('button', { name: 'Create inspection' }).click();
    await page.getByRole('heading', { name: 'Croydon PDU', level: 1 }).waitFor();
  });

  it('adds cases from a pasted list', async () => {
    await page.getByRole('button', { name: 'Paste a list' }).click();
    await page.getByLabel('References, one per line').fill('CRO-001\nCRO-002\nCRO-003');
    await page.getByRole('button', { name: 'Add cases' }).click();
    await page.getByText('Added 3 of 3.').waitFor();
    await page.getByRole('link', { name: 'CRO-003' }).waitFor();
    await screenshot(page, '04-case-sample');
  });

  it('answers by keyboard only, and the rating moves with each answer', async () => {
    await page.getByRole('link', { name: 'CRO-001' }).click();
    await page.getByRole('heading', { name: 'Case CRO-001' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-question')))
      .toBe('assessment.engagement');
    expect(await panelStandard('2.1 Assessment')).toBe('Not rated');
    await page.keyboard.press('y');
    await expect.poll(() => panelStandard('2.1 Assessment')).toBe('Outstanding');
    await page.keyboard.press('y');
    await page.keyboard.press('y');
    await page.keyboard.press('a');
    // Next key question: assessment.desistance, answered No.
    await page.keyboard.press('n');
    await expect.poll(() => panelStandard('2.1 Assessment')).toBe('Inadequate');
    await page
      .locator('[data-question="assessment.desistance"] .save-status', { hasText: 'Saved' })
      .waitFor();
    await screenshot(page, '05-scoring-a-case');

    await page.keyboard.press('j');
    await page.getByRole('heading', { name: 'Case CRO-002' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-question')))
      .toBe('assessment.engagement');
    await page.keyboard.press('y');
    await page
      .locator('[data-question="assessment.engagement"] .save-status', { hasText: 'Saved' })
      .waitFor();
  });

  it('overrides a rating with a reason, shown apart from the computed one', async () => {
    await page.getByRole('button', { name: 'Override 2.1 Assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Override 2.1 Assessment' });
    await dialog.getByLabel('Rating').selectOption('requires-improvement');
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await dialog.getByText('Give a reason').waitFor();
    await dialog
      .getByLabel('Reason (required)')
      .fill('Only two cases answered; the lead inspector reviewed the evidence.');
    await screenshot(page, '06-override');
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await expect.poll(() => panelStandard('2.1 Assessment')).toBe('Requires improvement');
    await page.getByText(/Overridden from Inadequate by KM/).waitFor();
  });

  it('keeps everything through a reload, with identical ratings', async () => {
    const panelBefore = await page.getByRole('complementary').innerText();
    await page.reload();
    await page.getByRole('heading', { name: 'Case CRO-002' }).waitFor();
    await page.getByRole('complementary').getByText('2.1 Assessment').waitFor();
    await expect.poll(() => page.getByRole('complementary').innerText()).toBe(panelBefore);
    expect(
      await page.locator('[data-question="assessment.engagement"] [aria-pressed="true"]').textContent(),
    ).toBe('Yes');
    await page.keyboard.press('k');
    await page.getByRole('heading', { name: 'Case CRO-001' }).waitFor();
    expect(
      await page.locator('[data-question="assessment.desistance"] [aria-pressed="true"]').textContent(),
    ).toBe('No');
  });

  it('shows the judged standards', async () => {
    await page.goto(appUrl('/'));
    await page.getByRole('link', { name: 'Croydon PDU', exact: true }).click();
    await page.getByRole('link', { name: 'Judged standards' }).click();
    const staff = page.locator('section.judgement', { hasText: '1.2 Staff' });
    await staff.getByLabel('Requires improvement').check();
    await expect.poll(() => panelStandard('1.2 Staff')).toBe('Requires improvement');
    await screenshot(page, '07-judgements');
  });

  it('shows settings with the storage status', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('persistence').waitFor();
    await screenshot(page, '08-settings');
  });

  it('logged no errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
