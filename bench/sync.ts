/**
 * The team server's figures for `npm run bench` (docs/sync.md): how long a change from one device takes to
 * reach another over loopback (the other waiting on a long-poll), and a year's volume (150 inspections, about
 * 450,000 answers) pushed and pulled, with the server's peak memory and the database's size. A PostgreSQL
 * cluster is made for the run in a temporary folder and removed after; the endpoint runs as its own process, as
 * `npm run server` does, so its memory is its own. `npm run bench:sync` runs these alone.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { caseQuestions, PROBATION_PDU_2021 } from '#shared/framework';
import { makeSigningKeys, type ExportedCase, type SigningKeys } from '#shared/interchange';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  batchHash,
  signBatch,
  signRoster,
  type ChangeBatch,
} from '#shared/sync';
import { freePort, removeCluster, startCluster } from '../server/cluster';
import { SyncServer } from '../renderer/sync/server-api';

export interface SyncRow {
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: number;
  readonly note?: string;
}

const QUESTIONS = caseQuestions(PROBATION_PDU_2021).map((q) => q.id);
const quantile = (samples: readonly number[], q: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;

/** A device making batches of answers for one inspection, chained. */
class Device {
  counter = 0;
  private chains = new Map<string, { sent: number; previous: string | null }>();
  constructor(
    readonly id: string,
    readonly keys: SigningKeys,
  ) {}

  async batch(
    inspectionId: string,
    cases: readonly string[],
    questions: readonly string[],
  ): Promise<ChangeBatch> {
    const chain = this.chains.get(inspectionId) ?? { sent: 0, previous: null };
    const exported: ExportedCase[] = cases.map((reference) => ({
      id: `case-${reference}`,
      reference,
      caseType: 'community',
      attributes: {},
      answers: Object.fromEntries(
        questions.map((q) => [
          q,
          {
            value: 'yes',
            updatedAt: new Date().toISOString(),
            by: 'MK',
            device: this.id,
            counter: ++this.counter,
          },
        ]),
      ),
    }));
    const batch = await signBatch(
      {
        format: BATCH_FORMAT,
        formatVersion: BATCH_FORMAT_VERSION,
        inspectionId,
        device: this.id,
        firstCounter: chain.sent + 1,
        lastCounter: this.counter,
        previous: chain.previous,
        createdAt: new Date().toISOString(),
        inspection: {
          id: inspectionId,
          name: `PDU ${inspectionId}`,
          framework: { id: PROBATION_PDU_2021.id, version: PROBATION_PDU_2021.version },
          options: { courtWork: true },
          judgements: {},
          overrides: {},
          cases: exported,
        },
      },
      this.keys,
    );
    this.chains.set(inspectionId, { sent: batch.lastCounter, previous: batchHash(batch) });
    return batch;
  }
}

/** The peak resident memory of a process, in MB (Linux), or NaN. */
function peakMemoryMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return NaN;
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

