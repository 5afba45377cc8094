// Crash safety in real Chromium: answers are entered at speed, then a case note is typed, and the browser is
// killed with SIGKILL at a random moment, over and over, on one persistent profile. Every answer that was shown
// as saved must be there after relaunch, with its audit entry, no write may be half applied (an answer without
// its audit entry, or the reverse), and a note loses at most the last second of typing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../build/chromium';
import { seededRandom } from '../../seeds/random';
import { appUrl, signIn } from './browser';

const CYCLES = 20;
const profile = mkdtempSync(join(tmpdir(), 'casescore-crash-'));

/** Starts Chromium on the profile as its own process (so it can be killed), and connects to it. */
async function launch(): Promise<{ process: ChildProcess; browser: Browser; page: Page }> {
  const child = spawn(
    findChromium(),
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--window-size=1280,800',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1280, height: 800 });
  return { process: child, browser, page };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The answers shown as saved right now: question id -> the value on screen. */
async function acknowledged(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const shown: Record<string, string> = {};
    for (const row of document.querySelectorAll<HTMLElement>('[data-question]')) {
      if (!row.querySelector('.save-status--saved')) continue;
      const pressed = row.querySelector('[aria-pressed="true"]')?.textContent;
      shown[row.dataset.question as string] =
        pressed === 'Yes' ? 'yes' : pressed === 'No' ? 'no' : pressed === 'N/A' ? 'na' : 'cleared';
    }
    return shown;
  });
}

interface StoredRows {
  cases: { id: string; note?: string; answers: Record<string, { value: string | null }> }[];
  audit: {
    seq: number;
    caseId?: string;
    action: string;
    key?: string;
    after: { value?: string | null } | null;
  }[];
}

/** Everything stored, read straight from IndexedDB. */
async function storedRows(page: Page): Promise<StoredRows> {
  return page.evaluate(
    () =>
      new Promise<StoredRows>((resolve, reject) => {
        const request = indexedDB.open('casescore');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['cases', 'audit'], 'readonly');
          const cases = tx.objectStore('cases').getAll();
          const audit = tx.objectStore('audit').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ cases: cases.result, audit: audit.result });
          };
        };
      }),
  );
}

