/**
 * Taking in and handing out batches of changes (docs/sync.md). A batch is checked in this order, and refused at
 * the first problem with nothing stored: its signature; that its signer is on the inspection's team list and not
 * revoked; its size; the export schema; its counters continuing the device's last batch without a gap; and its
 * link to that batch. It is then stored in one transaction under the inspection's lock, numbered, and announced
 * (NOTIFY) to readers waiting on any endpoint.
 */
import type pg from 'pg';
import {
  checkSignature,
  FORMAT,
  FORMAT_VERSION,
  InterchangeError,
  validateExport,
} from '#shared/interchange';
import type { ExportedInspection } from '#shared/interchange';
import {
  batchEnvelopeSchema,
  batchHash,
  counterOutsideRange,
  MAX_BATCH_CHANGES,
  MAX_COUNTER_SPAN,
} from '#shared/sync';
import { ApiError } from './http-util';
import { lockInspection, memberFor } from './rosters';

/** The channel endpoints LISTEN on; the payload is "<seq> <inspection id>". */
export const BATCH_CHANNEL = 'casescore_batches';

/** What the server says about a batch it took: its number, and whether it already had it. */
export interface Accepted {
  readonly seq: number;
  readonly duplicate: boolean;
}

interface Envelope {
  inspectionId: string;
  device: string;
  firstCounter: number;
  lastCounter: number;
  previous: string | null;
  createdAt: string;
  inspection: Record<string, unknown>;
}

/** A tolerant count of the changes a batch carries, before the schema has looked at it. */
function countChanges(inspection: Record<string, unknown>): number {
  const size = (value: unknown) =>
    Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : 0;
  let count = size(inspection.judgements) + size(inspection.overrides) + size(inspection.commentary);
  for (const item of Array.isArray(inspection.cases) ? inspection.cases : []) {
    count += 1 + size((item as { answers?: unknown } | null)?.answers);
  }
  return count;
}

/** Checks everything that needs no lock: signature, team list, size, schema. Returns the batch's facts. */
async function checkBatch(
  pool: pg.Pool,
  inspectionId: string,
  body: unknown,
  sessionKey: string,
): Promise<{ envelope: Envelope; signerKey: string }> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'malformed', 'expected a batch of changes: a JSON object');
  }
  const signature = await checkSignature(body);
  if (signature.state === 'unsigned') {
    throw new ApiError(
      400,
      'unsigned',
      'the batch is not signed; every batch is signed by the device that made it',
    );
  }
  if (signature.state === 'changed') {
    throw new ApiError(400, 'bad-signature', `the batch's signature fails: ${signature.problem}`);
  }
  const parsed = batchEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError(
      400,
      'malformed',
      `the batch's ${issue.path.join('.') || 'envelope'} is wrong: ${issue.message}`,
    );
  }
  const envelope = parsed.data as Envelope;
  if (envelope.inspectionId !== inspectionId) {
    throw new ApiError(
      400,
      'malformed',
      `the batch is for inspection ${envelope.inspectionId}, not ${inspectionId}`,
    );
  }
  await memberFor(pool, inspectionId, signature.publicKey, 'send changes');
  if (sessionKey !== signature.publicKey) await memberFor(pool, inspectionId, sessionKey, 'send changes');

  if (envelope.lastCounter < envelope.firstCounter) {
    throw new ApiError(
      400,
      'malformed',
      `the batch's last counter ${envelope.lastCounter} is before its first ${envelope.firstCounter}`,
    );
  }
  if (envelope.lastCounter - envelope.firstCounter >= MAX_COUNTER_SPAN) {
    throw new ApiError(
      413,
      'too-large',
      `the batch covers ${envelope.lastCounter - envelope.firstCounter + 1} counters; at most ${MAX_COUNTER_SPAN} in one batch`,
    );
  }
  const changes = countChanges(envelope.inspection);
  if (changes > MAX_BATCH_CHANGES) {
    throw new ApiError(
      413,
      'too-large',
      `the batch carries ${changes} changes; at most ${MAX_BATCH_CHANGES} in one batch`,
    );
  }

  let inspection: ExportedInspection;
  try {
    // The changed items are an inspection in the export format, so the export's own checks apply, and a
    // problem is named as an import names it (inspection, case reference, question number and words).
    const file = validateExport({
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      exportedAt: envelope.createdAt,
      inspections: [envelope.inspection],
    });
    inspection = file.inspections[0]!;
  } catch (error) {
    if (!(error instanceof InterchangeError)) throw error;
    throw new ApiError(422, 'invalid-changes', `the batch's changes are not valid: ${error.message}`);
  }
  if (inspection.id !== inspectionId) {
    throw new ApiError(
      422,
      'invalid-changes',
      `the batch's changes are for inspection ${inspection.id}, not ${inspectionId}`,
    );
  }
  const outside = counterOutsideRange({ ...envelope, inspection });
  if (outside) throw new ApiError(422, 'invalid-changes', outside);
  return { envelope, signerKey: signature.publicKey };
}

