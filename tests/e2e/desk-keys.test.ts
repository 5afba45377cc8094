// Fewer keys, in real Chromium with real IndexedDB: a case opens on its first question that can apply, moving
// never lands on one that cannot, Q jumps between key questions, and a typical probation case (community
// sentence, standard court report, court work rated) is scored by keyboard in at most 30 keys with prompts
// optional. The count is printed so it can be quoted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seriousViolations } from './axe';
import { type CasescorePage, openSignedIn, step } from './casescore-page';
import { screenshotAtSizes } from './sizes';

let page: Page;
let close: () => Promise<void>;
let errors: string[];
let app: CasescorePage;

beforeAll(async () => {
  ({ page, app, errors, close } = await openSignedIn());
});
afterAll(async () => close());

const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-question') ?? null);
/** Whether the question in focus is wholly on screen. */
const focusedInView = () =>
  page.evaluate(() => {
    const box = document.activeElement?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
  });
const focusedCannotApply = () =>
  page.evaluate(() => document.activeElement?.classList.contains('question--cannot-apply') ?? false);

/** Creates an inspection from the list, with court work rated or not, and lands on its page. */
const createInspection = (name: string, framework: string, courtWork: boolean) =>
  step(`create ${name} on ${framework}${courtWork ? ', court work rated' : ''}`, async () => {
    await app.openInspections();
    await page.getByRole('button', { name: 'New inspection' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Framework').selectOption({ label: framework });
    if (courtWork) await page.getByLabel('Court work is rated in this inspection').check();
    await page.getByRole('button', { name: 'Create inspection' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  });

/** Adds one case on the open inspection's page; it is then listed. */
const addCase = (reference: string, facts: { type: string; courtReport?: string }) =>
  step(`add case ${reference}`, async () => {
    await page.getByLabel('Case reference').fill(reference);
    await page.getByLabel('Case type').selectOption({ label: facts.type });
    if (facts.courtReport)
      await page.getByLabel('Court report inspected').selectOption({ label: facts.courtReport });
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.getByRole('link', { name: reference }).waitFor();
  });

/** "3 of 15 answered" from the case's header. */
async function progress(): Promise<[number, number]> {
  const text = (await page.getByText(/\d+ of \d+ answered/).textContent()) ?? '';
  const [, done, of] = /(\d+) of (\d+) answered/.exec(text)!;
  return [Number(done), Number(of)];
}

describe('fewer keys', () => {
  it('a typical probation case takes at most 30 keys with prompts optional, never landing where nothing applies', async () => {
    await createInspection('Lewisham PDU', 'Probation Delivery Unit inspections 2021–2023', true);
    await addCase('LEW-001', { type: 'Community sentence', courtReport: 'Standard' });
    await addCase('LEW-002', { type: 'Community sentence', courtReport: 'None' });
    await page.getByRole('link', { name: 'LEW-001' }).click();
    await page.getByRole('heading', { name: 'Case LEW-001' }).waitFor();
    // The way of working is set once for the inspection (by mouse here; it is not part of scoring a case).
    await page.getByRole('checkbox', { name: /Prompts optional in this inspection/ }).check();
    await page.locator('[data-question="court-work.advice"]').focus();

    const pattern = ['y', 'y', 'n', 'y', 'a'];
    let keys = 0;
    for (let [done, of] = await progress(); done < of; [done, of] = await progress()) {
      expect(await focusedCannotApply()).toBe(false);
      const before = done;
      await page.keyboard.press(pattern[keys % pattern.length]!);
      keys += 1;
      await expect.poll(async () => (await progress())[0]).toBe(before + 1);
      expect(keys).toBeLessThanOrEqual(30);
    }
    await screenshotAtSizes(page, 'scoring-prompts-optional');
    // On to the next case: one more key.
    await page.keyboard.press('j');
    keys += 1;
    await page.getByRole('heading', { name: 'Case LEW-002' }).waitFor();
    console.info(`Keys to score a typical probation case with prompts optional: ${keys}`);
    expect(keys).toBeLessThanOrEqual(30);
  });

  it('a case without a court report opens on 2.2, past the court work it cannot have', async () => {
    await app.openCase('Lewisham PDU', 'LEW-002');
    await expect.poll(focused).toBe('assessment.engagement');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('assessment.engagement');
    await page.keyboard.press('q');
    expect(await focused()).toBe('assessment.desistance');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('H on a question shows its answer’s history (who, when, was, became), and Escape returns to it', async () => {
    await app.openCase('Lewisham PDU', 'LEW-002');
    await page.locator('[data-question="assessment.desistance"]').focus();
    await page.keyboard.press('y');
    await page
      .locator('[data-question="assessment.desistance"] .save-status', { hasText: 'Saved' })
      .waitFor();
    await page.locator('[data-question="assessment.desistance"]').focus();
    await page.keyboard.press('n');
    await expect
      .poll(() => page.locator('[data-question="assessment.desistance"] [aria-pressed="true"]').textContent())
      .toBe('No');
    await page.locator('[data-question="assessment.desistance"]').focus();
    await page.keyboard.press('h');
    const dialog = page.getByRole('dialog', { name: 'History of Desistance' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('row').count()).toBe(3);
    expect(await dialog.getByRole('row').nth(1).innerText()).toMatch(/KM\s+Yes\s+No/);
    expect(await dialog.getByRole('row').nth(2).innerText()).toMatch(/KM\s+Unanswered\s+Yes/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotAtSizes(page, 'answer-history');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused()).toBe('assessment.desistance');
  });

  it('a youth out-of-court case opens on 3.1, past every court-disposal question', async () => {
    await createInspection('Lambeth YOS', 'Youth offending service inspections 2018–2021', false);
    await addCase('OOC-001', { type: 'Out-of-court disposal' });
    await page.getByRole('link', { name: 'OOC-001' }).click();
    await page.getByRole('heading', { name: 'Case OOC-001' }).waitFor();
    await expect.poll(focused).toBe('ooc-assessment.desistance');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('ooc-assessment.desistance');
    // Answering every question that applies by keyboard never lands on a court-disposal one.
    // (Prompts are walked here, so some keys answer prompts, which do not count towards finishing.)
    let keys = 0;
    for (let [done, of] = await progress(); done < of && keys < 80; [done, of] = await progress()) {
      expect(await focused()).toMatch(/^ooc-/);
      await page.keyboard.press('y');
      keys += 1;
      await page.locator('.save-status', { hasText: 'Saving…' }).first().waitFor({ state: 'detached' });
      // The page follows the keys down: the next question is brought into view once the answer is painted.
      await expect.poll(focusedInView).toBe(true);
    }
    const [done, of] = await progress();
    expect(done).toBe(of);
    await screenshotAtSizes(page, 'scoring-youth-out-of-court');
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
