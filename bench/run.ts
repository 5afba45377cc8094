/**
 * `npm run bench`: Casescore's speed and size in real Chromium, printed as a table of medians (and p95 where it
 * says so) against the targets, and written to .bench/results.json. Figures, not pass/fail: a busy machine moves
 * them, so no test asserts them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium, type Page } from 'playwright';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../build/chromium';
import type { runScoringBench } from './scoring-entry';
import { runSyncBench } from './sync';

type BenchScoring = ReturnType<typeof runScoringBench>;

const quantile = (samples: readonly number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const median = (samples: readonly number[]) => quantile(samples, 0.5);
const p95 = (samples: readonly number[]) => quantile(samples, 0.95);

interface Row {
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: number;
  readonly note?: string;
}
const rows: Row[] = [];
const record = (row: Row) => {
  rows.push(row);
  const ratio = row.target
    ? ` (${(row.value / row.target).toFixed(2)}× target ${row.target} ${row.unit})`
    : '';
  console.log(`  ${row.measure}: ${row.value.toFixed(row.unit === 'KB' ? 1 : 2)} ${row.unit}${ratio}`);
};

/**
 * Answers `count` questions of the open case by key, timing each from key press to "Saved" painted. The page
 * scripts are strings: the TypeScript runner would otherwise wrap their inner functions in helpers the page
 * does not have.
 */
async function answerLatencies(page: Page, count: number): Promise<number[]> {
  return page.evaluate(`(async () => {
    const samples = [];
    for (let i = 0; i < ${count}; i += 1) {
      const row = document.activeElement;
      if (!row || !row.dataset || !row.dataset.question) break;
      // A question that cannot apply to the case takes only N/A.
      const key = row.classList.contains('question--cannot-apply') ? 'a' : i % 3 === 2 ? 'n' : 'y';
      const start = performance.now();
      row.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      const saved = await new Promise((resolve) => {
        if (row.querySelector('.save-status--saved')) return resolve(true);
        const observer = new MutationObserver(() => {
          if (row.querySelector('.save-status--saved')) { observer.disconnect(); resolve(true); }
        });
        observer.observe(row, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => { observer.disconnect(); resolve(false); }, 5000);
      });
      if (!saved) throw new Error('An answer was not saved within 5 s: ' + row.dataset.question);
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      samples.push(performance.now() - start);
    }
    return samples;
  })()`);
}

async function commitTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => performance.getEntriesByName('casescore:answer-commit').map((e) => e.duration));
}

/** A bare IndexedDB put of a case-sized row with strict durability, for comparison with an answer's commit. */
async function barePutTimes(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('bench-bare', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const answers = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [
        `q${i}`,
        { value: 'yes', updatedAt: new Date().toISOString(), by: 'KM' },
      ]),
    );
    const samples: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const start = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('rows', 'readwrite', { durability: 'strict' });
        tx.objectStore('rows').put({ id: `case-${i % 5}`, answers });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      samples.push(performance.now() - start);
    }
    db.close();
    return samples;
  }, count);
}

async function openFirstCase(page: Page, base: string, inspectionName: string) {
  await page.goto(`${base}#/`);
  await page.getByRole('link', { name: inspectionName, exact: true }).click();
  await page.locator('.cases-table a').first().click();
  await page.waitForFunction(
    () => (document.activeElement as HTMLElement | null)?.dataset.question !== undefined,
  );
}

