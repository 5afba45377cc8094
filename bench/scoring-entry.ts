// The pure parts the benchmark times inside Chromium, bundled on their own (no app, no CSP): building a region,
// rating it, and exporting and re-reading it with full validation (as the app's file worker does).
import { createLondonDemo } from '../seeds';
import {
  createExport,
  makeSigningKeys,
  readExportFile,
  writeExportFile,
  type ExportedInspection,
} from '#shared/interchange';
import { rateInspection, rollUpRegion, tallyInspection } from '#shared/scoring';

/** A region of `pdus` inspections of `cases` cases each, made from the London demo's answers. */
function makeRegion(pdus: number, cases: number): ExportedInspection[] {
  const demo = createLondonDemo();
  return Array.from({ length: pdus }, (_, p) => {
    const source = demo[p % demo.length] as ExportedInspection;
    const live = source.cases.filter((c) => !c.deleted);
    return {
      ...source,
      id: `bench-${p}`,
      name: `Bench PDU ${p + 1}`,
      cases: Array.from({ length: cases }, (_, c) => ({
        ...live[c % live.length]!,
        id: `bench-${p}-${c}`,
        reference: `B${p}-${c}`,
      })),
    };
  });
}

function time(run: () => void, repeats: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function timeAsync(run: () => Promise<void>, repeats: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

function countAnswers(inspections: readonly ExportedInspection[]): number {
  let answers = 0;
  for (const i of inspections)
    for (const c of i.cases) if (!c.deleted) answers += Object.keys(c.answers).length;
  return answers;
}

/** Everything the benchmark measures in the page. */
export async function runScoringBench() {
  const region = makeRegion(18, 60);
  const rerate = time(() => {
    rollUpRegion(region);
  }, 40);
  const big = makeRegion(1, 100_000);
  const small = makeRegion(1, 10_000);
  const bigTimes = time(() => {
    rateInspection(big[0]!, undefined, tallyInspection(big[0]!));
  }, 5);
  const smallTimes = time(() => {
    rateInspection(small[0]!, undefined, tallyInspection(small[0]!));
  }, 10);
  let text = '';
  // As the app's worker does it: validated, made canonical once, native SHA-256; read back with full validation.
  const exportTimes = await timeAsync(async () => {
    text = await writeExportFile(createExport(region, new Date()));
  }, 8);
  const importTimes = await timeAsync(async () => {
    await readExportFile(text);
  }, 8);
  // As the app does it: every file it writes is signed by this install's key, and every signature is checked
  // on reading.
  const keys = await makeSigningKeys();
  let signedText = '';
  const signedExportTimes = await timeAsync(async () => {
    signedText = await writeExportFile(createExport(region, new Date()), keys);
  }, 8);
  const signedImportTimes = await timeAsync(async () => {
    const read = await readExportFile(signedText);
    if (read.signature.state !== 'verified') throw new Error('the signed region file did not verify');
  }, 8);
  return {
    regionAnswers: countAnswers(region),
    rerate,
    big: { cases: 100_000, answers: countAnswers(big), times: bigTimes },
    small: { cases: 10_000, answers: countAnswers(small), times: smallTimes },
    exportTimes,
    importTimes,
    signedExportTimes,
    signedImportTimes,
    regionBytes: text.length,
    regionText: text,
  };
}

(globalThis as unknown as { casescoreBench: unknown }).casescoreBench = { runScoringBench };
