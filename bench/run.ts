/**
 * `npm run bench`: Casescore's speed and size in real Chromium, printed as a table of medians (and p95 where it
 * says so) against the targets, and written to .bench/results.json. Figures, not pass/fail: a busy machine moves
 * them, so no test asserts them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium, type Page } from 'playwright';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../build/chromium';
import { createLondonDemo } from '../seeds';
import {
  createExport,
  DEFAULT_MAX_BYTES,
  writeExportFile,
  type ExportedInspection,
} from '#shared/interchange';
import type { Row } from './readme-table';
import type { runScoringBench } from './scoring-entry';
import { runSyncBench } from './sync';
import { mainThreadPerFrame } from './frames';

type BenchScoring = Awaited<ReturnType<typeof runScoringBench>>;

const quantile = (samples: readonly number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const median = (samples: readonly number[]) => quantile(samples, 0.5);
const p95 = (samples: readonly number[]) => quantile(samples, 0.95);

const rows: Row[] = [];
const record = (row: Row) => {
  rows.push(row);
  const ratio = row.target
    ? ` (${(row.value / row.target).toFixed(2)}× target ${row.target} ${row.unit})`
    : '';
  const note = row.note ? ` [${row.note}]` : '';
  console.log(`  ${row.measure}: ${row.value.toFixed(row.unit === 'KB' ? 1 : 2)} ${row.unit}${ratio}${note}`);
};

/** Key press to the answer painted, and to "Saved" painted, for each answer given. */
interface AnswerTimes {
  readonly painted: number[];
  readonly saved: number[];
}

/**
 * The least time between two answer keys of a person: about ten keys a second, faster than anyone reads a
 * question and decides (a key held down repeats at about 30 a second, but moves on without answering).
 */
const PERSON_KEY_GAP_MS = 100;

/**
 * Answers `count` questions of the open case by key. Each key press comes at least `gapMs` after the one before
 * and after the last answer's "Saved" was painted, then at a random moment of a frame, as a person's would; it
 * is timed to the start of the frame that paints the answer, then to the start of the frame that paints "Saved".
 * With `gapMs` 0 each key follows the last "Saved" at once (up to twenty keys a second: no person's pace, kept as
 * the worst case). The page scripts are strings: the TypeScript runner would otherwise wrap their inner functions
 * in helpers the page does not have.
 */
async function answerLatencies(page: Page, count: number, gapMs: number): Promise<AnswerTimes> {
  return page.evaluate(`(async () => {
    const painted = [];
    const saved = [];
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const until = (row, test, what) =>
      new Promise((resolve, reject) => {
        if (test()) return resolve();
        const observer = new MutationObserver(() => {
          if (test()) { observer.disconnect(); clearTimeout(timer); resolve(); }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(what + ' not shown within 5 s: ' + row.dataset.question));
        }, 5000);
        observer.observe(row, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    let last = -Infinity;
    for (let i = 0; i < ${count}; i += 1) {
      const row = document.activeElement;
      if (!row || !row.dataset || !row.dataset.question) break;
      // A question that cannot apply to the case takes only N/A.
      const key = row.classList.contains('question--cannot-apply') ? 'a' : i % 3 === 2 ? 'n' : 'y';
      const value = key === 'y' ? 'yes' : key === 'n' ? 'no' : 'na';
      const wait = Math.max(0, ${gapMs} - (performance.now() - last)) + Math.random() * 17;
      await new Promise((resolve) => setTimeout(resolve, wait));
      const start = performance.now();
      last = start;
      row.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await until(row, () => row.classList.contains('question--answered-' + value), 'The answer');
      painted.push((await frame()) - start);
      await until(row, () => row.querySelector('.save-status--saved') !== null, '"Saved"');
      saved.push((await frame()) - start);
    }
    return { painted, saved };
  })()`);
}

/** What bench/write-entry.ts measures: each answer's save, and bare puts of the same case row. */
interface WriteTimes {
  readonly commits: number[];
  /** The same answers with encryption at rest on. */
  readonly sealedCommits: number[];
  readonly bare: number[];
  readonly answers: number;
}

