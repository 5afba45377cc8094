/**
 * The team list of each inspection (docs/sync.md). The first list put for an inspection names its lead, whose key
 * must sign every later one; each later list has a higher version. The text is kept as sent, so clients can check
 * the lead's signature themselves.
 */
import type pg from 'pg';
import { canonicalJson, fingerprintOf } from '#shared/interchange';
import { checkRoster, memberWithKey, type Roster, type RosterMember } from '#shared/sync';
import { ApiError } from './http-util';

/** Takes the inspection's lock for the rest of the transaction: its writes happen one at a time. */
export async function lockInspection(client: pg.PoolClient, inspectionId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(1, hashtext($1))', [inspectionId]);
}

/** The team list in force for an inspection, parsed, or null when the server has none. */
export async function currentRoster(
  db: pg.Pool | pg.PoolClient,
  inspectionId: string,
): Promise<{ roster: Roster; body: string; leadKey: string } | null> {
  const result = await db.query<{ body: string; lead_key: string }>(
    `SELECT r.body, i.lead_key FROM rosters r JOIN inspections i ON i.id = r.inspection_id
     WHERE r.inspection_id = $1 ORDER BY r.version DESC LIMIT 1`,
    [inspectionId],
  );
  const row = result.rows[0];
  return row ? { roster: JSON.parse(row.body) as Roster, body: row.body, leadKey: row.lead_key } : null;
}

/**
 * The member a key belongs to in the inspection's team list; 404 when the server has no list for it, 403 when
 * the key is not on it or is revoked.
 */
export async function memberFor(
  db: pg.Pool | pg.PoolClient,
  inspectionId: string,
  publicKey: string,
  doing: string,
): Promise<RosterMember> {
  const current = await currentRoster(db, inspectionId);
  if (!current) {
    throw new ApiError(
      404,
      'unknown-inspection',
      `inspection ${inspectionId} has no team list on this server yet; the lead puts one first`,
    );
  }
  const member = memberWithKey(current.roster, publicKey);
  if (!member) {
    const fingerprint = await fingerprintOf(publicKey);
    throw new ApiError(
      403,
      'not-a-member',
      `key ${fingerprint} is not on the team list of inspection ${inspectionId}, so it may not ${doing}`,
    );
  }
  if (member.revoked) {
    throw new ApiError(
      403,
      'revoked',
      `${member.initials}'s key is revoked on the team list of inspection ${inspectionId}, so it may not ${doing}`,
    );
  }
  return member;
}

/** Checks and stores a team list; says whether it was new or the same list again. */
export async function putRoster(
  pool: pg.Pool,
  inspectionId: string,
  body: unknown,
  text: string,
): Promise<{ version: number; stored: boolean }> {
  const check = await checkRoster(body);
  if (!check.ok) throw new ApiError(400, 'invalid-roster', check.problem);
  const roster = check.roster;
  if (roster.inspectionId !== inspectionId) {
    throw new ApiError(
      400,
      'invalid-roster',
      `the team list is for inspection ${roster.inspectionId}, not ${inspectionId}`,
    );
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await lockInspection(client, inspectionId);
    const current = await currentRoster(client, inspectionId);
    let stored = true;
    if (!current) {
      await client.query('INSERT INTO inspections (id, lead_key) VALUES ($1, $2)', [
        inspectionId,
        roster.signature.publicKey,
      ]);
    } else if (roster.signature.publicKey !== current.leadKey) {
      const fingerprint = await fingerprintOf(current.leadKey);
      throw new ApiError(
        403,
        'not-the-lead',
        `only the lead who started inspection ${inspectionId} on this server (key ${fingerprint}) may change its team list`,
      );
    } else if (roster.version === current.roster.version) {
      if (canonicalJson(roster) !== canonicalJson(current.roster)) {
        throw new ApiError(
          409,
          'roster-version-taken',
          `team list version ${roster.version} is already stored with other members; give the new list version ${roster.version + 1}`,
        );
      }
      stored = false;
    } else if (roster.version < current.roster.version) {
      throw new ApiError(
        409,
        'roster-out-of-date',
        `the server already has team list version ${current.roster.version}; this one is version ${roster.version}`,
      );
    }
    if (stored) {
      await client.query('INSERT INTO rosters (inspection_id, version, body) VALUES ($1, $2, $3)', [
        inspectionId,
        roster.version,
        text,
      ]);
    }
    await client.query('COMMIT');
    return { version: roster.version, stored };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
