// The grid in real Chromium with real IndexedDB: one standard's key questions across, cases down, entered by
// keyboard (answers saved through the same path as the case page), filled down, filtered, sorted, and a case
// opened from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seriousViolations } from './axe';
import { type CasescorePage, openSignedIn } from './casescore-page';
import { screenshotAtSizes } from './sizes';

let page: Page;
let close: () => Promise<void>;
let errors: string[];
let app: CasescorePage;

beforeAll(async () => {
  ({ page, app, errors, close } = await openSignedIn());
  await app.createInspection('Sutton PDU');
  // Pasted as a spreadsheet's rows: reference, type, RoSH, court report, released, inspector.
  await page.getByRole('button', { name: 'Paste a list' }).click();
  await page
    .getByLabel('References, one per line')
    .fill(
      'SUT-001\tCommunity\tHigh\t\t\tPC\nSUT-002\tLicence\tLow\t\t\tJB\nSUT-003\tCommunity\tMedium\t\t\tPC',
    );
  await page.getByRole('button', { name: 'Add cases' }).click();
  await page.getByText('Added 3 of 3.').waitFor();
});
afterAll(async () => close());

const cell = (reference: string, label: string) =>
  page.getByRole('gridcell', { name: new RegExp(`^${reference}, ${label}:`) });
const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
async function panelStandard(name: string) {
  const item = page.getByRole('complementary').locator('li.ratings-standard', { hasText: name });
  return (await item.locator('.rating').first().textContent())?.trim();
}

describe('the grid', () => {
  it('enters a standard’s answers by keyboard, moving along the row and on to the next case', async () => {
    await app.openGrid('Sutton PDU');
    await cell('SUT-001', 'Engagement').focus();
    await page.keyboard.press('y');
    expect(await focusedName()).toMatch(/^SUT-001, Desistance/);
    await page.keyboard.press('n');
    await page.keyboard.press('y');
    expect(await focusedName()).toMatch(/^SUT-002, Engagement/);
    await page.keyboard.press('y');
    await page.keyboard.press('y');
    await page.keyboard.press('y');
    await expect
      .poll(() => cell('SUT-002', 'Keeping other people safe').getAttribute('aria-label'))
      .toMatch(/: Yes$/);
    expect(await cell('SUT-001', 'Desistance').getAttribute('aria-label')).toMatch(/: No$/);
    await expect.poll(() => panelStandard('2.1 Assessment')).toBe('Requires improvement');
  });

  it('Ctrl+D fills a cell from the one above, Delete clears it', async () => {
    await app.openGrid('Sutton PDU');
    await cell('SUT-003', 'Engagement').focus();
    await page.keyboard.press('Control+d');
    await expect.poll(() => cell('SUT-003', 'Engagement').getAttribute('aria-label')).toMatch(/: Yes$/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+d');
    await expect.poll(() => cell('SUT-003', 'Desistance').getAttribute('aria-label')).toMatch(/: Yes$/);
    await page.keyboard.press('Delete');
    await expect
      .poll(() => cell('SUT-003', 'Desistance').getAttribute('aria-label'))
      .toMatch(/: unanswered$/);
  });

  it('the answers are the case’s own: they survive a reload and show on the case page', async () => {
    await app.openGrid('Sutton PDU');
    await page.reload();
    await expect.poll(() => cell('SUT-001', 'Desistance').getAttribute('aria-label')).toMatch(/: No$/);
    expect(await page.getByRole('row').last().innerText()).toMatch(/Yes 3 · No 0 · N\/A 0/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotAtSizes(page, 'grid');
  });

  it('filters to cases with a No, sorts, and opens a case with Enter', async () => {
    await app.openGrid('Sutton PDU');
    await page.getByLabel('Show').selectOption({ label: 'Cases with a No' });
    await expect.poll(() => page.locator('tbody [role="gridcell"]').count()).toBe(3);
    await page.getByLabel('Show').selectOption({ label: 'Every case' });
    await page.getByLabel('Sort by').selectOption({ label: 'Inspector' });
    await expect
      .poll(() => page.locator('tbody').getByRole('rowheader').allInnerTexts())
      .toEqual(['SUT-002 JB', 'SUT-001 PC', 'SUT-003 PC']);
    await page.getByLabel('Find a case').fill('003');
    await expect.poll(() => page.locator('tbody').getByRole('rowheader').count()).toBe(1);
    await cell('SUT-003', 'Engagement').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Case SUT-003' }).waitFor();
    expect(
      await page.locator('[data-question="assessment.engagement"] [aria-pressed="true"]').textContent(),
    ).toBe('Yes');
  });

  it('another standard is one choice away, with its own answers', async () => {
    await app.openGrid('Sutton PDU', '2.4 Reviewing');
    // SUT-001's Desistance is No in Assessment; in Reviewing it is not answered yet.
    await expect
      .poll(() => cell('SUT-001', 'Desistance').getAttribute('aria-label'))
      .toMatch(/: unanswered$/);
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
