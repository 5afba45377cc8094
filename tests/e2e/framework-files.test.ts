// Frameworks as files, in real Chromium: an inspector loads the 2021 youth framework (with resettlement, rated
// separately) from its file in Settings, a broken file being refused with every problem listed first; creates
// an inspection on it, scores cases and judges the standards, and exports. A fresh browser profile that has
// never held that framework imports the export, which carries it, and rates it identically; `npm run rate`
// gives the same ratings from the same file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRate } from '../../cli/rate-command';
import { openBrowser } from './browser';
import { CasescorePage, step } from './casescore-page';

const folder = mkdtempSync(join(tmpdir(), 'casescore-frameworks-'));
const file = (name: string) => join(folder, name);
const FRAMEWORK_FILE = join(__dirname, '..', '..', 'frameworks', 'hmip-youth-2021.json');
const FRAMEWORK_NAME = 'Youth justice inspections 2021–2025, with resettlement';
const open: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of open) await close();
});

async function inspector(initials: string): Promise<CasescorePage> {
  const { page, close } = await openBrowser();
  open.push(close);
  const app = new CasescorePage(page, initials);
  await app.signIn(initials);
  return app;
}

/** What the ratings panel shows of an inspection: the score, then every standard's line. */
async function panel(app: CasescorePage): Promise<{ score: string | null; standards: string[] }> {
  return step(`${app.who}: read the ratings panel`, async () => {
    await app.page
      .getByRole('navigation', { name: 'Inspection sections' })
      .getByRole('link', { name: 'Ratings and breakdown' })
      .click();
    const side = app.page.getByRole('complementary');
    await side.getByRole('heading', { name: 'Ratings' }).waitFor();
    const standards = await side.locator('li.ratings-standard .ratings-standard__head').allInnerTexts();
    return { score: await app.panelScore(), standards: standards.map((s) => s.replace(/\s+/g, ' ').trim()) };
  });
}

describe('a framework loaded from a file', () => {
  it('scores, exports, and rates identically in a fresh profile that never held it', async () => {
    const km = await inspector('KM');

    // A broken framework file is refused with every problem, and nothing is loaded.
    const broken = JSON.parse(readFileSync(FRAMEWORK_FILE, 'utf8'));
    broken.version = '2021-draft';
    broken.keyQuestionBands[0].upperEdge = { numerator: 45, denominator: 100 };
    broken.overall.points.good = 1;
    writeFileSync(file('broken-framework.json'), JSON.stringify(broken, null, 2));
    const problems = await km.loadRefusedFramework(file('broken-framework.json'));
    expect(problems).toEqual([
      "key-question band 'Minority': it ends below 45% but the next band 'Too few' starts at 50%, leaving a gap",
      'the points: Good earns 1, not more than Requires improvement (1)',
    ]);
    await km.screenshot('frameworks-settings-refused');

    await km.loadFramework(FRAMEWORK_FILE);
    await step(
      'KM: see the framework listed, with resettlement rated separately and its rules unconfirmed',
      async () => {
        const row = km.page.getByTestId('framework-row').filter({ hasText: FRAMEWORK_NAME });
        expect(await row.innerText()).toMatch(/hmip-youth 2021/);
        expect(await row.innerText()).toMatch(
          /12 in the score, and Resettlement policy and provision rated separately/,
        );
        expect(await row.innerText()).toMatch(/0 confirmed, 54 unconfirmed/);
      },
    );
    await km.screenshot('frameworks-settings-loaded');

    // Reloading the window keeps it: it is stored, and held before any screen reads an inspection.
    await km.page.reload();
    await km.createInspectionOn('Northshire YJS', FRAMEWORK_NAME);
    await km.addCases(['YJ-001', 'YJ-002', 'YJ-003']);
    await km.score('YJ-001', 'yyy', 'court-assessment.desistance');
    await km.score('YJ-002', 'yyn', 'court-assessment.desistance');
    await km.score('YJ-003', 'ny', 'court-assessment.desistance');
    for (const standard of [
      '1.1 Governance and leadership',
      '1.2 Staff',
      '3.4 Out-of-court disposal policy and provision',
    ])
      await km.judge(standard, 'Good');
    await km.judge('4.1 Resettlement policy and provision', 'Outstanding');
    const before = await panel(km);
    expect(before.standards).toContain('4.1 Resettlement policy and provision Outstanding');
    await km.screenshot('frameworks-inspection-ratings');
    await step('KM: see resettlement rated separately, outside the score', async () => {
      const side = km.page.getByRole('complementary');
      expect(await side.innerText()).toMatch(/4\. Resettlement\s+rated separately/i);
      expect(await side.innerText()).toContain('Rated separately: not part of the score.');
    });

    const exported = await km.exportAll(file('northshire.json'));
    await step('see the export carry the framework and the inspection pin its hash', async () => {
      const carried = exported.frameworks ?? [];
      expect(carried.map((f) => [f.id, f.version, f.definition !== undefined])).toEqual([
        ['hmip-youth', '2021', true],
      ]);
      expect(exported.inspections[0]!.framework).toEqual({
        id: 'hmip-youth',
        version: '2021',
        hash: carried[0]!.hash,
      });
    });

    // A colleague's fresh profile has never held the 2021 youth framework.
    const sd = await inspector('SD');
    await step('SD: see only the built-in frameworks in Settings', async () => {
      await sd.page.getByRole('link', { name: 'Settings' }).click();
      await sd.page.getByRole('heading', { name: 'Frameworks' }).waitFor();
      expect(await sd.page.getByTestId('framework-row').count()).toBe(2);
    });
    await sd.chooseImport(file('northshire.json'));
    // Signed by a key SD does not know yet: the new inspection waits for review, and SD takes it.
    expect(await sd.importSource()).toContain('A key not on your team list');
    await sd.takeAllChanges();
    await sd.applyImport(file('northshire.json'));
    await sd.openInspections();
    await sd.openInspection('Northshire YJS');
    const after = await panel(sd);
    expect(after).toEqual(before);
    await step('SD: see the framework kept, as loaded from the export', async () => {
      await sd.page.getByRole('link', { name: 'Settings' }).click();
      const row = sd.page.getByTestId('framework-row').filter({ hasText: FRAMEWORK_NAME });
      // The stored frameworks are read as the page opens: the row says where this one came from once they are.
      await expect.poll(() => row.innerText()).toMatch(/from northshire\.json/);
      await row.scrollIntoViewIfNeeded();
    });
    await sd.screenshot('frameworks-settings-after-import');

    // The command line gives the same ratings from the same file.
    const rated = runRate([file('northshire.json'), '--json'], (path) => readFileSync(path, 'utf8'));
    expect(rated.exitCode).toBe(0);
    const inspection = JSON.parse(rated.stdout).inspections[0];
    expect(`${inspection.score}/${inspection.maxScore}`).toBe(before.score);
    // Two browser profiles and a whole flow: about a minute on a quiet two-core machine, more on a busy one.
  }, 240_000);
});
