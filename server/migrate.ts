/**
 * Schema migrations: the numbered SQL files in server/migrations/, applied in order on start, each in its own
 * transaction and recorded in schema_migrations. An advisory lock makes endpoints that start together take
 * turns, so each file runs once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

const MIGRATIONS = join(import.meta.dirname, 'migrations');
/** Any fixed number: the lock's name among this database's advisory locks. */
const MIGRATION_LOCK = 727_001;

/** The migration files, by number: 0001_batches.sql → 1. */
export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(MIGRATIONS)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 4)),
      name,
      sql: readFileSync(join(MIGRATIONS, name), 'utf8'),
    }));
}

/** Applies every migration not yet applied; returns the names of those it applied. */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (row) => row.version,
      ),
    );
    for (const migration of migrationFiles()) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}

/**
 * Makes the batches' partitions for this year and next (ahead of need, so rows never land in the default
 * partition, which would then block making that year's table).
 */
export async function ensureYearPartitions(pool: pg.Pool, now = new Date()): Promise<void> {
  const year = now.getUTCFullYear();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // The same lock as migrations: two endpoints starting together would otherwise race to make one table.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    for (const y of [year, year + 1]) {
      await client.query(
        `CREATE TABLE IF NOT EXISTS batches_${y} PARTITION OF batches
           FOR VALUES FROM ('${y}-01-01 00:00:00+00') TO ('${y + 1}-01-01 00:00:00+00')`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
