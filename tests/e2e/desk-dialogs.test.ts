// Dialogs as a keyboard user meets them, in real Chromium: focus stays inside, Escape closes from anywhere in the
// dialog, focus returns to what opened it, a destructive confirmation starts on Cancel, and the page's own
// shortcuts do nothing behind an open dialog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seriousViolations } from './axe';
import { type CasescorePage, openSignedIn, step } from './casescore-page';
import { screenshotAtSizes } from './sizes';

let page: Page;
let close: () => Promise<void>;
let errors: string[];
let app: CasescorePage;

const HFKCW = 'Hammersmith, Fulham, Kensington, Chelsea and Westminster PDU';

beforeAll(async () => {
  ({ page, app, errors, close } = await openSignedIn());
  await app.loadLondonDemo();
});
afterAll(async () => close());

const focusIsInDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')));
/** Focus on something of the page behind the dialog (not the dialog, not the body). */
const focusIsBehind = () =>
  page.evaluate(
    () => document.activeElement !== document.body && !document.activeElement?.closest('dialog[open]'),
  );
const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** From the list, its rows drawn and rated: Newham's delete button opens its confirmation (by Enter or a click). */
const openDeleteConfirmation = (by: 'keyboard' | 'click' = 'click') =>
  step(`open the delete confirmation of Newham PDU by ${by}`, async () => {
    await app.openInspections();
    await expect.poll(() => page.locator('.inspections-table [aria-busy="true"]').count()).toBe(0);
    const button = page.getByRole('button', { name: 'Delete Newham PDU' });
    if (by === 'keyboard') {
      await button.focus();
      expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
    } else await button.click();
    await page.getByRole('dialog', { name: 'Delete Newham PDU?' }).waitFor();
  });

/** Newham is still listed: nothing was deleted. */
const newhamIsListed = () =>
  step('see Newham PDU still listed', async () => {
    await app.openInspections();
    await page.getByRole('link', { name: 'Newham PDU', exact: true }).waitFor();
  });

describe('dialogs', () => {
  it('a delete confirmation starts on Cancel and keeps Tab and Shift+Tab inside', async () => {
    await openDeleteConfirmation('keyboard');
    expect(await focusedText()).toBe('Cancel');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIsInDialog()).toBe(true);
    }
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusIsInDialog()).toBe(true);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotAtSizes(page, 'dialog-delete');
  });

  it('the page behind is inert: a link behind cannot be clicked while the dialog is open', async () => {
    await openDeleteConfirmation();
    const link = page.getByRole('link', { name: 'Newham PDU', exact: true });
    await expect(link.click({ timeout: 1500 })).rejects.toThrow();
    await page.getByRole('dialog', { name: 'Delete Newham PDU?' }).waitFor();
  });

  it('Escape closes it and focus returns to the button that opened it; nothing was deleted', async () => {
    await openDeleteConfirmation();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete inspection' }).focus();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Delete Newham PDU',
    );
    await newhamIsListed();
  });

  it('Enter on the Cancel a confirmation starts on deletes nothing', async () => {
    await openDeleteConfirmation();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await newhamIsListed();
  });

  it('in a case, J and Y typed in a dialog do not move to another case or answer behind it', async () => {
    await app.openCase(HFKCW, 'HFK-001');
    await page.getByRole('button', { name: 'Edit case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit case HFK-001' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Save case' }).focus();
    await page.keyboard.press('j');
    await page.keyboard.press('y');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Case HFK-001');
    await screenshotAtSizes(page, 'dialog-edit-case');
    // Shift+Tab from the first field stays in the dialog.
    await dialog.getByLabel('Case reference').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focusIsBehind()).toBe(false);
    expect(await focusIsInDialog()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedText()).toBe('Edit case');
  });

  it('asking to remove a case moves focus to Cancel', async () => {
    await app.openCase(HFKCW, 'HFK-001');
    await page.getByRole('button', { name: 'Edit case' }).click();
    await page.getByRole('button', { name: 'Remove from sample…' }).click();
    await page.getByRole('button', { name: 'Yes, remove HFK-001' }).waitFor();
    expect(await focusedText()).toBe('Cancel');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Case HFK-001');
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
