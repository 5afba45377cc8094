// Personal data on the laptop, in the built app in real Chromium with real IndexedDB: the lock hides every case
// detail and keeps what was being typed; a case deleted for good leaves nothing in the store, the audit or a
// new export; an inspection past its keep-until date is named, and deleted for good after a confirm.
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, collectErrors, openBrowser, screenshot, signIn } from './browser';
import { CasescorePage } from './casescore-page';

const REFERENCE = 'ZQ 90417';
const NOTE = 'Kingfisher 5521 lives with the victim';
/** Every way the case could be written down: as typed, as compared, and its note. */
const TRACES = ['ZQ 90417', 'zq90417', 'ZQ90417', 'Kingfisher'];

let page: Page;
let app: CasescorePage;
let close: () => Promise<void>;
let errors: string[];

beforeAll(async () => {
  ({ page, close } = await openBrowser());
  errors = collectErrors(page);
  await signIn(page, 'KM');
  app = new CasescorePage(page, 'KM');
});
afterAll(async () => close());

/** Everything in the app's IndexedDB store but its own backups, as text, read in the page. */
async function storeText(): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('casescore');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].filter((n) => n !== 'backups');
          const tx = db.transaction(names, 'readonly');
          const all: Record<string, unknown> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (all[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(all));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function newInspection(name: string, fieldworkStart: string): Promise<void> {
  await page.goto(appUrl('/new-inspection'));
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Fieldwork started').fill(fieldworkStart);
  await page.getByRole('button', { name: 'Create inspection' }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

describe('the lock', () => {
  it(
    'hides every case detail, saves the note being typed, and gives it back on unlock',
    { timeout: 120_000 },
    async () => {
      await newInspection('Lock PDU', new Date().toISOString().slice(0, 10));
      await app.addCases([REFERENCE, 'C-0002']);
      await page.getByRole('link', { name: REFERENCE, exact: true }).click();
      await page.getByRole('heading', { name: `Case ${REFERENCE}` }).waitFor();
      const note = page.getByLabel('Case notes');
      await note.click();
      await note.pressSequentially(NOTE.slice(0, 20));
      // Locked the moment typing stops: before the autosave's pause.
      await page.keyboard.press('Control+Shift+L');
      const lock = page.getByRole('dialog', { name: 'Casescore is locked' });
      await lock.waitFor();
      const shown = await page.evaluate(() => document.body.innerText);
      for (const trace of ['ZQ 90417', 'Kingfisher', 'Lock PDU', 'C-0002'])
        expect(shown).not.toContain(trace);
      await expect.poll(async () => (await storeText()).includes(NOTE.slice(0, 20))).toBe(true);
      await screenshot(page, '40-lock-screen');

      // A reload does not get round the lock.
      await page.reload();
      await lock.waitFor();
      expect(await page.evaluate(() => document.body.innerText)).not.toContain('ZQ 90417');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('heading', { name: `Case ${REFERENCE}` }).waitFor();
      await expect.poll(() => note.inputValue()).toBe(NOTE.slice(0, 20));

      // Without a reload: the same box, focused, with what was typed, and typing goes on.
      await note.click();
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await lock.waitFor();
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect.poll(() => note.evaluate((box) => box === document.activeElement)).toBe(true);
      await note.press('End');
      await note.pressSequentially(NOTE.slice(20));
      await note.blur();
      await page.getByText('Notes saved').waitFor();
      expect(await note.inputValue()).toBe(NOTE);
    },
  );
});

describe('deleting a case for good', () => {
  it('leaves no trace of it in the store, the audit or a new export', { timeout: 120_000 }, async () => {
    expect(await storeText()).toContain('Kingfisher');
    await page.getByRole('button', { name: 'Edit case' }).click();
    await page.getByRole('button', { name: 'Remove from sample…' }).click();
    await page.getByRole('button', { name: `Yes, remove ${REFERENCE}` }).click();
    await page.getByRole('heading', { name: 'Lock PDU', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Bin', exact: true }).click();
    await page.getByRole('button', { name: `Delete ${REFERENCE} for good` }).click();
    const confirm = page.getByRole('dialog', { name: `Delete case ${REFERENCE} for good?` });
    expect(
      await confirm.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement),
    ).toBe(true);
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText(`Deleted case ${REFERENCE} for good.`).waitFor();
    await page.getByText('The bin is empty.').waitFor();

    const store = await storeText();
    for (const trace of TRACES) expect(store).not.toContain(trace);
    // The audit still says a case was added, noted, removed and erased, by whom and when.
    expect(store).toContain('"action":"case-purged"');
    const exported = JSON.stringify(
      await app.exportAll(`${process.env['TMPDIR'] ?? '/tmp'}/erased-${Date.now()}.json`),
    );
    for (const trace of TRACES) expect(exported).not.toContain(trace);
    expect(exported).toContain('C-0002');
  });
});

describe('retention', () => {
  it(
    'names an inspection past its keep-until date and deletes it for good after a confirm',
    { timeout: 120_000 },
    async () => {
      await newInspection('Kept Too Long PDU', '2020-03-02');
      await app.addCases(['RT 0001']);
      await app.openInspections();
      const banner = page.getByRole('region', { name: 'An inspection is past its keep-until date' });
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Kept Too Long PDU · kept until 2 March 2021');
      await screenshot(page, '41-retention-banner');
      await banner.getByRole('button', { name: 'Delete Kept Too Long PDU for good…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete Kept Too Long PDU for good?' });
      expect(await confirm.textContent()).toContain('its 1 case, their answers and notes');
      await screenshot(page, '42-retention-confirm');
      await confirm.getByRole('button', { name: 'Delete for good' }).click();
      await page.getByText('Deleted Kept Too Long PDU for good.').waitFor();
      await expect.poll(() => banner.count()).toBe(0);
      const store = await storeText();
      expect(store).not.toContain('Kept Too Long PDU');
      expect(store).not.toContain('RT 0001');
      expect(errors).toEqual([]);
    },
  );
});
