/**
 * A batch of changes one device sends to the team server (docs/sync.md): the changed items of one inspection in
 * the export format's shape, the range of that device's change counters they cover, and the hash of the device's
 * previous batch, signed with the device's Ed25519 key. The server checks and relays batches; it never merges.
 */
import { z } from 'zod';
import { canonicalJson, signFile, type FileSignature, type SigningKeys } from '../interchange/signature';
import { sha256Hex } from '../interchange/sha256';
import type { ExportedInspection } from '../interchange/schema';
import { ID_PATTERN } from '../text/plain-text';

z.config({ jitless: true });

/** The `format` of a batch of changes. */
export const BATCH_FORMAT = 'casescore.changes';
/** The batch format this build writes and reads. */
export const BATCH_FORMAT_VERSION = 1;
/** The largest batch a server accepts, as sent (bytes of JSON). */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** The most changes (answers, judgements, overrides, commentary, case rows) one batch may carry. */
export const MAX_BATCH_CHANGES = 20_000;
/** The widest counter range one batch may cover. */
export const MAX_COUNTER_SPAN = 1_000_000;

/** A batch as written, before it is signed. */
export interface UnsignedBatch {
  readonly format: typeof BATCH_FORMAT;
  readonly formatVersion: typeof BATCH_FORMAT_VERSION;
  readonly inspectionId: string;
  /** The install that made these changes (its device id). */
  readonly device: string;
  /** The first and last of the device's change counters this batch covers, inclusive. */
  readonly firstCounter: number;
  readonly lastCounter: number;
  /** `batchHash` of this device's previous batch for this inspection, or null for its first. */
  readonly previous: string | null;
  /** When the device made the batch, by its own clock: shown, never compared. */
  readonly createdAt: string;
  /** The inspection in the export format's shape, holding only the changed items. */
  readonly inspection: ExportedInspection;
}

/** A signed batch. */
export type ChangeBatch = UnsignedBatch & { readonly signature: FileSignature };

const counter = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1).max(200).regex(ID_PATTERN, 'expected an id of plain characters');

/** The batch's envelope: everything but the inspection, which the export schema checks. */
export const batchEnvelopeSchema = z.object({
  format: z.literal(BATCH_FORMAT, { message: `expected "${BATCH_FORMAT}"` }),
  formatVersion: z.literal(BATCH_FORMAT_VERSION, {
    message: `expected batch format version ${BATCH_FORMAT_VERSION}`,
  }),
  inspectionId: id,
  device: id,
  firstCounter: counter,
  lastCounter: counter,
  previous: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected the previous batch hash as 64 hex digits')
    .nullable(),
  createdAt: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date and time' }),
  inspection: z.record(z.string(), z.unknown()),
  signature: z.unknown().optional(),
});

/** Signs a batch with the device's keys. */
export function signBatch(batch: UnsignedBatch, keys: SigningKeys): Promise<ChangeBatch> {
  return signFile(batch as unknown as Record<string, unknown>, keys) as unknown as Promise<ChangeBatch>;
}

/**
 * A batch's identity: SHA-256 (hex) of the whole signed batch as canonical JSON. The next batch from the same
 * device names it as `previous`, so the server and every reader can tell a device's batches form one chain.
 */
export function batchHash(batch: unknown): string {
  return sha256Hex(canonicalJson(batch));
}

/** One stamped item in a batch: where it is (in words) and the device and counter it names. */
export interface StampedChange {
  readonly where: string;
  readonly device?: string;
  readonly counter?: number;
  /**
   * A live case's own row: it travels with any of its answers that changed (changes.ts), so its stamp may be
   * older than the batch, as context; only a stamp newer than the batch is out of place.
   */
  readonly context?: boolean;
}

/** Every change a batch's inspection carries, with its stamp, in the order they appear. */
export function changesIn(inspection: ExportedInspection): StampedChange[] {
  const changes: StampedChange[] = [];
  const add = (where: string, item: { device?: string; counter?: number }, context = false) =>
    changes.push({ where, device: item.device, counter: item.counter, ...(context ? { context } : {}) });
  for (const sampled of inspection.cases) {
    const label = sampled.deleted ? `removed case ${sampled.id}` : `case ${sampled.reference}`;
    add(label, sampled, !sampled.deleted);
    if (sampled.deleted) continue;
    for (const [question, answer] of Object.entries(sampled.answers)) {
      add(`${label}, answer to ${question}`, answer);
    }
  }
  for (const [standard, judgement] of Object.entries(inspection.judgements)) {
    add(`the judgement of ${standard}`, judgement);
  }
  for (const [standard, override] of Object.entries(inspection.overrides)) {
    add(`the override of ${standard}`, override);
  }
  for (const [standard, words] of Object.entries(inspection.commentary ?? {})) {
    add(`the commentary on ${standard}`, words);
  }
  return changes;
}

/**
 * The first change stamped by the batch's own device with a counter outside the batch's range, in words, or
 * null. Changes stamped by other devices (a case row another inspector added), and the device's own case rows
 * carried with their changed answers, are context.
 */
export function counterOutsideRange(batch: {
  device: string;
  firstCounter: number;
  lastCounter: number;
  inspection: ExportedInspection;
}): string | null {
  for (const change of changesIn(batch.inspection)) {
    if (change.device !== batch.device || change.counter === undefined) continue;
    if ((change.counter < batch.firstCounter && !change.context) || change.counter > batch.lastCounter) {
      return `${change.where} has counter ${change.counter}, outside the batch's ${batch.firstCounter}–${batch.lastCounter}`;
    }
  }
  return null;
}
