// A report an inspector can hand over, in real Chromium, printed to PDF and read back: the breakdowns in full
// with the cases answered No and their notes, each standard's strengths and areas for improvement, and a
// one-case record for feedback to the practitioner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seriousViolations } from './axe';
import { type CasescorePage, openSignedIn } from './casescore-page';
import { printedText, squeezed } from './pdf';
import { screenshotAtSizes } from './sizes';

let page: Page;
let close: () => Promise<void>;
let errors: string[];
let answeredNo: string;
let app: CasescorePage;

const NOTE = 'Assessment missed the risk to the partner named in the police callout.';
const STRENGTHS = 'Staff knew their cases well and engaged people on probation from the first meeting.';
const IMPROVEMENTS =
  'Assessments seldom drew on police domestic abuse callouts or children’s services checks.';

beforeAll(async () => {
  ({ page, app, errors, close } = await openSignedIn());
  await app.loadLondonDemo();
});

const openReport = () => app.openAddress('/inspections/london-2022-newham/report', 'Newham PDU');
afterAll(async () => close());

describe('the report to hand over', () => {
  it('a note on a No answer, written in the case, goes into the report', async () => {
    await openReport();
    const safety = page.locator('article.kq-breakdown', { has: page.locator('#kq-assessment\\.safety') });
    const firstNo = safety.locator('details.answered-no a').first();
    answeredNo = (await firstNo.textContent())!;
    await firstNo.click();
    await page.getByRole('heading', { name: `Case ${answeredNo}` }).waitFor();
    const note = page.locator('[data-question="assessment.safety"] textarea');
    await note.fill(NOTE);
    await note.blur();
    await page
      .locator('[data-question="assessment.safety"] .note-status', { hasText: 'Note saved' })
      .waitFor();
  });

  it('strengths and areas for improvement are written per standard and kept', async () => {
    await openReport();
    await page.getByLabel('Strengths of 2.1 Assessment').fill(STRENGTHS);
    await page.getByLabel('Areas for improvement in 2.1 Assessment').fill(IMPROVEMENTS);
    await page.keyboard.press('Tab');
    // Each box says when its words are stored, as every note does.
    await page.getByText('Strengths saved').first().waitFor();
    await page.getByText('Areas for improvement saved').first().waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Strengths of 2.1 Assessment').inputValue()).toBe(STRENGTHS);
    expect(await page.getByLabel('Areas for improvement in 2.1 Assessment').inputValue()).toBe(IMPROVEMENTS);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Strengths of 2.1 Assessment').scrollIntoViewIfNeeded();
    await screenshotAtSizes(page, 'report-commentary');
  });

  it('prints the breakdowns in full: cases answered No with their notes, and the words on each standard', async () => {
    await openReport();
    const text = squeezed(await printedText(page, 'report-printed'));
    expect(text).toContain(`Strengths ${STRENGTHS}`);
    expect(text).toContain(`Areas for improvement ${IMPROVEMENTS}`);
    expect(text).toMatch(/\d+ cases? answered No/);
    expect(text).toContain(`${answeredNo} — ${NOTE}`);
    // The boxes themselves are not printed.
    expect(text).not.toContain('Areas for improvement in 2.1');
  });

  it('a one-case record: details, answers and notes, printable for feedback', async () => {
    await app.openCase('Newham PDU', answeredNo);
    await page.getByRole('link', { name: 'Case record' }).click();
    await page.getByText('Casescore case record').waitFor();
    const safetyRow = page.getByRole('row').filter({ hasText: 'Keeping other people safe' }).first();
    expect(await safetyRow.innerText()).toContain('No');
    expect(await safetyRow.innerText()).toContain(NOTE);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotAtSizes(page, 'case-record');
    const text = squeezed(await printedText(page, 'case-record-printed'));
    expect(text).toContain(`Case ${answeredNo}`);
    expect(text).toContain('Risk of serious harm');
    expect(text).toContain(NOTE);
    expect(text).not.toContain('Back to scoring the case');
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