export async function runSyncBench(
  options: { inspections?: number; casesEach?: number } = {},
): Promise<SyncRow[]> {
  const inspections = options.inspections ?? 150;
  const casesEach = options.casesEach ?? 57; // × 53 questions ≈ 3,000 answers an inspection, 450,000 a year
  const folder = mkdtempSync(join(tmpdir(), 'casescore-bench-'));
  chmodSync(folder, 0o755);
  const clusterDir = join(folder, 'cluster');
  const cluster = await startCluster(clusterDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port)], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, DATABASE_URL: cluster.url },
    stdio: 'ignore',
  });
  const rows: SyncRow[] = [];
  try {
    const lead = await makeSigningKeys();
    const colleague = await makeSigningKeys();
    for (let i = 0; i < 300; i++) {
      if (await new SyncServer(url, lead).healthy()) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const share = async (inspectionId: string) =>
      new SyncServer(url, lead).putRoster(
        await signRoster(
          {
            format: 'casescore.roster',
            formatVersion: 1,
            inspectionId,
            version: 1,
            lead: 'MK',
            members: [
              { initials: 'MK', name: 'Maya Khan', publicKey: lead.publicKey, revoked: false },
              { initials: 'JD', name: 'Jo Doyle', publicKey: colleague.publicKey, revoked: false },
            ],
            createdAt: new Date().toISOString(),
          },
          lead,
        ),
      );

    // A change on one device, seen on another that is waiting on a long-poll.
    await share('latency');
    const sender = new Device('device-mk', lead);
    const senderApi = new SyncServer(url, lead);
    const readerApi = new SyncServer(url, colleague);
    const roster = await readerApi.getRoster('latency');
    const samples: number[] = [];
    let cursor = 0;
    for (let i = 0; i < 100; i++) {
      const waiting = readerApi.pull('latency', cursor, roster, 25);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const batch = await sender.batch('latency', [`CR${i % 40}`], [QUESTIONS[i % QUESTIONS.length]!]);
      const started = performance.now();
      await senderApi.pushBatch(batch);
      const seen = await waiting;
      samples.push(performance.now() - started);
      cursor = seen.last;
    }
    rows.push({
      measure: 'sync: change visible on another device, loopback (p50)',
      value: quantile(samples, 0.5),
      unit: 'ms',
    });
    rows.push({
      measure: 'sync: change visible on another device, loopback (p95)',
      value: quantile(samples, 0.95),
      unit: 'ms',
      target: 1000,
    });

    // A year's volume: every inspection's answers in batches of ten cases, four inspections at a time.
    const ids = Array.from({ length: inspections }, (_, i) => `year-${i}`);
    for (const id of ids) await share(id);
    const cases = Array.from({ length: casesEach }, (_, i) => `CR${String(i).padStart(4, '0')}`);
    let answers = 0;
    let batches = 0;
    const pushStarted = performance.now();
    const queue = [...ids];
    await Promise.all(
      Array.from({ length: 4 }, async (_, worker) => {
        const device = new Device(`device-${worker}`, lead);
        const api = new SyncServer(url, lead);
        for (let id = queue.shift(); id; id = queue.shift()) {
          for (let start = 0; start < cases.length; start += 10) {
            const slice = cases.slice(start, start + 10);
            await api.pushBatch(await device.batch(id, slice, QUESTIONS));
            answers += slice.length * QUESTIONS.length;
            batches += 1;
          }
        }
      }),
    );
    const pushSeconds = (performance.now() - pushStarted) / 1000;
    const pullStarted = performance.now();
    let pulled = 0;
    for (const id of ids) {
      const list = await readerApi.getRoster(id);
      for (let after = 0, more = true; more;) {
        const page = await readerApi.pull(id, after, list, 0, 500);
        pulled += page.batches.length;
        after = page.last;
        more = page.more;
      }
    }
    const pullSeconds = (performance.now() - pullStarted) / 1000;
    if (pulled !== batches) throw new Error(`pushed ${batches} batches but pulled ${pulled}`);
    const note = `${inspections} inspections, ${answers.toLocaleString('en-GB')} answers, ${batches} batches`;
    rows.push({
      measure: 'sync: a year pushed (signed, checked, stored)',
      value: pushSeconds,
      unit: 's',
      note,
    });
    rows.push({
      measure: 'sync: a year pulled (and every signature checked)',
      value: pullSeconds,
      unit: 's',
      note,
    });
    rows.push({ measure: 'sync: server peak memory', value: peakMemoryMb(child.pid!), unit: 'MB' });
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const size = await client.query<{ bytes: string }>(
      'SELECT pg_database_size(current_database()) AS bytes',
    );
    await client.end();
    rows.push({
      measure: 'sync: database size after a year',
      value: Number(size.rows[0]!.bytes) / 1024 / 1024,
      unit: 'MB',
    });
  } finally {
    child.kill('SIGTERM');
    removeCluster(clusterDir);
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1]?.endsWith(join('bench', 'sync.ts'))) {
  const small = process.argv.includes('--small');
  const rows = await runSyncBench(small ? { inspections: 10, casesEach: 20 } : {});
  for (const row of rows) {
    const target = row.target
      ? ` (target ${row.target} ${row.unit}: ${(row.value / row.target).toFixed(2)}×, ${row.value <= row.target ? 'met' : 'missed'})`
      : '';
    console.log(
      `  ${row.measure}: ${row.value.toFixed(2)} ${row.unit}${target}${row.note ? ` — ${row.note}` : ''}`,
    );
  }
}
