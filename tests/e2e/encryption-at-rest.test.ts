// Encryption at rest, end to end in the built app in real Chromium: protected with a passphrase, a case's
// reference and note never reach the browser profile's files in clear (every file searched as bytes, in UTF-8
// and UTF-16LE); the lock forgets the keys and asks the passphrase, keeping what was being typed; a reopened
// profile asks it before anything is read, refuses a wrong one, and shows the answer and note; a sealed backup
// restores; and deleting the inspection for good leaves no trace in the store, the audit or a new export, and
// makes its old backup unreadable.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { appUrl, collectErrors, launch, openBrowser, screenshot, signIn } from './browser';
import { CasescorePage } from './casescore-page';

const PASSPHRASE = 'harbour lantern cobalt meadow';
const INSPECTION = 'Sealed PDU';
const REFERENCE = 'XQ 47213';
const NOTE = 'Wrenfield 8830 was seen near the school gates';
/** The case as it could be written down: as typed, as compared, and words of its note. */
const TRACES = ['XQ 47213', 'xq47213', 'XQ47213', 'Wrenfield', '8830 was seen'];

let context: BrowserContext;
let page: Page;
let app: CasescorePage;
let profile: string;
let errors: string[];

beforeAll(async () => {
  let close: () => Promise<void>;
  ({ context, page, profile, close } = await openBrowser());
  void close;
  errors = collectErrors(page);
  await signIn(page, 'KM');
  app = new CasescorePage(page, 'KM');
});
afterAll(async () => context.close());

/** Every file under a folder, recursively. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** Each trace found in any file of the profile (as UTF-8, which is Latin-1 for these, or UTF-16LE), and where. */
function tracesOnDisk(folder: string): string[] {
  const patterns = TRACES.flatMap((trace) => [
    { trace, bytes: Buffer.from(trace, 'utf8') },
    { trace: `${trace} (UTF-16LE)`, bytes: Buffer.from(trace, 'utf16le') },
    { trace: `${trace} (Latin-1)`, bytes: Buffer.from(trace, 'latin1') },
  ]);
  const found: string[] = [];
  for (const file of filesUnder(folder)) {
    if (statSync(file).size === 0) continue;
    const bytes = readFileSync(file);
    for (const { trace, bytes: pattern } of patterns) {
      if (bytes.includes(pattern)) found.push(`${trace} in ${file.slice(folder.length)}`);
    }
  }
  return found;
}

/** Every row of the app's IndexedDB store as IndexedDB holds it (sealed), read in the page without Casescore. */
async function rawStore(): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('casescore');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
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

async function reopen(): Promise<void> {
  await context.close();
  expect(tracesOnDisk(profile)).toEqual([]);
  context = await launch(profile);
  page = context.pages()[0] ?? (await context.newPage());
  errors = collectErrors(page);
  app = new CasescorePage(page, 'KM');
  await page.goto(appUrl('/'));
}

async function unlockAtStart(): Promise<void> {
  await page.getByRole('heading', { name: 'Casescore is protected' }).waitFor();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Inspections' }).waitFor();
}

