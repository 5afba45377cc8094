// The team server in real Chromium, three browser profiles: the lead (MK) and two inspectors (JD, AB), each app
// served from the same address as the team server (a real PostgreSQL and the endpoint, behind the preview
// server's proxy, as a team's TLS proxy would serve both). The lead shares the inspection by signing its team
// list on the Team screen; from then on a change made by one inspector reaches the others with no file; two
// changes made without knowing of each other reach the lead's team inbox, the lead resolves the conflict on the
// import review screen, and that resolution reaches both inspectors and closes the conflict on their laptops.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../server/endpoint';
import { endpointOn, testCluster } from '../server/harness';
import { seriousViolations } from './axe';
import { openBrowser } from './browser';
import { CasescorePage, step } from './casescore-page';

const folder = mkdtempSync(join(tmpdir(), 'casescore-team-'));
const file = (name: string) => join(folder, name);
const QUESTION = 'assessment.engagement';
const closing: (() => Promise<void>)[] = [];
let cluster: Awaited<ReturnType<typeof testCluster>>;
let endpoint: Endpoint;
let web: PreviewServer;
let base = '';

beforeAll(async () => {
  cluster = await testCluster();
  endpoint = await endpointOn(cluster);
  // The built app (global set-up built it) and the team server on one origin: the page's policy allows
  // connecting to its own origin only.
  web = await preview({
    configFile: 'vite.config.ts',
    preview: { port: 0, host: '127.0.0.1', proxy: { '/v1': endpoint.url } },
    logLevel: 'warn',
  });
  const address = web.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port');
  base = `http://127.0.0.1:${address.port}`;
}, 180_000);

afterAll(async () => {
  for (const close of closing) await close();
  await web?.close();
  await endpoint?.close();
  cluster?.stop();
}, 120_000);

async function inspector(initials: string): Promise<CasescorePage> {
  const { page, close } = await openBrowser();
  closing.push(close);
  const app = new CasescorePage(page, initials, base);
  await app.signIn(initials);
  return app;
}

/** An answer as stored in this profile's IndexedDB: its value and who gave it, or null. */
function storedAnswer(page: Page, reference: string, question = QUESTION) {
  return page.evaluate(
    ([ref, q]) =>
      new Promise<{ value: string; by: string } | null>((resolve, reject) => {
        const open = indexedDB.open('casescore');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('cases').objectStore('cases').getAll();
          all.onsuccess = () => {
            const row = (
              all.result as { reference: string; answers: Record<string, { value: string; by: string }> }[]
            ).find((c) => c.reference === ref);
            const answer = row?.answers[q!];
            db.close();
            resolve(answer ? { value: answer.value, by: answer.by } : null);
          };
        };
      }),
    [reference, question] as const,
  );
}

/** How many batches wait in this profile's team inbox. */
function teamInboxSize(page: Page) {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('casescore');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('settings').objectStore('settings').getAll();
          all.onsuccess = () => {
            const rows = all.result as { key: string; value: unknown }[];
            db.close();
            resolve(
              rows
                .filter((r) => r.key.startsWith('team-inbox:'))
                .reduce((n, r) => n + (r.value as unknown[]).length, 0),
            );
          };
        };
      }),
  );
}

async function setServer(app: CasescorePage): Promise<void> {
  await step(`${app.who}: set the team server in Settings`, async () => {
    await app.page.goto(`${base}/#/settings`);
    await app.page.getByLabel('Server address').fill(base);
    await app.page.getByRole('button', { name: 'Save server' }).click();
    await app.page.getByText(`will sync with ${base}`).waitFor();
  });
}

async function openTeam(app: CasescorePage): Promise<void> {
  await app.openInspections();
  await app.openInspection('Southwark PDU');
  await app.page
    .getByRole('navigation', { name: 'Inspection sections' })
    .getByRole('link', { name: 'Team' })
    .click();
  await app.page.getByRole('heading', { name: 'Team: Southwark PDU', level: 1 }).waitFor();
}

/** The header's status line. */
const statusLine = (app: CasescorePage) => app.page.getByRole('banner').getByRole('status');