/**
 * Times answers' transactions on their own: the storage layer alone on a blank page of the app's origin (so it
 * has IndexedDB), nothing drawing beside it.
 */
async function writeTimes(page: Page, base: string, script: string): Promise<WriteTimes> {
  await blankPage(page, base, script);
  const times = await page.evaluate(() =>
    (
      globalThis as unknown as { casescoreWriteBench: { runWriteBench: () => Promise<WriteTimes> } }
    ).casescoreWriteBench.runWriteBench(),
  );
  return times;
}

/**
 * A blank page of the app's origin (a secure context, with IndexedDB and WebCrypto) running `script`, with
 * nothing else on it.
 */
async function blankPage(page: Page, base: string, script: string): Promise<void> {
  const blank = `${base}__bench-blank`;
  await page.route(blank, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  await page.goto(blank);
  await page.unroute(blank);
  await page.addScriptTag({ content: script });
}

async function openFirstCase(page: Page, base: string, inspectionName: string, index = 0) {
  await page.goto(`${base}#/`);
  await page.getByRole('link', { name: inspectionName, exact: true }).click();
  await page.locator('.cases-table a').nth(index).click();
  await page.waitForFunction(
    () => (document.activeElement as HTMLElement | null)?.dataset.question !== undefined,
  );
}

async function createInspectionWithCases(page: Page, base: string, name: string, count: number) {
  await page.goto(`${base}#/new-inspection`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create inspection' }).click();
  await page.getByRole('button', { name: 'Paste a list' }).click();
  await page
    .getByLabel('References, one per line')
    .fill(Array.from({ length: count }, (_, i) => `${name.slice(0, 3).toUpperCase()}-${i + 1}`).join('\n'));
  await page.getByRole('button', { name: 'Add cases' }).click();
  await page.getByText(`Added ${count} of ${count}.`).waitFor({ timeout: 120_000 });
}

/**
 * Scrolling the cases table of a 1,000-case inspection, 600 px a frame: each frame's main-thread time from a
 * trace against one vsync, and the frames missed.
 */
async function scrollingFigures(page: Page, base: string) {
  await createInspectionWithCases(page, base, 'Thousand PDU', 1000);
  await page.goto(`${base}#/`);
  await page.getByRole('link', { name: 'Thousand PDU', exact: true }).click();
  await page.locator('.cases-table tbody tr').first().waitFor();
  // Scrolled 600 px a frame; the page counts each frame's interval, the trace each frame's main-thread work
  // (bench/frames.ts says why the intervals alone cannot tell a perfect run from a missed one).
  const { result: intervals, perFrame } = await mainThreadPerFrame(
    page,
    () =>
      page.evaluate(`(async () => {
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
    })()`) as Promise<number[]>,
  );
  record({
    measure: 'scrolling a 1,000-case list: main-thread time per frame (p95)',
    value: p95(perFrame),
    unit: 'ms',
    target: 16.7,
    note: `p50 ${median(perFrame).toFixed(1)} ms, of ${perFrame.length} frames: CPU time from a trace`,
  });
  // A frame on time is one vsync (16.7 ms) apart from the last; one missed is two (33.3 ms). Over 25 ms
  // is a frame missed, whatever the timer's jitter.
  record({
    measure: 'scrolling a 1,000-case list: frames missed (interval over 25 ms)',
    value: intervals.filter((f) => f > 25).length,
    unit: 'frames',
    note: `of ${intervals.length}; intervals p95 ${p95(intervals).toFixed(2)} ms`,
  });
  return { intervals, mainThreadPerFrame: perFrame };
}

/** What the archive measures at one size. */
interface ArchiveFigures {
  readonly inspections: number;
  readonly answers: number;
  readonly start: number;
  readonly rated: number;
  readonly list: number;
  readonly open: number;
  readonly memoryMB: number;
}

/** Until `test` holds in the page, then the next frame: the time since `start` (page script, as a string). */
const UNTIL_DRAWN = `(start, test) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('not drawn within 60 s')), 60000);
  const check = () => {
    if (!test()) return requestAnimationFrame(check);
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(performance.now() - start));
  };
  check();
})`;

/**
 * Opens the app in a fresh document (a hash change alone would not reload it) with the archive stored: the time
 * from navigation to the list showing `rows` rows, and to every row's rating shown.
 */
async function coldStart(
  page: Page,
  base: string,
  rows: number,
): Promise<{ interactive: number; rated: number }> {
  await page.goto('about:blank');
  await page.goto(`${base}#/`);
  await page.waitForFunction(
    (n) => document.querySelectorAll('.inspections-table tbody tr').length >= n,
    rows,
    { timeout: 120_000 },
  );
  const interactive = await page.evaluate(() => performance.now());
  // Each row's rating follows once its own cases are read.
  await page.waitForFunction(
    () => !document.querySelector('.inspections-table [aria-busy="true"]'),
    undefined,
    {
      timeout: 300_000,
    },
  );
  return { interactive, rated: await page.evaluate(() => performance.now()) };
}

/**
 * Grows the archive in a fresh profile to `total` inspections of 60 cases, then times the app on it: cold start
 * to the list drawn, going back to the list from an inspection, opening an inspection, and the page's JavaScript
 * heap after garbage collection with the list shown.
 */
async function archiveFigures(page: Page, base: string, script: string, total: number) {
  await blankPage(page, base, script);
  const { answers } = await page.evaluate(
    (n) =>
      (
        globalThis as unknown as {
          casescoreArchive: { growArchive: (n: number, c: number) => Promise<{ answers: number }> };
        }
      ).casescoreArchive.growArchive(n, 60),
    total,
  );
  const shown = Math.min(total, 12);
  const listDrawn = `() => document.querySelectorAll('.inspections-table tbody tr').length >= ${shown}`;
  const starts: number[] = [];
  const rateds: number[] = [];
  const lists: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const cold = await coldStart(page, base, shown);
    starts.push(cold.interactive);
    rateds.push(cold.rated);
    opens.push(
      await page.evaluate(`(${UNTIL_DRAWN})(performance.now(), (() => {
        document.querySelector('.inspections-table tbody tr a').click();
        return () => document.querySelectorAll('.cases-table tbody tr').length > 0;
      })())`),
    );
    lists.push(
      await page.evaluate(`(${UNTIL_DRAWN})(performance.now(), (() => {
        location.hash = '#/';
        return ${listDrawn};
      })())`),
    );
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return {
    inspections: total,
    answers,
    start: median(starts),
    rated: median(rateds),
    list: median(lists),
    open: median(opens),
    memoryMB: heap.usedSize / 1024 / 1024,
  } satisfies ArchiveFigures;
}

/**
 * A file as large as Casescore reads (just under 50 MB: 180 inspections of 60 cases, each inspection a line of
 * compact JSON as format 4 writes it), read with full validation
 * by a Node process whose heap is capped at 2, 3 and 4 times the file's size: the smallest cap that reads it
 * bounds the most memory reading takes. (In the app the same reading runs in a worker, so the window never
 * waits on it; anything over 50 MB is refused before it is read.)
 */
async function hostileFigures(): Promise<
  { megabytes: number; times: number; ms: number } | { megabytes: number; times: null }
> {
  const demo = createLondonDemo();
  const inspections = Array.from({ length: 180 }, (_, p): ExportedInspection => {
    const source = demo[p % demo.length] as ExportedInspection;
    const live = source.cases.filter((c) => !c.deleted);
    return {
      ...source,
      id: `hostile-${p}`,
      name: `Hostile PDU ${p + 1}`,
      cases: Array.from({ length: 60 }, (_, c) => ({
        ...live[c % live.length]!,
        id: `hostile-${p}-${c}`,
        reference: `H${p}-${c}`,
      })),
    };
  });
  const text = await writeExportFile(createExport(inspections, new Date()));
  const file = join(tmpdir(), `casescore-bench-hostile-${Date.now()}.json`);
  writeFileSync(file, text);
  const bytes = Buffer.byteLength(text);
  if (bytes > DEFAULT_MAX_BYTES) throw new Error('the hostile file came out over the limit');
  const megabytes = bytes / 1024 / 1024;
  for (const times of [2, 3, 4]) {
    const run = spawnSync(
      process.execPath,
      [
        `--max-old-space-size=${Math.floor(times * megabytes)}`,
        '--import',
        'tsx',
        'bench/hostile-entry.ts',
        file,
        String(DEFAULT_MAX_BYTES),
      ],
      { encoding: 'utf8' },
    );
    if (run.status === 0)
      return { megabytes, times, ms: (JSON.parse(run.stdout.trim()) as { ms: number }).ms };
  }
  return { megabytes, times: null };
}

/**
 * The JavaScript a cold start loads before the first screen, gzipped: the entry script and every chunk the
 * built page preloads with it (its static imports). Screens loaded on first use are not counted.
 */
function initialJavaScriptKB(): number {
  const html = readFileSync('dist/renderer/index.html', 'utf8');
  const scripts = [
    ...html.matchAll(
      /<(?:script type="module"|link rel="modulepreload") crossorigin (?:src|href)="\.\/(assets\/[^"]+\.js)"/g,
    ),
  ];
  if (scripts.length === 0) return NaN;
  const bytes = scripts.reduce(
    (sum, [, file]) => sum + gzipSync(readFileSync(join('dist/renderer', file!))).length,
    0,
  );
  return bytes / 1024;
}

