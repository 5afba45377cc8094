/**
 * Signing in (docs/sync.md): POST /v1/session/challenge hands out a one-time challenge; POST /v1/session takes
 * it back signed with the device's Ed25519 key and answers with a token that works for SESSION_MINUTES. Both are
 * kept in the database (only a hash of the token), so any endpoint can answer any request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { checkSignature } from '#shared/interchange';
import { SESSION_FORMAT } from '#shared/sync';
import { ApiError } from './http-util';

/** How long a token works; the client signs in again when it runs out. */
export const SESSION_MINUTES = 30;
/** How long a challenge may wait to be signed. */
const CHALLENGE_SECONDS = 120;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new one-time challenge. Old ones and expired sessions are cleared as it goes. */
export async function newChallenge(pool: pg.Pool): Promise<{ challenge: string; expiresAt: string }> {
  const challenge = randomBytes(32).toString('base64url');
  const result = await pool.query<{ expires_at: Date }>(
    `WITH cleared AS (DELETE FROM challenges WHERE expires_at < now()),
          ended AS (DELETE FROM sessions WHERE expires_at < now())
     INSERT INTO challenges (challenge, expires_at) VALUES ($1, now() + make_interval(secs => $2))
     RETURNING expires_at`,
    [challenge, CHALLENGE_SECONDS],
  );
  return { challenge, expiresAt: result.rows[0]!.expires_at.toISOString() };
}

/** Checks a signed challenge and opens a session for its key. */
export async function openSession(
  pool: pg.Pool,
  body: unknown,
): Promise<{ token: string; expiresAt: string; publicKey: string }> {
  const request = body as { format?: unknown; challenge?: unknown } | null;
  if (!request || typeof request !== 'object' || request.format !== SESSION_FORMAT) {
    throw new ApiError(400, 'malformed', `expected a signed "${SESSION_FORMAT}" request`);
  }
  if (typeof request.challenge !== 'string' || request.challenge.length > 200) {
    throw new ApiError(400, 'malformed', 'expected the challenge the server gave');
  }
  const check = await checkSignature(body);
  if (check.state === 'unsigned') throw new ApiError(400, 'unsigned', 'the sign-in request is not signed');
  if (check.state === 'changed') {
    throw new ApiError(400, 'bad-signature', `the sign-in request's signature fails: ${check.problem}`);
  }
  // Deleting it uses it up: a challenge signs in once, on whichever endpoint sees it first.
  const used = await pool.query('DELETE FROM challenges WHERE challenge = $1 AND expires_at >= now()', [
    request.challenge,
  ]);
  if (used.rowCount !== 1) {
    throw new ApiError(
      401,
      'unknown-challenge',
      'the challenge is unknown, used or expired; ask for a new one',
    );
  }
  const token = randomBytes(32).toString('base64url');
  const result = await pool.query<{ expires_at: Date }>(
    `INSERT INTO sessions (token_hash, public_key, expires_at)
     VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING expires_at`,
    [hashToken(token), check.publicKey, SESSION_MINUTES],
  );
  return { token, expiresAt: result.rows[0]!.expires_at.toISOString(), publicKey: check.publicKey };
}

/** The public key a request's bearer token was issued to; 401 without a valid one. */
export async function authenticate(pool: pg.Pool, request: IncomingMessage): Promise<string> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
  if (!match) throw new ApiError(401, 'no-session', 'sign in first: POST /v1/session, then send its token');
  const result = await pool.query<{ public_key: string }>(
    'SELECT public_key FROM sessions WHERE token_hash = $1 AND expires_at >= now()',
    [hashToken(match[1]!)],
  );
  const row = result.rows[0];
  if (!row)
    throw new ApiError(401, 'session-expired', 'the session token is unknown or expired; sign in again');
  return row.public_key;
}