async function createInspectionWithCases(page: Page, base: string, name: string, count: number) {
  await page.goto(`${base}#/inspections/new`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create inspection' }).click();
  await page.getByRole('button', { name: 'Paste a list' }).click();
  await page
    .getByLabel('References, one per line')
    .fill(Array.from({ length: count }, (_, i) => `${name.slice(0, 3).toUpperCase()}-${i + 1}`).join('\n'));
  await page.getByRole('button', { name: 'Add cases' }).click();
  await page.getByText(`Added ${count} of ${count}.`).waitFor({ timeout: 120_000 });
}

async function main() {
  console.log('building…');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  const bundle = await esbuild({
    entryPoints: ['bench/scoring-entry.ts'],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  const benchScript = bundle.outputFiles[0]!.text;
  const server = await preview({
    configFile: 'vite.config.ts',
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no preview port');
  const base = `http://127.0.0.1:${address.port}/`;
  const context = await chromium.launchPersistentContext(join(tmpdir(), `casescore-bench-${Date.now()}`), {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const results: Record<string, unknown> = {};
  try {
    console.log('scoring and the export format, in Chromium:');
    await page.goto('about:blank');
    await page.addScriptTag({ content: benchScript });
    const scoring = await page.evaluate(() =>
      (
        globalThis as unknown as { casescoreBench: { runScoringBench: () => BenchScoring } }
      ).casescoreBench.runScoringBench(),
    );
    record({
      measure: 'region re-rate, 18 PDUs × 60 cases (median)',
      value: median(scoring.rerate),
      unit: 'ms',
      target: 5,
    });
    const perAnswerBig = (median(scoring.big.times) * 1e6) / scoring.big.answers;
    const perAnswerSmall = (median(scoring.small.times) * 1e6) / scoring.small.answers;
    record({ measure: 'rate 100,000 cases (median)', value: median(scoring.big.times), unit: 'ms' });
    record({ measure: 'cost per answer at 100,000 cases', value: perAnswerBig, unit: 'ns' });
    record({
      measure: 'cost per answer at 10,000 cases',
      value: perAnswerSmall,
      unit: 'ns',
      note: 'the ratio to 100,000 shows how it grows',
    });
    const exportImport = median(scoring.exportTimes) + median(scoring.importTimes);
    record({
      measure: 'region export + import with validation (median)',
      value: exportImport,
      unit: 'ms',
      target: 300,
    });
    const regionFile = join(tmpdir(), `casescore-bench-region-${Date.now()}.json`);
    writeFileSync(regionFile, scoring.regionText);
    results.scoring = { ...scoring, regionText: undefined };

    console.log('the app, in Chromium:');
    await page.goto(base);
    await page.getByLabel('Your initials').fill('BN');
    await page.getByRole('button', { name: 'Start' }).click();
    await createInspectionWithCases(page, base, 'Sixty PDU', 60);
    await openFirstCase(page, base, 'Sixty PDU');
    const alone = await answerLatencies(page, 40);
    const commitsAlone = await commitTimes(page);
    const bare = await barePutTimes(page, 40);
    record({ measure: 'answer to rendered, 60-case inspection (p50)', value: median(alone), unit: 'ms' });
    record({
      measure: 'answer to rendered, 60-case inspection (p95)',
      value: p95(alone),
      unit: 'ms',
      target: 16,
    });
    record({ measure: 'answer commit (median)', value: median(commitsAlone), unit: 'ms' });
    record({ measure: 'bare IndexedDB put, strict durability (median)', value: median(bare), unit: 'ms' });
    record({
      measure: 'commit ÷ bare put',
      value: median(commitsAlone) / median(bare),
      unit: '×',
      target: 2,
    });

    const chooser = page.waitForEvent('filechooser');
    await page.goto(`${base}#/`);
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(regionFile);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByText(/^Imported /).waitFor({ timeout: 120_000 });
    await page.goto(`${base}#/`);
    await openFirstCase(page, base, 'Sixty PDU');
    await page.evaluate(() => performance.clearMeasures('casescore:answer-commit'));
    // Move past the answers already given to the first questions.
    await page.keyboard.press('u');
    const withRegion = await answerLatencies(page, 40);
    record({ measure: 'answer to rendered, region loaded (p50)', value: median(withRegion), unit: 'ms' });
    record({
      measure: 'answer to rendered, region loaded (p95)',
      value: p95(withRegion),
      unit: 'ms',
      target: 50,
    });

    const starts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      // A fresh document each time (a hash change alone would not reload the app).
      await page.goto('about:blank');
      await page.goto(`${base}#/`);
      await page.waitForFunction(() => document.querySelectorAll('.inspections-table tbody tr').length >= 19);
      starts.push(await page.evaluate(() => performance.now()));
    }
    record({
      measure: 'cold start to interactive, region stored (median)',
      value: median(starts),
      unit: 'ms',
      target: 1000,
    });

    const html = readFileSync('dist/renderer/index.html', 'utf8');
    const entry = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    const gz = entry ? gzipSync(readFileSync(join('dist/renderer', entry))).length / 1024 : NaN;
    record({ measure: 'initial JavaScript, gzipped', value: gz, unit: 'KB', target: 250 });

    await createInspectionWithCases(page, base, 'Thousand PDU', 1000);
    await page.goto(`${base}#/`);
    await page.getByRole('link', { name: 'Thousand PDU', exact: true }).click();
    await page.locator('.cases-table tbody tr').first().waitFor();
    const frames: number[] = await page.evaluate(`(async () => {
      const intervals = [];
      let last = performance.now();
      const state = { running: true };
      requestAnimationFrame(function tick(now) {
        intervals.push(now - last);
        last = now;
        if (state.running) requestAnimationFrame(tick);
      });
      for (let y = 0; y < 40; y += 1) {
        window.scrollBy(0, 600);
        await new Promise((r) => setTimeout(r, 16));
      }
      state.running = false;
      return intervals.slice(1);
    })()`);
    const dropped = frames.filter((f) => f > 25).length;
    record({
      measure: 'scrolling a 1,000-case list: frame time (p95)',
      value: p95(frames),
      unit: 'ms',
      target: 16.7,
    });
    record({
      measure: 'scrolling a 1,000-case list: frames over 25 ms',
      value: dropped,
      unit: 'frames',
      note: `of ${frames.length}`,
    });
    results.rows = rows;
  } finally {
    await context.close();
    await server.close();
  }
  // The team server (docs/sync.md): a change reaching another device over loopback, and a year's volume.
  for (const row of await runSyncBench()) record(row);
  mkdirSync('.bench', { recursive: true });
  writeFileSync(
    '.bench/results.json',
    `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`,
  );
  console.log('\n| measure | value | target | ratio |\n|---|---|---|---|');
  for (const row of rows) {
    console.log(
      `| ${row.measure} | ${row.value.toFixed(2)} ${row.unit} | ${row.target ?? ''}${row.target ? ` ${row.unit}` : ''} | ${row.target ? (row.value / row.target).toFixed(2) + '×' : (row.note ?? '')} |`,
    );
  }
  console.log('\nwrote .bench/results.json');
}

await main();