describe('a lead and two inspectors on a team server', () => {
  it('carries a change without files, brings a conflict to the lead’s inbox, and the resolution to everyone', async () => {
    const mk = await inspector('MK');
    await mk.createInspection('Southwark PDU');
    await mk.addCases(['SW-001', 'SW-002', 'SW-003']);
    await mk.exportAll(file('setup.json'));

    // The inspectors get the sample once, by file, trusting the lead's key after checking its fingerprint.
    const jd = await inspector('JD');
    const ab = await inspector('AB');
    const keys: Record<string, string> = {};
    for (const [app, name] of [
      [jd, 'Jo Doyle'],
      [ab, 'Amir Bashir'],
    ] as const) {
      await app.chooseImport(file('setup.json'));
      await app.trustKey('MK', 'Maya Khan');
      await app.applyImport(file('setup.json'));
      await openTeam(app);
      await app.page.getByText('No team server is set').waitFor();
      keys[app.who] = await app.page.getByLabel('This laptop’s key').inputValue();
      expect(keys[app.who]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      await step(`${app.who}: note the name to give the lead`, async () => name);
    }
    await jd.screenshot('team-member-key');

    // The lead sets the server and shares the inspection: a team list signed with the lead's key.
    await setServer(mk);
    await openTeam(mk);
    await mk.page.getByText('Not shared on the team server yet').waitFor();
    await mk.page.getByLabel('Their laptop’s key').fill('not a key');
    await mk.page.getByLabel('Initials').fill('JD');
    await mk.page.getByRole('button', { name: 'Add to the list' }).click();
    await mk.page.getByText('Paste the key exactly as the colleague’s Team screen shows it').waitFor();
    for (const [initials, name] of [
      ['JD', 'Jo Doyle'],
      ['AB', 'Amir Bashir'],
    ] as const) {
      await mk.page.getByLabel('Initials').fill(initials);
      await mk.page.getByLabel('Name', { exact: true }).fill(name);
      await mk.page.getByLabel('Their laptop’s key').fill(keys[initials]!);
      await mk.page.getByRole('button', { name: 'Add to the list' }).click();
      await mk.page.getByRole('rowheader', { name: initials, exact: true }).waitFor();
    }
    await mk.page.getByRole('button', { name: 'Sign and publish the team list' }).click();
    await mk.page.getByText('Team list version 1 signed and put on the team server: 3 members').waitFor();
    // Read again from the server: the screen now shows the list as shared, no longer "not shared yet".
    await mk.page.getByText('Version 1, signed by the lead MK').waitFor();
    expect(await mk.page.getByText('Not shared on the team server yet').count()).toBe(0);
    expect(await seriousViolations(mk.page)).toEqual([]);
    await mk.screenshot('team-lead-list');

    // The inspectors set the server; each sees the list, signed by the lead they already trust.
    for (const app of [jd, ab]) {
      await setServer(app);
      await openTeam(app);
      await app.page.getByText(/Version 1, signed by the lead MK/).waitFor();
      expect(await app.page.getByRole('button', { name: 'Trust MK as lead' }).count()).toBe(0);
      await expect
        .poll(() => statusLine(app).textContent(), { timeout: 30_000 })
        .toMatch(/^Team server: synced/);
    }
    await ab.screenshot('team-member-list');

    // JD scores a case: it reaches AB and the lead with no file.
    await jd.openInspections();
    await jd.openInspection('Southwark PDU');
    await jd.score('SW-001', 'y');
    for (const app of [ab, mk]) {
      await step(`${app.who}: see JD's answer arrive`, () =>
        expect
          .poll(() => storedAnswer(app.page, 'SW-001'), { timeout: 45_000, interval: 500 })
          .toEqual({
            value: 'yes',
            by: 'JD',
          }),
      );
    }

    // AB loses the network and answers SW-002 No; JD, online, answers it Yes: neither knows of the other.
    await ab.page.context().route('**/v1/**', (route) => route.abort('internetdisconnected'));
    await ab.openInspections();
    await ab.openInspection('Southwark PDU');
    await ab.score('SW-002', 'n');
    await expect
      .poll(() => statusLine(ab).textContent(), { timeout: 30_000 })
      .toMatch(/^Team server: unreachable, changes kept here; 1 batch waiting to send/);
    await ab.screenshot('team-unreachable');
    await jd.score('SW-002', 'y');
    await expect
      .poll(() => storedAnswer(mk.page, 'SW-002'), { timeout: 45_000, interval: 500 })
      .toEqual({ value: 'yes', by: 'JD' });

    // AB is back: its waiting change goes, and meets JD's on the lead's laptop as a conflict.
    await ab.page.context().unroute('**/v1/**');
    await ab.page.goto(`${base}/#/settings`);
    await ab.page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => teamInboxSize(mk.page), { timeout: 45_000, interval: 500 }).toBe(1);
    // JD's Yes stays on the lead's laptop until the lead decides.
    expect(await storedAnswer(mk.page, 'SW-002')).toEqual({ value: 'yes', by: 'JD' });
    await expect
      .poll(() => statusLine(mk).textContent(), { timeout: 30_000 })
      .toMatch(/1 batch in the team inbox/);
    await mk.page.getByRole('banner').getByRole('link', { name: 'Team inbox' }).click();
    const inbox = mk.page.getByRole('region', { name: 'Team inbox' });
    await inbox.getByRole('row', { name: /AB \(Amir Bashir\)/ }).waitFor();
    expect(await seriousViolations(mk.page)).toEqual([]);
    await mk.screenshot('team-inbox');
    await inbox.getByRole('button', { name: 'Review the changes from AB to Southwark PDU' }).click();
    await mk.page.getByRole('heading', { name: /^Review the import of changes from AB/ }).waitFor();
    const conflicts = mk.page.getByRole('table', { name: 'Conflicts' });
    expect(await conflicts.locator('tbody tr').count()).toBe(1);
    expect(await conflicts.locator('tbody tr th').textContent()).toBe('SW-002');
    await mk.screenshot('team-inbox-review');
    await mk.takeTheirs('SW-002');
    await mk.page.getByRole('button', { name: 'Apply import' }).click();
    await mk.page.getByText('Imported changes from AB through the team server into Southwark PDU').waitFor();
    expect(await teamInboxSize(mk.page)).toBe(0);
    expect(await storedAnswer(mk.page, 'SW-002')).toEqual({ value: 'no', by: 'AB' });

    // The lead's resolution leaves the lead's laptop.
    await expect
      .poll(() => statusLine(mk).textContent(), { timeout: 30_000 })
      .toMatch(/^Team server: synced [^;]*$/);
    // The lead's choice is a change of the lead's (AB's answer under the lead's version, replacing both): it
    // reaches both inspectors and settles the conflict there. On JD's laptop AB's No had waited as a conflict,
    // so No arriving there is the lead's resolution.
    for (const app of [jd, ab]) {
      await step(`${app.who}: take the lead's resolution, with nothing left in the team inbox`, async () => {
        await expect
          .poll(() => storedAnswer(app.page, 'SW-002'), { timeout: 60_000, interval: 500 })
          .toEqual({ value: 'no', by: 'AB' })
          .catch(async (error: unknown) => {
            // Say what each laptop's status line said, to tell a change not sent from one not taken.
            const lines = await Promise.all(
              [mk, jd, ab].map(async (a) => `${a.who}: ${await statusLine(a).textContent()}`),
            );
            throw new Error(`${String(error)}\n${lines.join('\n')}`);
          });
        await expect.poll(() => teamInboxSize(app.page), { timeout: 30_000, interval: 500 }).toBe(0);
      });
    }
    await jd.openInspections();
    await jd.screenshot('team-member-after-resolution');

    // The lead revokes AB's key: version 2 of the list, and AB's laptop is refused from then on, in words.
    await openTeam(mk);
    await mk.page.getByRole('row', { name: /^AB/ }).getByLabel('Revoked').check();
    await mk.page.getByRole('button', { name: 'Sign and publish the team list' }).click();
    await mk.page.getByText('Team list version 2 signed and put on the team server: 2 members').waitFor();
    await ab.page.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => statusLine(ab).textContent(), { timeout: 30_000 })
      .toMatch(
        /^Team server: refused: AB's key is revoked on the team list of Southwark PDU, so it may not /,
      );
    await ab.screenshot('team-revoked');
  }, 600_000);
});
