/**
 * A PostgreSQL cluster of the server's own, in a data folder: made with initdb on first start, started and
 * stopped with pg_ctl, listening only on 127.0.0.1 with a password made on first start. Used by `npm run server`
 * when no DATABASE_URL is given, by the tests (each test file starts its own in a temporary folder on a free
 * port) and to make a streaming hot standby with pg_basebackup.
 *
 * PostgreSQL refuses to run as root, so when this runs as root every PostgreSQL program runs as the `postgres`
 * user (runuser), the cluster's folder belongs to that user, and the folder above it is left readable.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The database user and database the server uses in a cluster of its own. */
export const DATABASE_USER = 'casescore';
export const DATABASE_NAME = 'casescore';

/** A cluster in a folder: its data directory, password and (once started) its port. */
export interface LocalCluster {
  /** The folder holding `pgdata/`, `password` and `postgres.log`. */
  readonly dir: string;
  readonly port: number;
  readonly password: string;
  /** postgres://… for the server's database. */
  readonly url: string;
}

/** The folder with initdb, pg_ctl and pg_basebackup: PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin. */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'PostgreSQL 15 or later is not installed: run `npm run setup` (installs postgresql-15 on Debian), ' +
        'set PG_BIN to the folder holding initdb and pg_ctl, or give the server a DATABASE_URL',
    );
  }
}

const isRoot = () => process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Runs a PostgreSQL program (as the postgres user when this runs as root); throws with its output on failure. */
function runPostgres(program: string, args: readonly string[]): string {
  const path = join(postgresBin(), program);
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]];
  const result = spawnSync(command, argv, { encoding: 'utf8', cwd: '/', timeout: 120_000 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(
      `${program} failed (${result.status ?? result.signal}): ${output || result.error?.message}`,
    );
  }
  return result.stdout;
}

/** Makes a folder PostgreSQL's own (as root) or this user's, private. */
function ownFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(path, uid, gid);
  }
}

/** A TCP port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const dataDir = (dir: string) => join(dir, 'pgdata');
const logFile = (dir: string) => join(dir, 'pgdata', 'casescore-postgres.log');

/** The connection URL for a cluster's database. */
export function clusterUrl(port: number, password: string, database = DATABASE_NAME): string {
  return `postgres://${DATABASE_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Creates the cluster in `dir` if it is not there yet: initdb with password authentication for the casescore
 * user, listening on 127.0.0.1 only, ready to stream to a standby.
 */
export function initCluster(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (isRoot()) chmodSync(dir, 0o755); // the postgres user must reach pgdata/ inside it
  if (existsSync(join(dataDir(dir), 'PG_VERSION'))) return;
  if (isRoot()) {
    const reachable = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir]).status === 0;
    if (!reachable) {
      throw new Error(
        `the postgres user cannot reach ${dir}: choose a data folder whose parent folders others may enter (such as /var/lib/casescore-server)`,
      );
    }
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(join(dir, 'password'), `${password}\n`, { mode: 0o600 });
  ownFolder(dataDir(dir));
  // initdb reads the password from a file it can open; it is removed as soon as initdb is done.
  const passwordFile = join(dir, 'initial-password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(passwordFile, uid, gid);
  }
  try {
    runPostgres('initdb', [
      '-D',
      dataDir(dir),
      '-U',
      DATABASE_USER,
      '--auth=scram-sha-256',
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--no-locale',
      '--data-checksums',
    ]);
  } finally {
    rmSync(passwordFile, { force: true });
  }
  const settings = [
    '',
    '# Casescore team server',
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    'wal_level = replica',
    'max_wal_senders = 10',
    'max_replication_slots = 10',
    'hot_standby = on',
    '',
  ].join('\n');
  writeFileSync(join(dataDir(dir), 'postgresql.conf'), settings, { flag: 'a' });
}

function passwordOf(dir: string): string {
  return readFileSync(join(dir, 'password'), 'utf8').trim();
}

/** The port of a cluster that is running now (from postmaster.pid), or null when it is not running. */
function runningPort(dir: string): number | null {
  const pidFile = join(dataDir(dir), 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  try {
    runPostgres('pg_ctl', ['status', '-D', dataDir(dir)]);
  } catch {
    return null;
  }
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

/** Starts the PostgreSQL server of the cluster in `dir` on `port`, waiting (up to a minute) until it accepts. */
function startServerOn(dir: string, port: number): void {
  runPostgres('pg_ctl', [
    'start',
    '-D',
    dataDir(dir),
    '-l',
    logFile(dir),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port}`,
  ]);
}

