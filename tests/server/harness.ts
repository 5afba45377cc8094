/**
 * What the server tests share: a real PostgreSQL cluster started from the project's own scripts
 * (server/cluster.ts) in a temporary folder on a free port, endpoints against it, and simulated devices that
 * make answers, sign batches and push and pull them through the real client (renderer/sync/server-api.ts).
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { caseQuestions, PROBATION_PDU_2021, type AnswerValue } from '#shared/framework';
import {
  makeSigningKeys,
  type ExportedCase,
  type ExportedInspection,
  type SigningKeys,
} from '#shared/interchange';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  batchHash,
  signBatch,
  signRoster,
  type ChangeBatch,
  type Roster,
  type RosterMember,
} from '#shared/sync';
import { removeCluster, startCluster, type LocalCluster } from '../../server/cluster';
import { startEndpoint, type Endpoint } from '../../server/endpoint';
import { SyncServer } from '../../renderer/sync/server-api';

/** A temporary folder the postgres user can reach (when the tests run as root). */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** A cluster of the project's own making for one test file; `stop()` removes it. */
export async function testCluster(): Promise<LocalCluster & { stop(): void }> {
  const parent = tempFolder('casescore-pg-');
  const dir = join(parent, 'cluster');
  const cluster = await startCluster(dir);
  return {
    ...cluster,
    stop: () => {
      removeCluster(dir);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export function endpointOn(cluster: LocalCluster): Promise<Endpoint> {
  return startEndpoint({ databaseUrl: cluster.url, port: 0 });
}

/** A query straight against the database, to see what the server stored. */
export async function query<T extends pg.QueryResultRow>(
  cluster: LocalCluster,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The probation framework's case questions, to answer. */
export const QUESTIONS = caseQuestions(PROBATION_PDU_2021).map((q) => q.id);

/** The inspection every simulated device works on: its details, without cases. */
export function inspectionShell(id: string): Omit<ExportedInspection, 'cases'> {
  return {
    id,
    name: 'Southwark PDU',
    framework: { id: PROBATION_PDU_2021.id, version: PROBATION_PDU_2021.version },
    options: { courtWork: false },
    judgements: {},
    overrides: {},
  };
}

/** The case sample the devices share. */
export const CASES = ['CR0001', 'CR0002', 'CR0003', 'CR0004', 'CR0005', 'CR0006'];

interface AnswerChange {
  readonly caseRef: string;
  readonly question: string;
  readonly value: AnswerValue;
  readonly counter: number;
  readonly updatedAt: string;
}

/**
 * One install: its keys, device id and change counter, the answers it made and not yet sent, and the chain of
 * batches it sent. `clock` is how far its clock is off, to show no clock decides anything.
 */
export class Device {
  counter = 0;
  /** Per inspection: the last counter a batch of this device covered, and that batch's hash. */
  readonly chains = new Map<string, { sent: number; previous: string | null }>();
  private pending: AnswerChange[] = [];
  readonly server: Map<string, SyncServer> = new Map();

  constructor(
    readonly initials: string,
    readonly name: string,
    readonly keys: SigningKeys,
    readonly deviceId: string = `device-${randomUUID()}`,
    public clockSkewMs = 0,
  ) {}

  static async make(initials: string, name: string, clockSkewMs = 0): Promise<Device> {
    return new Device(initials, name, await makeSigningKeys(), undefined, clockSkewMs);
  }

  /** Another install holding the same key and device id (a copied laptop image): its counter starts the same. */
  clone(): Device {
    const copy = new Device(this.initials, this.name, this.keys, this.deviceId, this.clockSkewMs);
    copy.counter = this.counter;
    for (const [id, chain] of this.chains) copy.chains.set(id, { ...chain });
    return copy;
  }

  member(revoked = false): RosterMember {
    return { initials: this.initials, name: this.name, publicKey: this.keys.publicKey, revoked };
  }

  now(): string {
    return new Date(Date.now() + this.clockSkewMs).toISOString();
  }

  client(url: string, fetchImpl?: (input: string, init?: RequestInit) => Promise<Response>): SyncServer {
    const key = url + (fetchImpl ? ':custom' : '');
    if (!this.server.has(key)) this.server.set(key, new SyncServer(url, this.keys, fetchImpl));
    return this.server.get(key)!;
  }

  answer(caseRef: string, question: string, value: AnswerValue): void {
    this.counter += 1;
    this.pending.push({ caseRef, question, value, counter: this.counter, updatedAt: this.now() });
  }

  /** The answers made since the last batch, as a signed batch; null when there are none. Marks them sent. */
  async nextBatch(inspectionId: string): Promise<ChangeBatch | null> {
    if (this.pending.length === 0) return null;
    const chain = this.chains.get(inspectionId) ?? { sent: 0, previous: null };
    const cases = new Map<string, ExportedCase>();
    for (const change of this.pending) {
      const sampled =
        cases.get(change.caseRef) ??
        ({
          id: `case-${change.caseRef}`,
          reference: change.caseRef,
          caseType: 'community',
          attributes: {},
          answers: {},
        } satisfies ExportedCase);
      sampled.answers[change.question] = {
        value: change.value,
        updatedAt: change.updatedAt,
        by: this.initials,
        device: this.deviceId,
        counter: change.counter,
      };
      cases.set(change.caseRef, sampled);
    }
    const batch = await signBatch(
      {
        format: BATCH_FORMAT,
        formatVersion: BATCH_FORMAT_VERSION,
        inspectionId,
        device: this.deviceId,
        firstCounter: chain.sent + 1,
        lastCounter: this.counter,
        previous: chain.previous,
        createdAt: this.now(),
        inspection: { ...inspectionShell(inspectionId), cases: [...cases.values()] },
      },
      this.keys,
    );
    this.pending = [];
    this.chains.set(inspectionId, { sent: batch.lastCounter, previous: batchHash(batch) });
    return batch;
  }
}

/** A team list signed by its lead. */
export function rosterFor(
  inspectionId: string,
  lead: Device,
  members: readonly RosterMember[],
  version = 1,
): Promise<Roster> {
  return signRoster(
    {
      format: 'casescore.roster',
      formatVersion: 1,
      inspectionId,
      version,
      lead: lead.initials,
      members,
      createdAt: lead.now(),
    },
    lead.keys,
  );
}

/** A raw request, for what the client would never send. */
export async function send(
  url: string,
  method: string,
  path: string,
  options: { body?: string; token?: string } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    body: options.body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A session token for a key, signed in by hand. */
export async function tokenFor(url: string, keys: SigningKeys): Promise<string> {
  const { answerChallenge } = await import('#shared/sync');
  const { body } = await send(url, 'POST', '/v1/session/challenge');
  const answer = await answerChallenge(body.challenge as string, keys);
  const session = await send(url, 'POST', '/v1/session', { body: JSON.stringify(answer) });
  return session.body.token as string;
}

/** A fresh inspection id for each test. */
export function inspectionId(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/** A repeatable random number generator (mulberry32), so a failing run can be run again. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a flaky network did, counted. */
export interface NetworkLog {
  dropped: number;
  lost: number;
  duplicated: number;
}

/**
 * A fetch over a bad network: some requests never arrive, some arrive but their answer is lost, and some are
 * sent twice (the answer to the second is the one seen).
 */
export function flakyFetch(
  random: () => number,
  log: NetworkLog,
  odds = { drop: 0.15, lose: 0.15, duplicate: 0.15 },
): (input: string, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const roll = random();
    if (roll < odds.drop) {
      log.dropped += 1;
      throw new TypeError('fetch failed: the request was dropped');
    }
    if (roll < odds.drop + odds.lose) {
      log.lost += 1;
      const answer = await fetch(input, init);
      await answer.text();
      throw new TypeError('fetch failed: the answer was lost');
    }
    if (roll < odds.drop + odds.lose + odds.duplicate) {
      log.duplicated += 1;
      const [first, second] = await Promise.all([fetch(input, init), fetch(input, init)]);
      await first.text();
      return second;
    }
    return fetch(input, init);
  };
}
