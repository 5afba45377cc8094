// axe-core on every screen, in real Chromium with the London demo loaded: no serious or critical violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seriousViolations as violationsOn } from './axe';
import { appUrl, openBrowser, signIn } from './browser';

let page: Page;
let close: () => Promise<void>;

const seriousViolations = () => violationsOn(page);

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  await page.goto(appUrl('/'));
  await page.getByLabel('Your initials').waitFor();
});
afterAll(async () => close());

describe('accessibility of every screen', () => {
  it('first run', async () => {
    expect(await seriousViolations()).toEqual([]);
    await signIn(page);
  });

  it('inspections list, with the demo loaded', async () => {
    await page.getByRole('button', { name: 'Load London 2022 demo' }).click();
    await page.getByRole('link', { name: 'Newham PDU', exact: true }).waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('delete confirmation', async () => {
    await page.getByRole('button', { name: 'Delete Newham PDU' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the export dialog, with the passphrase fields', async () => {
    await page.getByRole('button', { name: 'Export all' }).click();
    await page.getByRole('dialog', { name: 'Export' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('opening an encrypted export, with nothing waiting', async () => {
    await page.goto(appUrl('/import/unlock'));
    await page.getByRole('heading', { name: 'Open an encrypted export' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('an inspection’s case sample', async () => {
    await page.goto(appUrl('/inspections/london-2022-newham'));
    await page.getByRole('heading', { name: 'Case sample (41)' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('judged standards', async () => {
    await page.goto(appUrl('/inspections/london-2022-newham/judgements'));
    await page.getByRole('heading', { name: 'Judged standards' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('scoring a case', async () => {
    await page.goto(appUrl('/inspections/london-2022-hfkcw'));
    await page.getByRole('link', { name: 'HFK-001' }).click();
    await page.getByRole('heading', { name: 'Case HFK-001' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('the override dialog', async () => {
    await page.getByRole('button', { name: 'Override 2.2 Assessment' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('new inspection and settings', async () => {
    await page.goto(appUrl('/new-inspection'));
    await page.getByRole('heading', { name: 'New inspection' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.goto(appUrl('/settings'));
    await page.getByTestId('persistence').waitFor();
    expect(await seriousViolations()).toEqual([]);
  });
});
