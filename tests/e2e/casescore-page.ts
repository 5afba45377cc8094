// The app as an inspector uses it, for the end-to-end flows: each method is one named step that does one thing
// and checks that it happened (a heading, a message, a saved answer, a file that reads back), so a flow fails at
// the step that went wrong, by name, and no step leans on the one before to have worked.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Page } from 'playwright';
import { parseExport, type ExportFile } from '#shared/interchange';
import { appUrl, collectErrors, openBrowser, screenshot } from './browser';

/** Runs one named step of a flow; a failure names the step. */
export async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Step "${name}" failed: ${message}`, { cause: error });
  }
}

/** Casescore in one browser page, signed in as one inspector. */
export class CasescorePage {
  constructor(
    readonly page: Page,
    readonly who = 'an inspector',
    /** The app's address, when not the shared preview server's (the team server test serves its own). */
    private readonly base?: string,
  ) {}

  private url(path: string): string {
    return this.base ? `${this.base}/#${path}` : appUrl(path);
  }

  private step<T>(name: string, action: () => Promise<T>): Promise<T> {
    return step(`${this.who}: ${name}`, action);
  }

  /** First run: gives initials and lands on the inspections list. */
  signIn(initials: string): Promise<void> {
    return this.step(`sign in as ${initials}`, async () => {
      await this.page.goto(this.url('/'));
      await this.page.getByLabel('Your initials').fill(initials);
      await this.page.getByRole('button', { name: 'Start' }).click();
      await this.page.getByRole('heading', { name: 'Inspections', level: 1 }).waitFor();
    });
  }

  /**
   * Goes to an address afresh: where the page is at it already (a dialog open on the list, say), it goes by
   * another screen, since going to the same address in the app changes nothing on screen.
   */
  private async goFresh(path: string): Promise<void> {
    const url = this.url(path);
    // Not a reload: a profile protected with a passphrase would ask for it again. Another screen first unmounts
    // this one (and any dialog it has open); then back.
    if (this.page.url() === url) await this.page.goto(this.url(path === '/bin' ? '/backups' : '/bin'));
    await this.page.goto(url);
  }

  /** Goes to the inspections list, and sees it. */
  openInspections(): Promise<void> {
    return this.step('open the inspections list', async () => {
      await this.goFresh('/');
      await this.page.getByRole('heading', { name: 'Inspections', level: 1 }).waitFor();
    });
  }

  /** Opens an inspection from the list (going to the list first), and sees its page. */
  openInspection(name: string): Promise<void> {
    return this.step(`open ${name}`, async () => {
      await this.openInspections();
      await this.page.getByRole('link', { name, exact: true }).click();
      await this.page.getByRole('heading', { name, level: 1 }).waitFor();
    });
  }

  /** Opens a case of an inspection from the inspection's page, and sees the case with a question focused. */
  openCase(inspection: string, reference: string): Promise<void> {
    return this.step(`open case ${reference} of ${inspection}`, async () => {
      await this.openInspection(inspection);
      await this.page.getByRole('link', { name: reference, exact: true }).click();
      await this.page.getByRole('heading', { name: `Case ${reference}`, level: 1 }).waitFor();
      await expect
        .poll(() => this.page.evaluate(() => document.activeElement?.hasAttribute('data-question')))
        .toBe(true);
    });
  }

  /** Opens an inspection's grid on a standard ("2.1 Assessment", the first, unless named), and sees it. */
  openGrid(inspection: string, standard?: string): Promise<void> {
    return this.step(`open the grid of ${inspection}${standard ? ` on ${standard}` : ''}`, async () => {
      await this.openInspection(inspection);
      await this.page.getByRole('link', { name: 'Grid' }).click();
      await this.page.getByRole('heading', { name: /^Grid: / }).waitFor();
      if (standard)
        await this.page.getByRole('main').getByLabel('Standard').selectOption({ label: standard });
      await this.page.getByRole('heading', { name: `Grid: ${standard ?? '2.1 Assessment'}` }).waitFor();
    });
  }

  /** Opens a page of an inspection by its address (the report, QA, ratings), and sees its main heading. */
  openAddress(path: string, heading: string | RegExp): Promise<void> {
    return this.step(`open ${path}`, async () => {
      await this.goFresh(path);
      await this.page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    });
  }

  /** Creates an inspection by name from the inspections list, and lands on its page. */
  createInspection(name: string): Promise<void> {
    return this.step(`create ${name}`, async () => {
      await this.openInspections();
      await this.page.getByRole('button', { name: 'New inspection' }).click();
      await this.page.getByLabel('Name', { exact: true }).fill(name);
      await this.page.getByRole('button', { name: 'Create inspection' }).click();
      await this.page.getByRole('heading', { name, level: 1 }).waitFor();
    });
  }

  /** Adds cases from a pasted list; every reference is then in the sample. */
  addCases(references: readonly string[]): Promise<void> {
    return this.step(`add cases ${references.join(', ')}`, async () => {
      await this.page.getByRole('button', { name: 'Paste a list' }).click();
      await this.page.getByLabel('References, one per line').fill(references.join('\n'));
      await this.page.getByRole('button', { name: 'Add cases' }).click();
      await this.page.getByText(`Added ${references.length} of ${references.length}.`).waitFor();
      for (const reference of references) {
        await this.page.getByRole('link', { name: reference, exact: true }).waitFor();
      }
    });
  }

  /**
   * Opens a case from its inspection's page, answers the first key questions with the given keys (y, n, a),
   * sees every answer saved, and goes back to the inspection. It waits with expect.poll, so it runs in a test.
   */
  score(reference: string, keys: string, firstQuestion = 'assessment.engagement'): Promise<void> {
    return this.step(`score ${reference} with ${keys}`, async () => {
      const inspection = await this.page.getByRole('heading', { level: 1 }).textContent();
      await this.page.getByRole('link', { name: reference, exact: true }).click();
      await this.page.getByRole('heading', { name: `Case ${reference}` }).waitFor();
      await expect
        .poll(() => this.page.evaluate(() => document.activeElement?.getAttribute('data-question')))
        .toBe(firstQuestion);
      for (const key of keys) await this.page.keyboard.press(key);
      await expect.poll(() => this.page.locator('.save-status--saving').count()).toBe(0);
      await expect
        .poll(() => this.page.locator('.save-status--saved').count())
        .toBeGreaterThanOrEqual(keys.length);
      await this.page
        .getByRole('link', { name: inspection ?? '', exact: true })
        .first()
        .click();
      await this.page.getByRole('heading', { name: inspection ?? '', level: 1 }).waitFor();
    });
  }

  /** Exports everything from the inspections list to `path`; the file reads back as a valid export. */
  exportAll(path: string): Promise<ExportFile> {
    return this.step(`export all to ${path}`, async () => {
      await this.openInspections();
      const download = this.page.waitForEvent('download');
      await this.page.getByRole('button', { name: 'Export all' }).click();
      const dialog = this.page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('radio', { name: /^Not encrypted/ }).check();
      await dialog.getByRole('button', { name: 'Export' }).click();
      await (await download).saveAs(path);
      return parseExport(readFileSync(path, 'utf8'));
    });
  }

  /** Chooses a file to import from the inspections list, and sees its review. */
  chooseImport(path: string): Promise<void> {
    return this.step(`choose ${path} to import`, async () => {
      await this.openInspections();
      const chooser = this.page.waitForEvent('filechooser');
      await this.page.getByRole('button', { name: 'Import…' }).click();
      await (await chooser).setFiles(path);
      await this.page.getByRole('heading', { name: /^Review the import of/ }).waitFor();
    });
  }

  /** Chooses a file that cannot be imported; returns the message refusing it, which names the problem. */
  chooseRefusedImport(path: string): Promise<string> {
    return this.step(`choose ${path} and see it refused`, async () => {
      await this.openInspections();
      const chooser = this.page.waitForEvent('filechooser');
      await this.page.getByRole('button', { name: 'Import…' }).click();
      await (await chooser).setFiles(path);
      const alert = this.page.getByRole('alert').filter({ hasText: 'was not imported' });
      await alert.waitFor();
      expect(await this.page.getByRole('heading', { name: /^Review the import of/ }).count()).toBe(0);
      return (await alert.textContent()) ?? '';
    });
  }

  /** Applies the import under review, and sees that it was imported. */
  applyImport(path: string): Promise<void> {
    const file = path.split(/[\\/]/).pop()!;
    return this.step(`apply the import of ${file}`, async () => {
      await this.page.getByRole('button', { name: 'Apply import' }).click();
      await this.page.getByText(`Imported ${file} into`, { exact: false }).waitFor();
    });
  }

  /** The totals line of the import under review. */
  importTotals(): Promise<string> {
    return this.step(
      'read the import totals',
      async () => (await this.page.locator('.import-totals').textContent()) ?? '',
    );
  }

  /** Keeps their version of one conflict (named by its case reference) in the import under review. */
  takeTheirs(reference: string): Promise<void> {
    return this.step(`take theirs for ${reference}`, async () => {
      const choice = this.page
        .getByRole('radiogroup', { name: new RegExp(`^${reference}:`) })
        .getByLabel('Theirs');
      await choice.check();
      expect(await choice.isChecked()).toBe(true);
    });
  }

  /** What the review says about who the file is from (verified, unknown key, not signed). */
  importSource(): Promise<string> {
    return this.step('read who the file is from', async () =>
      (await this.page.locator('.source').innerText()).trim(),
    );
  }

  /** Trusts the key of the file under review (after checking its fingerprint), and sees the file verified. */
  trustKey(initials: string, name: string): Promise<void> {
    return this.step(`trust ${initials}'s key`, async () => {
      await this.page.getByLabel('Initials').fill(initials);
      await this.page.getByLabel('Name').fill(name);
      await this.page.getByRole('button', { name: 'Trust this key' }).click();
      await this.page.getByText(`Signed by ${initials} (${name}),`).waitFor();
    });
  }

  /** Takes every change waiting for review in the import under review, and sees each one marked Take. */
  takeAllChanges(): Promise<void> {
    return this.step('take every change to review', async () => {
      const section = this.page.getByRole('region', { name: /^Changes to review \(/ });
      await section.getByRole('button', { name: 'Take all these changes' }).click();
      const takes = section.getByRole('radio', { name: 'Take', exact: true });
      expect(await takes.count()).toBeGreaterThan(0);
      await expect
        .poll(() => takes.evaluateAll((radios) => radios.every((r) => (r as HTMLInputElement).checked)))
        .toBe(true);
    });
  }

  /** This computer's key fingerprint, from Settings (what an inspector reads to the lead by phone). */
  ownFingerprint(): Promise<string> {
    return this.step('read this computer’s key fingerprint', async () => {
      await this.page.getByRole('link', { name: 'Settings' }).click();
      const fingerprint = this.page.getByLabel('This computer’s key fingerprint');
      await expect
        .poll(async () => (await fingerprint.textContent()) ?? '')
        .toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
      return (await fingerprint.textContent())!;
    });
  }

  /** Changes one case's details through its Edit case dialog, from the open inspection. */
  editCaseDetails(
    reference: string,
    details: { caseType?: string; rosh?: string; released?: boolean },
  ): Promise<void> {
    return this.step(`edit the details of ${reference}`, async () => {
      const inspection = await this.page.getByRole('heading', { level: 1 }).textContent();
      await this.page.getByRole('link', { name: reference, exact: true }).click();
      await this.page.getByRole('button', { name: 'Edit case' }).click();
      const dialog = this.page.getByRole('dialog', { name: `Edit case ${reference}` });
      if (details.caseType) await dialog.getByLabel('Case type').selectOption({ label: details.caseType });
      if (details.rosh) await dialog.getByLabel('Risk of serious harm').selectOption({ label: details.rosh });
      if (details.released !== undefined)
        await dialog.getByLabel('Released on licence in the period').setChecked(details.released);
      await dialog.getByRole('button', { name: 'Save case' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await this.page
        .getByRole('link', { name: inspection ?? '', exact: true })
        .first()
        .click();
      await this.page.getByRole('heading', { name: inspection ?? '', level: 1 }).waitFor();
    });
  }

  /** Loads the London 2022 demo from the inspections list; its six PDUs are listed. */
  loadLondonDemo(): Promise<void> {
    return this.step('load the London 2022 demo', async () => {
      await this.openInspections();
      await this.page.getByRole('button', { name: 'Load London 2022 demo' }).click();
      await this.page.getByText('Loaded the London 2022 demo').waitFor();
      // (Playwright's own waits, not expect.poll: a flow may load the demo in a beforeAll.)
      await this.page
        .getByRole('link', { name: 'Barking, Dagenham and Havering PDU', exact: true })
        .waitFor();
      expect(await this.page.getByRole('link', { name: / PDU$/ }).count()).toBeGreaterThanOrEqual(6);
    });
  }

  /** Loads a framework file in Settings; it is then listed as loaded from that file. */
  loadFramework(path: string): Promise<void> {
    const file = path.split(/[\\/]/).pop()!;
    return this.step(`load the framework file ${file} in Settings`, async () => {
      await this.page.goto(this.url('/settings'));
      await this.page.getByRole('heading', { name: 'Frameworks' }).waitFor();
      const chooser = this.page.waitForEvent('filechooser');
      await this.page.getByRole('button', { name: 'Load a framework file…' }).click();
      await (await chooser).setFiles(path);
      await this.page
        .getByRole('status')
        .filter({ hasText: /^Loaded / })
        .waitFor();
      await this.page
        .getByRole('row')
        .filter({ hasText: `from ${file}` })
        .waitFor();
    });
  }

  /** Chooses a framework file that is refused in Settings; returns every problem listed. */
  loadRefusedFramework(path: string): Promise<string[]> {
    return this.step(`see the framework file ${path} refused`, async () => {
      await this.page.goto(this.url('/settings'));
      // Settings draws from its own chunk: counted once it is drawn, not while it says "Loading…".
      await this.page.getByRole('button', { name: 'Load a framework file…' }).waitFor();
      const rows = await this.page.getByTestId('framework-row').count();
      const chooser = this.page.waitForEvent('filechooser');
      await this.page.getByRole('button', { name: 'Load a framework file…' }).click();
      await (await chooser).setFiles(path);
      const alert = this.page.getByRole('alert').filter({ hasText: 'was not loaded' });
      await alert.waitFor();
      expect(await this.page.getByTestId('framework-row').count()).toBe(rows);
      return alert.locator('li').allTextContents();
    });
  }

  /** Creates an inspection on a framework chosen by its name, and lands on its page. */
  createInspectionOn(name: string, framework: string): Promise<void> {
    return this.step(`create ${name} on ${framework}`, async () => {
      await this.openInspections();
      await this.page.getByRole('button', { name: 'New inspection' }).click();
      await this.page.getByLabel('Name', { exact: true }).fill(name);
      await this.page.getByLabel('Framework').selectOption({ label: framework });
      await this.page.getByRole('button', { name: 'Create inspection' }).click();
      await this.page.getByRole('heading', { name, level: 1 }).waitFor();
    });
  }

  /** Rates a judged standard on the inspection's Judged standards tab, and sees it saved. */
  judge(standard: string, rating: string): Promise<void> {
    return this.step(`judge ${standard} ${rating}`, async () => {
      await this.page
        .getByRole('navigation', { name: 'Inspection sections' })
        .getByRole('link', { name: 'Judged standards' })
        .click();
      const choice = this.page.getByRole('region', { name: standard }).getByLabel(rating, { exact: true });
      await choice.check();
      await expect.poll(() => choice.isChecked()).toBe(true);
    });
  }

  /** The score the ratings panel shows, e.g. "6/24". */
  panelScore(): Promise<string | null> {
    return this.page.locator('.ratings-score').textContent();
  }

  /** Saves a screenshot under a name (tests/.output/screenshots). */
  screenshot(name: string): Promise<string> {
    return screenshot(this.page, name);
  }
}

/**
 * A fresh profile in Chromium at the laptop size (1366×768), signed in: the desk tests' common start. `errors`
 * collects what the page logs as errors, for each file's last test to check.
 */
export async function openSignedIn(initials = 'KM'): Promise<{
  page: Page;
  app: CasescorePage;
  errors: string[];
  close: () => Promise<void>;
}> {
  const { page, close } = await openBrowser();
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  const app = new CasescorePage(page);
  await app.signIn(initials);
  return { page, app, errors, close };
}