/** Checks a batch and stores it once. Throws ApiError; a contradicting batch is quarantined first (409). */
export async function acceptBatch(
  pool: pg.Pool,
  inspectionId: string,
  body: unknown,
  text: string,
  sessionKey: string,
): Promise<Accepted> {
  const { envelope, signerKey } = await checkBatch(pool, inspectionId, body, sessionKey);
  const hash = batchHash(body);
  const client = await pool.connect();
  let conflict: ApiError | null = null;
  try {
    await client.query('BEGIN');
    await lockInspection(client, inspectionId);
    // Checked again under the lock: a team list put since the first check may have revoked the key.
    await memberFor(client, inspectionId, signerKey, 'send changes');

    const same = await client.query<{ seq: string }>(
      'SELECT seq FROM batches WHERE inspection_id = $1 AND hash = $2 LIMIT 1',
      [inspectionId, hash],
    );
    if (same.rows[0]) {
      await client.query('COMMIT');
      return { seq: Number(same.rows[0].seq), duplicate: true };
    }
    const device = await client.query<{ public_key: string; last_counter: string; last_hash: string }>(
      'SELECT public_key, last_counter, last_hash FROM devices WHERE inspection_id = $1 AND device = $2',
      [inspectionId, envelope.device],
    );
    const head = device.rows[0];
    if (head && head.public_key !== signerKey) {
      throw new ApiError(
        403,
        'device-key-mismatch',
        `device ${envelope.device} sends its changes with another key on this server; a device keeps one key`,
      );
    }
    const lastCounter = head ? Number(head.last_counter) : null;
    if (lastCounter === null) {
      if (envelope.previous !== null) {
        throw new ApiError(
          409,
          'counter-gap',
          `the server has none of device ${envelope.device}'s batches yet, and this one follows an earlier batch: send that first`,
        );
      }
    } else if (envelope.firstCounter <= lastCounter) {
      conflict = await quarantine(
        client,
        inspectionId,
        envelope,
        hash,
        signerKey,
        text,
        `counters ${envelope.firstCounter}–${envelope.lastCounter} of device ${envelope.device} overlap changes already accepted (up to ${lastCounter}) with other content`,
      );
    } else if (envelope.firstCounter > lastCounter + 1) {
      throw new ApiError(
        409,
        'counter-gap',
        `the server has device ${envelope.device}'s changes up to counter ${lastCounter}; this batch starts at ${envelope.firstCounter}, so send counters ${lastCounter + 1}–${envelope.firstCounter - 1} first`,
      );
    } else if (envelope.previous !== head!.last_hash) {
      conflict = await quarantine(
        client,
        inspectionId,
        envelope,
        hash,
        signerKey,
        text,
        `the batch does not follow device ${envelope.device}'s last accepted batch (a copied install, or a history rewritten)`,
      );
    }
    if (conflict) {
      await client.query('COMMIT');
      throw conflict;
    }
    const seqResult = await client.query<{ last_seq: string }>(
      'UPDATE inspections SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq',
      [inspectionId],
    );
    const seq = Number(seqResult.rows[0]!.last_seq);
    await client.query(
      `INSERT INTO batches (inspection_id, seq, device, first_counter, last_counter, hash, signer_key, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        inspectionId,
        seq,
        envelope.device,
        envelope.firstCounter,
        envelope.lastCounter,
        hash,
        signerKey,
        text,
      ],
    );
    await client.query(
      `INSERT INTO devices (inspection_id, device, public_key, last_counter, last_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (inspection_id, device) DO UPDATE SET last_counter = $4, last_hash = $5`,
      [inspectionId, envelope.device, signerKey, envelope.lastCounter, hash],
    );
    await client.query('SELECT pg_notify($1, $2)', [BATCH_CHANNEL, `${seq} ${inspectionId}`]);
    await client.query('COMMIT');
    return { seq, duplicate: false };
  } catch (error) {
    if (error !== conflict) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Keeps a contradicting batch aside (once) and returns the 409 to answer with. */
async function quarantine(
  client: pg.PoolClient,
  inspectionId: string,
  envelope: Envelope,
  hash: string,
  signerKey: string,
  text: string,
  reason: string,
): Promise<ApiError> {
  await client.query(
    `INSERT INTO quarantine (inspection_id, device, first_counter, last_counter, hash, signer_key, reason, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (inspection_id, hash) DO NOTHING`,
    [
      inspectionId,
      envelope.device,
      envelope.firstCounter,
      envelope.lastCounter,
      hash,
      signerKey,
      reason,
      text,
    ],
  );
  return new ApiError(
    409,
    'conflict-quarantined',
    `${reason}; the batch is quarantined for the lead to look at, not relayed`,
  );
}

/** The most batches and bytes one answer carries; a reader asks again from the last one. */
const MAX_BATCHES_PER_PAGE = 500;
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/** Batches after a cursor, as their raw text, within a page's limits. */
export async function batchesAfter(
  db: pg.Pool,
  inspectionId: string,
  after: number,
  limit: number,
): Promise<{ page: { seq: number; body: string }[]; more: boolean }> {
  const wanted = Math.max(1, Math.min(limit, MAX_BATCHES_PER_PAGE));
  const result = await db.query<{ seq: string; body: string }>(
    'SELECT seq, body FROM batches WHERE inspection_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [inspectionId, after, wanted],
  );
  const page: { seq: number; body: string }[] = [];
  let bytes = 0;
  for (const row of result.rows) {
    bytes += row.body.length;
    if (page.length > 0 && bytes > MAX_PAGE_BYTES) break;
    page.push({ seq: Number(row.seq), body: row.body });
  }
  return { page, more: page.length < result.rows.length || result.rows.length === wanted };
}

/** The answer to a pull: `{"inspectionId", "batches":[{"seq","batch"}], "last", "more"}`, each batch as sent. */
export function pageAsJson(
  inspectionId: string,
  after: number,
  page: { seq: number; body: string }[],
  more: boolean,
): string {
  const items = page.map((item) => `{"seq":${item.seq},"batch":${item.body}}`).join(',');
  const last = page.length ? page[page.length - 1]!.seq : after;
  return `{"inspectionId":${JSON.stringify(inspectionId)},"batches":[${items}],"last":${last},"more":${more}}`;
}

/**
 * The batches quarantined for an inspection, for its lead: each with why, when it came and the batch as sent.
 * Only the lead's key may read them (403 otherwise): they may hold a copied laptop's changes.
 */
export async function quarantined(db: pg.Pool, inspectionId: string, publicKey: string): Promise<string> {
  const lead = await db.query<{ lead_key: string }>('SELECT lead_key FROM inspections WHERE id = $1', [
    inspectionId,
  ]);
  if (lead.rows[0]?.lead_key !== publicKey) {
    throw new ApiError(
      403,
      'not-the-lead',
      `only the lead of inspection ${inspectionId} may see its quarantined batches`,
    );
  }
  const rows = await db.query<{
    device: string;
    first_counter: string;
    last_counter: string;
    reason: string;
    received_at: Date;
    body: string;
  }>(
    `SELECT device, first_counter, last_counter, reason, received_at, body FROM quarantine
     WHERE inspection_id = $1 ORDER BY id LIMIT 500`,
    [inspectionId],
  );
  const items = rows.rows.map(
    (row) =>
      `{"device":${JSON.stringify(row.device)},"firstCounter":${Number(row.first_counter)},"lastCounter":${Number(row.last_counter)},` +
      `"reason":${JSON.stringify(row.reason)},"receivedAt":${JSON.stringify(row.received_at.toISOString())},"batch":${row.body}}`,
  );
  return `{"inspectionId":${JSON.stringify(inspectionId)},"quarantined":[${items.join(',')}]}`;
}