/** Starts the cluster in `dir` (made first if need be) on `port` (a free one when 0); returns how to reach it. */
export async function startCluster(dir: string, port = 0): Promise<LocalCluster> {
  initCluster(dir);
  const password = passwordOf(dir);
  let running = runningPort(dir);
  // A free port can be taken by another program before PostgreSQL binds it: a chosen port is tried again.
  for (let attempt = 1; running === null; attempt++) {
    const chosen = port || (await freePort());
    try {
      startServerOn(dir, chosen);
      running = chosen;
    } catch (error) {
      if (port || attempt === 3) throw error;
    }
  }
  await ensureDatabase(running, password);
  return { dir, port: running, password, url: clusterUrl(running, password) };
}

/** Creates the casescore database when the cluster has only its defaults. */
async function ensureDatabase(port: number, password: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: clusterUrl(port, password, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    // A standby is read-only and already holds the primary's database.
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

/** Stops the cluster: `fast` rolls back open transactions; `immediate` is a crash, as a power cut would be. */
export function stopCluster(dir: string, mode: 'fast' | 'immediate' = 'fast'): void {
  if (runningPort(dir) === null) return;
  runPostgres('pg_ctl', ['stop', '-D', dataDir(dir), '-m', mode, '-w', '-t', '60']);
}

/** Stops the cluster and removes its folder (tests). */
export function removeCluster(dir: string): void {
  try {
    stopCluster(dir, 'immediate');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The name the primary knows its standby by, in synchronous_standby_names and its replication slot. */
export const STANDBY_NAME = 'casescore_standby';

/**
 * Makes a streaming hot standby of a running primary in `dir` with pg_basebackup, through a replication slot so
 * the primary keeps every WAL segment the standby has not yet received, and starts it on `port`. With
 * `synchronous`, the primary then waits for the standby to have each commit on disk before it answers
 * (synchronous_standby_names), so a batch the server acknowledged survives losing the primary.
 */
export async function startStandby(
  primary: LocalCluster,
  dir: string,
  options: { port?: number; synchronous?: boolean } = {},
): Promise<LocalCluster> {
  mkdirSync(dir, { recursive: true });
  if (isRoot()) chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'password'), `${primary.password}\n`, { mode: 0o600 });
  ownFolder(dataDir(dir));
  const conninfo = `host=127.0.0.1 port=${primary.port} user=${DATABASE_USER} password=${primary.password}`;
  runPostgres('pg_basebackup', [
    '-d',
    conninfo,
    '-D',
    dataDir(dir),
    '-X',
    'stream',
    '-C',
    '-S',
    STANDBY_NAME,
    '-c',
    'fast',
  ]);
  const standbySettings = [
    '',
    `primary_conninfo = '${conninfo} application_name=${STANDBY_NAME}'`,
    `primary_slot_name = '${STANDBY_NAME}'`,
    '',
  ].join('\n');
  writeFileSync(join(dataDir(dir), 'postgresql.auto.conf'), standbySettings, { flag: 'a' });
  writeFileSync(join(dataDir(dir), 'standby.signal'), '');
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(join(dataDir(dir), 'standby.signal'), uid, gid);
  }
  rmSync(join(dataDir(dir), 'postmaster.pid'), { force: true });
  const port = options.port || (await freePort());
  startServerOn(dir, port);
  if (options.synchronous) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: primary.url });
    await client.connect();
    try {
      // `on` (the default) waits for the standby to flush the commit to its disk: enough for nothing
      // acknowledged to be lost when it is promoted. remote_apply would also wait for it to be replayed.
      await client.query(`ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (${STANDBY_NAME})'`);
      await client.query(`ALTER SYSTEM SET synchronous_commit = 'on'`);
      await client.query('SELECT pg_reload_conf()');
    } finally {
      await client.end();
    }
  }
  return { dir, port, password: primary.password, url: clusterUrl(port, primary.password) };
}

/** Promotes a standby to primary (after its primary is lost); it then accepts writes. */
export function promoteStandby(dir: string): void {
  runPostgres('pg_ctl', ['promote', '-D', dataDir(dir), '-w', '-t', '60']);
}
