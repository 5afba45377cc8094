// Dialogs as a keyboard user meets them, in real Chromium: focus stays inside, Escape closes from anywhere in the
// dialog, focus returns to what opened it, a destructive confirmation starts on Cancel, and the page's own
// shortcuts do nothing behind an open dialog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seriousViolations } from './axe';
import { appUrl, collectErrors, openBrowser, signIn } from './browser';
import { screenshotAtSizes } from './sizes';

let page: Page;
let close: () => Promise<void>;
let errors: string[];

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  errors = collectErrors(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page);
  await page.getByRole('button', { name: 'Load London 2022 demo' }).click();
  await page.getByRole('link', { name: 'Newham PDU', exact: true }).waitFor();
});
afterAll(async () => close());

const focusIsInDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')));
/** Focus on something of the page behind the dialog (not the dialog, not the body). */
const focusIsBehind = () =>
  page.evaluate(
    () => document.activeElement !== document.body && !document.activeElement?.closest('dialog[open]'),
  );
const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('dialogs', () => {
  it('a delete confirmation starts on Cancel and keeps Tab and Shift+Tab inside', async () => {
    await page.getByRole('button', { name: 'Delete Newham PDU' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete Newham PDU?' });
    await dialog.waitFor();
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
    const link = page.getByRole('link', { name: 'Newham PDU', exact: true });
    await expect(link.click({ timeout: 1500 })).rejects.toThrow();
    await page.getByRole('dialog', { name: 'Delete Newham PDU?' }).waitFor();
  });

  it('Escape closes it and focus returns to the button that opened it; nothing was deleted', async () => {
    await page.getByRole('dialog').getByRole('button', { name: 'Delete inspection' }).focus();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Delete Newham PDU',
    );
    await page.getByRole('link', { name: 'Newham PDU', exact: true }).waitFor();
  });

  it('Enter on the Cancel a confirmation starts on deletes nothing', async () => {
    await page.getByRole('button', { name: 'Delete Newham PDU' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Newham PDU', exact: true }).waitFor();
  });

  it('in a case, J and Y typed in a dialog do not move to another case or answer behind it', async () => {
    await page.goto(appUrl('/inspections/london-2022-hfkcw'));
    await page.getByRole('link', { name: 'HFK-001' }).click();
    await page.getByRole('heading', { name: 'Case HFK-001' }).waitFor();
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
