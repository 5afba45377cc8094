// Merging without a server, in real Chromium, three browser profiles: a lead and two inspectors. Every export is
// signed with its laptop's key; each first file from a new key asks to be trusted, showing the fingerprint the
// sender reads out from their Settings; a file changed after signing is refused. The inspectors score different
// cases of one inspection (and one case both, differently), one changes a case's details; the lead merges both,
// the details arrive, the conflict is resolved, and the ratings equal those computed from the merged answers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rateInspection } from '#shared/scoring';
import { openBrowser } from './browser';
import { CasescorePage, step } from './casescore-page';

const folder = mkdtempSync(join(tmpdir(), 'casescore-merge-'));
const file = (name: string) => join(folder, name);
const open: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of open) await close();
});

/** A browser profile of its own for one inspector, signed in. */
async function inspector(initials: string): Promise<CasescorePage> {
  const { page, close } = await openBrowser();
  open.push(close);
  const app = new CasescorePage(page, initials);
  await app.signIn(initials);
  return app;
}

describe('a lead and two inspectors, one inspection, no server', () => {
  it('verifies signatures, refuses a tampered file, asks about new keys, and merges answers and case details', async () => {
    const lead = await inspector('LD');
    await lead.createInspection('Croydon PDU');
    await lead.addCases(['CRO-001', 'CRO-002', 'CRO-003']);
    const setup = await lead.exportAll(file('setup.json'));
    expect(setup.signature?.algorithm).toBe('Ed25519');
    const leadKey = await lead.ownFingerprint();

    const km = await inspector('KM');
    const sd = await inspector('SD');
    for (const colleague of [km, sd]) {
      await colleague.chooseImport(file('setup.json'));
      await step(
        `${colleague.who}: see the lead's key as unknown, with the fingerprint read out by phone`,
        async () => {
          const source = await colleague.importSource();
          expect(source).toContain('A key not on your team list');
          expect(source).toContain(leadKey);
          expect(await colleague.importTotals()).toMatch(/^0 to take without asking, 1 to review/);
        },
      );
      await colleague.trustKey('LD', 'Lee Dale');
      expect(await colleague.importTotals()).toMatch(/^1 to take without asking, 0 to review/);
      await colleague.applyImport(file('setup.json'));
      await colleague.openInspections();
      await colleague.openInspection('Croydon PDU');
    }
    // KM scores CRO-001, SD scores CRO-002; both score CRO-003, differently. SD also corrects CRO-002's details.
    await km.score('CRO-001', 'yyy');
    await km.score('CRO-003', 'y');
    await sd.score('CRO-002', 'nnn');
    await sd.score('CRO-003', 'n');
    await sd.editCaseDetails('CRO-002', { caseType: 'Licence', rosh: 'Medium', released: true });
    await km.exportAll(file('km.json'));
    const sdFile = await sd.exportAll(file('sd.json'));
    const kmKey = await km.ownFingerprint();
    const sdKey = await sd.ownFingerprint();
    expect(sdFile.signer).toEqual({ initials: 'SD' });

    // A copy of SD's file edited by hand after signing is refused, and nothing changes.
    writeFileSync(file('sd-edited.json'), readFileSync(file('sd.json'), 'utf8').replace('"medium"', '"low"'));
    const refusal = await lead.chooseRefusedImport(file('sd-edited.json'));
    expect(refusal).toContain('the file was changed after it was signed');

    // KM's file: an unknown key, so every change waits, until the lead trusts KM's key.
    await lead.chooseImport(file('km.json'));
    await step('LD: see KM’s key as unknown, with its fingerprint', async () => {
      expect(await lead.importSource()).toContain(kmKey);
      expect(await lead.importTotals()).toMatch(/^0 to take without asking, \d+ to review, 0 conflicts/);
    });
    await lead.screenshot('30-merge-unknown-key');
    await lead.trustKey('KM', 'Kim Morgan');
    expect(await lead.importTotals()).toMatch(/^\d+ to take without asking, 0 to review, 0 conflicts/);
    await lead.applyImport(file('km.json'));

    // SD's file: trusted, her case details are taken, and the one conflict (CRO-003) is shown side by side.
    await lead.chooseImport(file('sd.json'));
    await lead.trustKey('SD', 'Sam Dunn');
    expect(await lead.importSource()).toContain(`Signed by SD (Sam Dunn), ${sdKey}: verified.`);
    await step(
      'LD: see SD’s case details among the changes taken, and one conflict, on CRO-003',
      async () => {
        const taken = lead.page.getByRole('table', { name: 'Changes taken' });
        await lead.page.getByText(/^Taken without asking/).click();
        const details = await taken.locator('tbody tr').filter({ hasText: 'Case detail' }).allInnerTexts();
        expect(details.join('\n')).toMatch(
          /CRO-002\s+Case detail: case type\s+Community sentence[\s\S]*Licence/,
        );
        expect(details.join('\n')).toMatch(/Case detail: risk of serious harm\s+Not set[\s\S]*Medium/);
        const conflicts = lead.page.getByRole('table', { name: 'Conflicts' });
        expect(await conflicts.locator('tbody tr').count()).toBe(1);
        expect(await conflicts.locator('tbody tr th').textContent()).toBe('CRO-003');
      },
    );
    await lead.screenshot('31-merge-conflict-and-details');
    await lead.takeTheirs('CRO-003');
    await lead.applyImport(file('sd.json'));

    // The merged answers are each inspector's, SD's details arrived, and the ratings equal those computed.
    const merged = await lead.exportAll(file('merged.json'));
    const croydon = merged.inspections.find((i) => i.name === 'Croydon PDU')!;
    await step(
      'LD: find each answer from the inspector who gave it, and SD’s details on CRO-002',
      async () => {
        const cases = Object.fromEntries(croydon.cases.map((c) => [c.deleted ? c.id : c.reference, c]));
        const answers = (ref: string) => {
          const c = cases[ref];
          return c && !c.deleted ? c.answers : {};
        };
        expect(answers('CRO-001')['assessment.engagement']).toMatchObject({ value: 'yes', by: 'KM' });
        expect(answers('CRO-002')['assessment.engagement']).toMatchObject({ value: 'no', by: 'SD' });
        expect(answers('CRO-003')['assessment.engagement']).toMatchObject({ value: 'no', by: 'SD' });
        const cro2 = cases['CRO-002'];
        expect(
          cro2 && !cro2.deleted && [cro2.caseType, cro2.attributes.rosh, cro2.attributes.releasedOnLicence],
        ).toEqual(['licence', 'medium', true]);
      },
    );
    const expected = rateInspection(croydon);
    await lead.openInspection('Croydon PDU');
    await step('LD: see the ratings computed from the merged answers', async () => {
      await expect.poll(() => lead.panelScore()).toBe(`${expected.score}/${expected.maxScore}`);
    });

    // Importing SD's file again changes nothing and asks nothing; Settings lists the team.
    await lead.chooseImport(file('sd.json'));
    expect(await lead.importTotals()).toMatch(
      /^0 to take without asking, 0 to review, 0 conflicts and 0 matching/,
    );
    expect(await lead.page.getByRole('table').count()).toBe(0);
    await step('LD: see KM and SD on the team list in Settings', async () => {
      await lead.page.getByRole('button', { name: 'Cancel' }).click();
      await lead.page.getByRole('link', { name: 'Settings' }).click();
      const team = lead.page.getByRole('table', { name: 'Trusted colleagues' });
      await expect.poll(() => team.locator('tbody th').allTextContents()).toEqual(['KM', 'SD']);
      expect(await team.innerText()).toContain(sdKey);
      await team.scrollIntoViewIfNeeded();
    });
    await lead.screenshot('32-settings-team');
  }, 300_000);
});