describe('crash safety', () => {
  it(
    `keeps every answer shown as saved through ${CYCLES} SIGKILLs at random moments`,
    { timeout: 600_000 },
    async () => {
      const random = seededRandom(20261126);
      // Set up: an inspection with a case per cycle.
      let { process: child, page } = await launch();
      await signIn(page);
      await page.getByRole('button', { name: 'New inspection' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Crash test PDU');
      await page.getByRole('button', { name: 'Create inspection' }).click();
      await page.getByRole('button', { name: 'Paste a list' }).click();
      const references = Array.from({ length: CYCLES }, (_, i) => `CR-${String(i + 1).padStart(3, '0')}`);
      await page.getByLabel('References, one per line').fill(references.join('\n'));
      await page.getByRole('button', { name: 'Add cases' }).click();
      await page.getByRole('link', { name: references.at(-1)! }).waitFor();
      const caseUrls = await Promise.all(
        references.map((r) => page.getByRole('link', { name: r, exact: true }).getAttribute('href')),
      );
      await kill(child);

      const shownSaved: { caseUrl: string; answers: Record<string, string> }[] = [];
      /** Per cycle: the note as it stood after each key, with when the key was pressed, and when the kill came. */
      const typing: { caseUrl: string; keys: { at: number; text: string }[]; killedAt: number }[] = [];
      const sentence = 'Risk of harm to the ex-partner was not reviewed after the police call-out in March. ';
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        ({ process: child, page } = await launch());
        const caseUrl = caseUrls[cycle] as string;
        await page.goto(appUrl(caseUrl.replace(/^#/, '')));
        await page.getByRole('heading', { name: `Case ${references[cycle]}` }).waitFor();
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-question')))
          .toBeTruthy();
        const stopAt = Date.now() + 150 + random.int(0, 900);
        while (Date.now() < stopAt) {
          await page.keyboard.press(random.pick(['y', 'n', 'a', 'y', 'n']));
          if (random.next() < 0.5) await page.waitForTimeout(random.int(0, 25));
        }
        shownSaved.push({ caseUrl, answers: await acknowledged(page) });
        // Then the case note, typed key by key until the kill comes at a random moment.
        await page.getByLabel('Case notes').click();
        const keys: { at: number; text: string }[] = [];
        const killAt = Date.now() + 300 + random.int(0, 1500);
        let text = '';
        for (let i = 0; Date.now() < killAt; i += 1) {
          const key = sentence[i % sentence.length]!;
          await page.keyboard.type(key);
          text += key;
          keys.push({ at: Date.now(), text });
          await page.waitForTimeout(random.int(10, 60));
        }
        const killedAt = Date.now();
        await kill(child);
        typing.push({ caseUrl, keys, killedAt });
      }

      ({ process: child, page } = await launch());
      await page.goto(appUrl('/'));
      await page.getByRole('heading', { name: 'Inspections' }).waitFor();
      const rows = await storedRows(page);
      await kill(child);

      let acknowledgedCount = 0;
      let found = 0;
      const lost: string[] = [];
      for (const { caseUrl, answers } of shownSaved) {
        const caseId = caseUrl.split('/').at(-1) as string;
        const stored = rows.cases.find((c) => c.id === caseId);
        for (const [questionId, value] of Object.entries(answers)) {
          acknowledgedCount += 1;
          const storedValue = stored?.answers[questionId]?.value ?? 'cleared';
          const audited = rows.audit.some(
            (e) => e.action === 'answer' && e.caseId === caseId && e.key === questionId,
          );
          if (storedValue === value && audited) found += 1;
          else
            lost.push(`${caseId} ${questionId}: shown ${value}, stored ${storedValue}, audited ${audited}`);
        }
      }
      // Notes: what is stored is text that was typed, and no more than the last second of typing is missing.
      const notesLost: string[] = [];
      let worstLossMs = 0;
      for (const { caseUrl, keys, killedAt } of typing) {
        const caseId = caseUrl.split('/').at(-1) as string;
        const note = rows.cases.find((c) => c.id === caseId)?.note ?? '';
        const typedInTheEnd = keys.at(-1)?.text ?? '';
        if (!typedInTheEnd.startsWith(note)) notesLost.push(`${caseId}: stored "${note}" was never typed`);
        const keptUpTo = keys.find((k) => k.text.length > note.length)?.at ?? killedAt;
        worstLossMs = Math.max(worstLossMs, killedAt - keptUpTo);
        const dueBy = keys.filter((k) => k.at <= killedAt - 1000).at(-1)?.text ?? '';
        if (note.length < dueBy.length)
          notesLost.push(
            `${caseId}: stored ${note.length} characters, ${dueBy.length} were typed a second before`,
          );
      }
      // No half-applied write: every stored answer's latest audit entry says the same value.
      const halfApplied: string[] = [];
      for (const c of rows.cases) {
        for (const [questionId, answer] of Object.entries(c.answers)) {
          const entries = rows.audit.filter(
            (e) => e.action === 'answer' && e.caseId === c.id && e.key === questionId,
          );
          const latest = entries.sort((a, b) => b.seq - a.seq)[0];
          if (!latest || (latest.after?.value ?? null) !== answer.value)
            halfApplied.push(`${c.id} ${questionId}`);
        }
      }
      console.log(
        `crash safety: ${CYCLES} kills; answers acknowledged ${acknowledgedCount}, found ${found}, lost ${lost.length}; half-applied writes ${halfApplied.length}; notes: most typing lost ${worstLossMs} ms, notes losing more than a second ${notesLost.length}`,
      );
      expect(acknowledgedCount).toBeGreaterThan(CYCLES);
      expect(lost).toEqual([]);
      expect(halfApplied).toEqual([]);
      expect(notesLost).toEqual([]);
    },
  );
});
