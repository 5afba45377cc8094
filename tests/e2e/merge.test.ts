// Merging without a server, in real Chromium: two inspectors score different cases of one inspection in two
// browser profiles (and one case in both, differently), each exports; the lead imports both, resolves the
// conflict, and the ratings equal those computed from the merged answers. Importing the same file again
// changes nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rateInspection } from '../../shared/scoring';
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

describe('two inspectors, one inspection, no server', () => {
  it('merges their work, with the conflict resolved by the lead', async () => {
    const lead = await inspector('LD');
    await lead.createInspection('Croydon PDU');
    await lead.addCases(['CRO-001', 'CRO-002', 'CRO-003']);
    const setup = await lead.exportAll(file('setup.json'));
    expect(setup.inspections.map((i) => i.name)).toEqual(['Croydon PDU']);

    const km = await inspector('KM');
    const sd = await inspector('SD');
    for (const colleague of [km, sd]) {
      await colleague.chooseImport(file('setup.json'));
      await colleague.applyImport(file('setup.json'));
      await colleague.openInspections();
      await colleague.openInspection('Croydon PDU');
    }
    // KM scores CRO-001, SD scores CRO-002; both score CRO-003, differently.
    await km.score('CRO-001', 'yyy');
    await km.score('CRO-003', 'y');
    await sd.score('CRO-002', 'nnn');
    await sd.score('CRO-003', 'n');
    await km.exportAll(file('km.json'));
    await sd.exportAll(file('sd.json'));

    // The lead imports KM's work (nothing to resolve), then SD's (one conflict on CRO-003).
    await lead.chooseImport(file('km.json'));
    expect(await lead.importTotals()).toMatch(/; 0 to resolve/);
    await lead.applyImport(file('km.json'));
    await lead.chooseImport(file('sd.json'));
    await step('LD: see the one conflict, on CRO-003', async () => {
      const conflicts = lead.page.getByRole('table');
      expect(await conflicts.locator('tbody tr').count()).toBe(1);
      expect(await conflicts.locator('tbody tr th').textContent()).toBe('CRO-003');
    });
    await lead.screenshot('30-merge-conflict');
    await lead.takeTheirs('CRO-003');
    await lead.applyImport(file('sd.json'));

    // The merged answers are each inspector's, and the ratings on screen equal those computed from them.
    const merged = await lead.exportAll(file('merged.json'));
    const croydon = merged.inspections.find((i) => i.name === 'Croydon PDU')!;
    await step('LD: find each answer from the inspector who gave it', async () => {
      const answers = Object.fromEntries(
        croydon.cases.map((c) => [c.deleted ? c.id : c.reference, c.deleted ? {} : c.answers]),
      );
      expect(answers['CRO-001']?.['assessment.engagement']).toMatchObject({ value: 'yes', by: 'KM' });
      expect(answers['CRO-002']?.['assessment.engagement']).toMatchObject({ value: 'no', by: 'SD' });
      expect(answers['CRO-003']?.['assessment.engagement']).toMatchObject({ value: 'no', by: 'SD' });
    });
    const expected = rateInspection(croydon);
    await lead.openInspection('Croydon PDU');
    await step('LD: see the ratings computed from the merged answers', async () => {
      await expect.poll(() => lead.panelScore()).toBe(`${expected.score}/${expected.maxScore}`);
      const assessment = expected.standards.find((s) => s.id === 'assessment')!;
      const engagement = assessment.keyQuestions.find((k) => k.id === 'assessment.engagement')!;
      expect([engagement.yes, engagement.no]).toEqual([1, 2]);
      expect(await lead.page.getByRole('complementary').innerText()).toContain(
        `${Math.round(engagement.share! * 100)}% (${engagement.yes}/${engagement.applicable})`,
      );
    });

    // Importing SD's file again changes nothing.
    await lead.chooseImport(file('sd.json'));
    expect(await lead.importTotals()).toMatch(/Will add 0, change 0 and leave \d+ as they are; 0 to resolve/);
    expect(await lead.page.getByRole('table').count()).toBe(0);
  });
});