/** A bench entry bundled to run in a page on its own. */
async function bundleOf(entry: string): Promise<string> {
  const bundle = await esbuild({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  return bundle.outputFiles[0]!.text;
}

/**
 * `npm run bench -- --only=answers` times only answering a 60-case inspection, `--only=scoring` only the pure
 * work (scoring, export and import), `--only=archive` the archive, `--only=scrolling` scrolling a 1,000-case
 * list, `--only=hostile` the largest file, `--only=sync` the team server: quicker, while working on one of them.
 */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

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
  const writeScript = await bundleOf('bench/write-entry.ts');
  const archiveScript = await bundleOf('bench/archive-entry.ts');
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
  // A shared machine's load slows every figure alike: kept beside them.
  const loadAtStart = loadavg()[0]!;
  try {
    let regionFile = '';
    if (!only || only === 'scoring') {
      console.log('scoring and the export format, in Chromium:');
      await blankPage(page, base, benchScript);
      const scoring = await page.evaluate(() =>
        (
          globalThis as unknown as { casescoreBench: { runScoringBench: () => Promise<BenchScoring> } }
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
        measure: `region export (${(scoring.regionBytes / 1e6).toFixed(1)} MB), import (median)`,
        value: median(scoring.exportTimes),
        unit: 'ms',
        note: `import ${median(scoring.importTimes).toFixed(1)} ms`,
      });
      record({
        measure: 'region export + import with validation, unsigned (median)',
        value: exportImport,
        unit: 'ms',
      });
      const signedExport = median(scoring.signedExportTimes);
      const signedImport = median(scoring.signedImportTimes);
      record({
        measure: 'region export + import as the app does it: signed, validated, signature checked (median)',
        value: signedExport + signedImport,
        unit: 'ms',
        target: 300,
        note: `export ${signedExport.toFixed(1)} ms, import ${signedImport.toFixed(1)} ms`,
      });
      regionFile = join(tmpdir(), `casescore-bench-region-${Date.now()}.json`);
      writeFileSync(regionFile, scoring.regionText);
      results.scoring = { ...scoring, regionText: undefined };
    }
    if (!only || only === 'answers') {
      console.log('the app, in Chromium:');
      await page.goto(base);
      await page.getByLabel('Your initials').fill('BN');
      await page.getByRole('button', { name: 'Start' }).click();
      await createInspectionWithCases(page, base, 'Sixty PDU', 60);
      // Three cases answered at a person's pace (120 keys, so the p95 is not one or two presses), then a fourth
      // as fast as the keys can follow "Saved".
      const alone: AnswerTimes = { painted: [], saved: [] };
      for (const index of [0, 1, 2]) {
        await openFirstCase(page, base, 'Sixty PDU', index);
        const times = await answerLatencies(page, 40, PERSON_KEY_GAP_MS);
        alone.painted.push(...times.painted);
        alone.saved.push(...times.saved);
      }
      await openFirstCase(page, base, 'Sixty PDU', 3);
      const backToBack = await answerLatencies(page, 40, 0);
      record({
        measure: 'key press to answer painted, 60-case inspection (p50)',
        value: median(alone.painted),
        unit: 'ms',
      });
      record({
        measure: 'key press to answer painted, 60-case inspection (p95)',
        value: p95(alone.painted),
        unit: 'ms',
        target: 16,
      });
      record({
        measure: 'key press to "Saved" painted, 60-case inspection (p50 / p95)',
        value: median(alone.saved),
        unit: 'ms',
        note: `p95 ${p95(alone.saved).toFixed(1)} ms`,
      });
      record({
        measure: 'key press to answer painted, keys back to back as "Saved" shows (p95)',
        value: p95(backToBack.painted),
        unit: 'ms',
        note: `p50 ${median(backToBack.painted).toFixed(1)} ms; up to twenty keys a second`,
      });
      const writes = await writeTimes(page, base, writeScript);
      record({
        measure: `answer commit, the transaction alone (median of ${writes.answers})`,
        value: median(writes.commits),
        unit: 'ms',
        note: `p95 ${p95(writes.commits).toFixed(1)} ms`,
      });
      record({
        measure: 'bare IndexedDB put of the same case row, strict durability (median)',
        value: median(writes.bare),
        unit: 'ms',
      });
      record({
        measure: 'commit ÷ bare put',
        value: median(writes.commits) / median(writes.bare),
        unit: '×',
        target: 2,
      });
      record({
        measure: 'answer commit with encryption at rest on (median)',
        value: median(writes.sealedCommits),
        unit: 'ms',
        note: `p95 ${p95(writes.sealedCommits).toFixed(1)} ms`,
      });
      record({
        measure: 'encrypted commit ÷ unencrypted commit (÷ bare put)',
        value: median(writes.sealedCommits) / median(writes.commits),
        unit: '×',
        note: `${(median(writes.sealedCommits) / median(writes.bare)).toFixed(2)}× a bare put`,
      });

      if (!only) {
        const chooser = page.waitForEvent('filechooser');
        await page.goto(`${base}#/`);
        await page.getByRole('button', { name: 'Import…' }).click();
        await (await chooser).setFiles(regionFile);
        // The region file is unsigned, so its new inspections wait for review: taken, as a lead would.
        const takeAll = page.getByRole('button', { name: 'Take all these changes' });
        await page.getByRole('button', { name: 'Apply import' }).waitFor();
        if (await takeAll.count()) await takeAll.click();
        await page.getByRole('button', { name: 'Apply import' }).click();
        await page.getByText(/^Imported /).waitFor({ timeout: 120_000 });
        await page.goto(`${base}#/`);
        await openFirstCase(page, base, 'Sixty PDU');
        await page.evaluate(() => performance.clearMeasures('casescore:answer-commit'));
        // Move past the answers already given to the first questions.
        await page.keyboard.press('u');
        const withRegion = await answerLatencies(page, 40, PERSON_KEY_GAP_MS);
        record({
          measure: 'key press to answer painted, region loaded (p50)',
          value: median(withRegion.painted),
          unit: 'ms',
        });
        record({
          measure: 'key press to answer painted, region loaded (p95)',
          value: p95(withRegion.painted),
          unit: 'ms',
          target: 50,
        });
        record({
          measure: 'key press to "Saved" painted, region loaded (p50 / p95)',
          value: median(withRegion.saved),
          unit: 'ms',
          note: `p95 ${p95(withRegion.saved).toFixed(1)} ms`,
        });

        const starts: number[] = [];
        const rateds: number[] = [];
        for (let i = 0; i < 5; i += 1) {
          const cold = await coldStart(page, base, 19);
          starts.push(cold.interactive);
          rateds.push(cold.rated);
        }
        record({
          measure: 'cold start to interactive, region stored (median)',
          value: median(starts),
          unit: 'ms',
          target: 1000,
        });
        record({
          measure: 'cold start to every rating on the list shown, region stored (median)',
          value: median(rateds),
          unit: 'ms',
        });

        results.scrolling = await scrollingFigures(page, base);
      }
    }
    if (only === 'scrolling') {
      await page.goto(base);
      await page.getByLabel('Your initials').fill('BN');
      await page.getByRole('button', { name: 'Start' }).click();
      results.scrolling = await scrollingFigures(page, base);
    }
    if (!only || only === 'archive') {
      record({
        measure: 'initial JavaScript, gzipped',
        value: initialJavaScriptKB(),
        unit: 'KB',
        target: 250,
      });
      console.log('an archive, in a fresh profile:');
      const archiveContext = await chromium.launchPersistentContext(
        join(tmpdir(), `casescore-bench-archive-${Date.now()}`),
        {
          executablePath: findChromium(),
          args: CHROMIUM_ARGS,
          headless: true,
          viewport: { width: 1280, height: 800 },
        },
      );
      try {
        const archivePage = archiveContext.pages()[0] ?? (await archiveContext.newPage());
        const small = await archiveFigures(archivePage, base, archiveScript, 15);
        const large = await archiveFigures(archivePage, base, archiveScript, 150);
        const growth = (key: 'start' | 'rated' | 'list' | 'open' | 'memoryMB', unit: string) =>
          `${small[key].toFixed(1)} ${unit} at 15 inspections: ×${(large[key] / small[key]).toFixed(1)} for ×10`;
        const of = `150 inspections × 60 cases, ${large.answers.toLocaleString('en-GB')} answers`;
        record({
          measure: `cold start to interactive, ${of}`,
          value: large.start,
          unit: 'ms',
          target: 1000,
          note: growth('start', 'ms'),
        });
        record({
          measure: 'cold start to every rating on the list shown, 150 inspections',
          value: large.rated,
          unit: 'ms',
          note: growth('rated', 'ms'),
        });
        record({
          measure: 'inspection list drawn, 150 inspections',
          value: large.list,
          unit: 'ms',
          target: 100,
          note: growth('list', 'ms'),
        });
        record({
          measure: 'opening an inspection, 150 stored',
          value: large.open,
          unit: 'ms',
          target: 200,
          note: growth('open', 'ms'),
        });
        record({
          measure: 'renderer JavaScript heap, 150 inspections',
          value: large.memoryMB,
          unit: 'MB',
          target: 300,
          note: growth('memoryMB', 'MB'),
        });
        results.archive = { small, large };
      } finally {
        await archiveContext.close();
      }
    }
    if (!only || only === 'hostile') {
      console.log('a file as large as Casescore reads, in a capped Node process:');
      const hostile = await hostileFigures();
      record({
        measure: `reading a ${hostile.megabytes.toFixed(1)} MB file: heap needed, as a multiple of the file`,
        value: hostile.times ?? Infinity,
        unit: '×',
        target: 4,
        note: hostile.times
          ? `read in ${hostile.ms.toFixed(0)} ms under a ${hostile.times}× cap`
          : 'not read under a 4× cap',
      });
      results.hostile = hostile;
    }
  } finally {
    await context.close();
    await server.close();
  }
  // The team server (docs/sync.md): a change reaching another device over loopback, and a year's volume.
  if (!only || only === 'sync') for (const row of await runSyncBench()) record(row);
  const load = { cores: cpus().length, atStart: loadAtStart, atEnd: loadavg()[0]! };
  results.load = load;
  mkdirSync('.bench', { recursive: true });
  writeFileSync(
    '.bench/results.json',
    `${JSON.stringify({ at: new Date().toISOString(), rows, details: results }, null, 2)}\n`,
  );
  // Every figure with its target, its ratio to the target, and its note (how it grows, its p95).
  console.log('\n| measure | value | target | ratio | note |\n|---|---|---|---|---|');
  for (const row of rows) {
    const target = row.target ? `${row.target} ${row.unit}` : '';
    const ratio = row.target
      ? `${(row.value / row.target).toFixed(2)}× (${row.value <= row.target ? 'met' : 'missed'})`
      : '';
    console.log(
      `| ${row.measure} | ${row.value.toFixed(2)} ${row.unit} | ${target} | ${ratio} | ${row.note ?? ''} |`,
    );
  }
  console.log(
    `\nload average ${load.atStart.toFixed(1)} at the start, ${load.atEnd.toFixed(1)} at the end, on ${load.cores} cores`,
  );
  console.log('wrote .bench/results.json');
}

await main();