describe('protected with a passphrase', () => {
  it('is switched on in Settings, after the rules and a confirm', { timeout: 120_000 }, async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Data protection' });
    await section.getByText('Not encrypted.').waitFor();
    await section.getByLabel('Passphrase', { exact: true }).fill('too short');
    await section.getByRole('button', { name: 'Protect with a passphrase' }).click();
    await section.getByText('Use a passphrase of at least 12 characters').waitFor();
    await section.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await section.getByLabel('Passphrase again').fill(`${PASSPHRASE}s`);
    await section.getByRole('button', { name: 'Protect with a passphrase' }).click();
    await section.getByText('The two passphrases are not the same').waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, '60-protect-with-passphrase');
    await section.getByLabel('Passphrase again').fill(PASSPHRASE);
    await section.getByRole('button', { name: 'Protect with a passphrase' }).click();
    await section.getByText('Protected with a passphrase.').waitFor({ timeout: 30_000 });
    // The lock is a password now, and Settings › Lock says so.
    await page
      .getByRole('region', { name: 'Lock' })
      .getByText('they open again only with your passphrase')
      .waitFor();
    await screenshot(page, '61-protected');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it(
    'keeps the answer and note sealed, and the lock asks the passphrase and keeps the typing',
    { timeout: 120_000 },
    async () => {
      await app.openInspections();
      await app.createInspection(INSPECTION);
      await app.addCases([REFERENCE, 'C-0002']);
      await app.score(REFERENCE, 'y');
      await page.getByRole('link', { name: REFERENCE, exact: true }).click();
      await page.getByRole('heading', { name: `Case ${REFERENCE}` }).waitFor();
      const note = page.getByLabel('Case notes');
      await note.click();
      await note.pressSequentially(NOTE.slice(0, 20));
      // Locked the moment typing stops: what was typed is saved (sealed) before the keys are forgotten.
      await page.keyboard.press('Control+Shift+L');
      const lock = page.getByRole('dialog', { name: 'Casescore is locked' });
      await lock.waitFor();
      await lock.getByText('their keys were forgotten').waitFor();
      await lock.getByLabel('Passphrase').fill('not the passphrase at all');
      await lock.getByRole('button', { name: 'Unlock' }).click();
      await lock.getByText('That is not the passphrase Casescore was protected with.').waitFor();
      await screenshot(page, '62-lock-asks-passphrase');
      expect(await seriousViolations(page)).toEqual([]);
      await lock.getByLabel('Passphrase').fill(PASSPHRASE);
      await lock.getByRole('button', { name: 'Unlock' }).click();
      await lock.waitFor({ state: 'detached' });
      await expect.poll(() => note.evaluate((box) => box === document.activeElement)).toBe(true);
      expect(await note.inputValue()).toBe(NOTE.slice(0, 20));
      await note.press('End');
      await note.pressSequentially(NOTE.slice(20));
      await note.blur();
      await page.getByText('Notes saved').waitFor();

      // Removing the other case takes a backup first: sealed, as everything else.
      await page.getByRole('link', { name: INSPECTION, exact: true }).first().click();
      await page.getByRole('link', { name: 'C-0002', exact: true }).click();
      await page.getByRole('button', { name: 'Edit case' }).click();
      await page.getByRole('button', { name: 'Remove from sample…' }).click();
      await page.getByRole('button', { name: 'Yes, remove C-0002' }).click();
      await page.getByRole('heading', { name: INSPECTION, level: 1 }).waitFor();

      const store = await rawStore();
      for (const trace of TRACES) expect(store).not.toContain(trace);
      expect(store).toContain('casescore.sealed-backup');
      expect(store).toContain(INSPECTION); // names stay readable, by design
      expect(errors).toEqual([]);
    },
  );

  it(
    'leaves no trace in any file of the profile, and asks the passphrase before anything is read',
    { timeout: 180_000 },
    async () => {
      await reopen();
      await page.getByRole('heading', { name: 'Casescore is protected' }).waitFor();
      expect(await page.evaluate(() => document.body.innerText)).not.toContain(INSPECTION);
      await screenshot(page, '63-unlock-at-start');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Passphrase').fill('tulip anchor violet granite');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByText('That is not the passphrase Casescore was protected with.').waitFor();
      await page.getByLabel('Passphrase').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('heading', { name: 'Inspections' }).waitFor();
      await app.openInspection(INSPECTION);
      await page.getByRole('link', { name: REFERENCE, exact: true }).click();
      await page.getByRole('heading', { name: `Case ${REFERENCE}` }).waitFor();
      await expect.poll(() => page.getByLabel('Case notes').inputValue()).toBe(NOTE);
      await expect
        .poll(() =>
          page.locator('[data-question="assessment.engagement"] [aria-pressed="true"]').textContent(),
        )
        .toBe('Yes');
      expect(errors).toEqual([]);
    },
  );

  it(
    'restores a sealed backup; deleted for good, the inspection leaves no trace and its old backup cannot be read',
    { timeout: 180_000 },
    async () => {
      await page.getByRole('link', { name: 'Backups' }).click();
      await page.getByRole('heading', { name: 'Restore from backup' }).waitFor();
      await page
        .getByRole('button', { name: /^Restore the backup of/ })
        .first()
        .click();
      await page.getByRole('button', { name: 'Restore backup' }).click();
      await page.getByText(/^Restored 1 inspection from /).waitFor();
      await app.openInspections();
      await app.openInspection(INSPECTION);
      await page.getByRole('link', { name: 'C-0002', exact: true }).waitFor();
      const inspectionId = decodeURIComponent(/\/inspections\/([^/?]+)/.exec(page.url())![1]!);
      expect(await rawStore()).toContain(`"atRestKey:${inspectionId}"`);
      // Another inspection stays, so there is something to export once this one is gone.
      await app.openInspections();
      await app.createInspection('Other PDU');
      await app.addCases(['OT-0001']);

      await app.openInspections();
      await page.getByRole('button', { name: `Delete ${INSPECTION}` }).click();
      await page.getByRole('button', { name: 'Delete inspection' }).click();
      await page.getByRole('link', { name: 'Bin', exact: true }).click();
      await page.getByRole('button', { name: `Delete ${INSPECTION} for good` }).click();
      await page
        .getByRole('dialog', { name: `Delete ${INSPECTION} for good?` })
        .getByRole('button', { name: 'Delete for good' })
        .click();
      await page.getByText(`Deleted ${INSPECTION} for good.`).waitFor();

      const store = await rawStore();
      // Its key is gone from the settings, and nothing of it is left in any table.
      expect(store).not.toContain(`"atRestKey:${inspectionId}"`);
      const { inspections, cases, audit } = JSON.parse(store) as Record<string, unknown[]>;
      // (The erasure log in the settings keeps its id, when and by whom, by design.)
      expect(JSON.stringify([inspections, cases, audit])).not.toContain(inspectionId);
      for (const trace of TRACES) expect(store).not.toContain(trace);
      const exported = JSON.stringify(
        await app.exportAll(`${process.env['TMPDIR'] ?? '/tmp'}/sealed-${Date.now()}.json`),
      );
      for (const trace of [...TRACES, INSPECTION]) expect(exported).not.toContain(trace);
      expect(exported).toContain('OT-0001');
      // Its old backups still hold its part, sealed under a key that no longer exists.
      await page.getByRole('link', { name: 'Backups' }).click();
      const oldest = page.getByRole('button', { name: /^Restore the backup of/ }).last();
      await oldest.click();
      await page.getByRole('button', { name: 'Restore backup' }).click();
      await page
        .getByText(
          `cannot be restored: every inspection in it was deleted for good since (their keys with them): ${INSPECTION}. Nothing was changed.`,
        )
        .waitFor();
      await screenshot(page, '64-erased-backup-unreadable');
      await context.close();
      expect(tracesOnDisk(profile)).toEqual([]);
      context = await launch(profile);
      page = context.pages()[0] ?? (await context.newPage());
      errors = collectErrors(page);
      await page.goto(appUrl('/'));
      await unlockAtStart();
      app = new CasescorePage(page, 'KM');
      // Nothing was changed by the refused restore: the other inspection is there, whole.
      await app.openInspection('Other PDU');
      await page.getByRole('link', { name: 'OT-0001', exact: true }).waitFor();
      expect(errors).toEqual([]);
    },
  );
});
