/**
 * Erasing for good: what the bin does when it is emptied, and what retention does after a confirm. An erased
 * inspection leaves nothing in the store (its row, cases and audit trail go; one audit entry says who erased it
 * and when, without its name). An erased case leaves a tombstone of id, time and device stamp, so a merge can
 * tell "removed" from "never there"; its audit entries keep who, when and what kind of change without the old
 * or new values, and where the case's reference was written in the inspection's free text (judgement evidence,
 * report commentary, override reasons, other notes and their audit values) it is replaced by "[erased case]".
 *
 * Not reached: backups the app took earlier (files in the backups folder on the desktop, rows in the browser's
 * own backups store). They are separate copies, rotated away as newer backups are written.
 */
import { referenceKey } from '#shared/text';
import { forgetInspectionKeys, inspectionKeySetting } from './at-rest';
import { database } from './database';
import type { AuditEntry, StoredCase } from './entities';
import { SaveError } from './errors';
import { audited } from './write';

/** What replaces an erased case's reference in free text. */
export const ERASED_REFERENCE = '[erased case]';

/** References shorter than this (after spaces are dropped) are not searched for in free text: too many false hits. */
const SHORTEST_REDACTED = 4;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * A pattern finding `reference` in free text as the one reference rule compares them (spaces and letter case
 * ignored), standing on its own (not part of a longer word or number); `null` when it is too short to search.
 */
export function referencePattern(reference: string): RegExp | null {
  const key = referenceKey(reference);
  if ([...key].length < SHORTEST_REDACTED) return null;
  const body = [...key].map(escapeRegExp).join('\\s*');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

/** `value` with every string in it (keys aside) cleared of `pattern`; the same object when nothing matched. */
export function redacted<T>(value: T, pattern: RegExp): T {
  if (typeof value === 'string') {
    const text = value.normalize('NFC');
    pattern.lastIndex = 0;
    return (pattern.test(text) ? text.replace(pattern, ERASED_REFERENCE) : value) as T;
  }
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => redacted(item, pattern));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      // A case's own reference is its identity, not free text: another live case may share it.
      const next = key === 'reference' || key === 'referenceKey' ? item : redacted(item, pattern);
      if (next !== item) changed = true;
      return [key, next] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

/** A case's tombstone: its id, inspection, times and stamps; no reference, details, answers, notes or scoring. */
export function tombstoneOf(sampled: StoredCase): StoredCase {
  return {
    id: sampled.id,
    inspectionId: sampled.inspectionId,
    reference: '',
    referenceKey: '',
    caseType: sampled.caseType,
    attributes: {},
    answers: {},
    createdAt: sampled.createdAt,
    updatedAt: sampled.updatedAt,
    by: sampled.by,
    ...(sampled.device !== undefined ? { device: sampled.device, counter: sampled.counter } : {}),
    deleted: true,
    purged: true,
  };
}

/**
 * Erases a removed case: its row becomes a tombstone, its audit entries lose their values, and its reference is
 * taken out of the inspection's free text (unless a live case of the inspection has the same reference again,
 * when the text may be about that one). Call inside a transaction over inspections, cases and audit.
 */
export async function eraseCase(sampled: StoredCase): Promise<void> {
  const db = database();
  await db.cases.put(tombstoneOf(sampled));
  await db.audit
    .where('inspectionId')
    .equals(sampled.inspectionId)
    .filter((entry) => entry.caseId === sampled.id)
    .modify((entry) => {
      (entry as { before: unknown }).before = null;
      (entry as { after: unknown }).after = null;
    });
  const pattern = referencePattern(sampled.reference);
  if (!pattern) return;
  const others = await db.cases.where('inspectionId').equals(sampled.inspectionId).toArray();
  const key = referenceKey(sampled.reference);
  if (others.some((c) => c.id !== sampled.id && !c.deleted && c.referenceKey === key)) return;
  const inspection = await db.inspections.get(sampled.inspectionId);
  if (inspection) {
    const clean = redacted(inspection, pattern);
    if (clean !== inspection) await db.inspections.put(clean);
  }
  for (const other of others) {
    if (other.id === sampled.id || other.purged) continue;
    const clean = redacted(other, pattern);
    if (clean !== other) await db.cases.put(clean);
  }
  await db.audit
    .where('inspectionId')
    .equals(sampled.inspectionId)
    .modify((entry: AuditEntry) => {
      const before = redacted(entry.before, pattern);
      const after = redacted(entry.after, pattern);
      if (before !== entry.before) (entry as { before: unknown }).before = before;
      if (after !== entry.after) (entry as { after: unknown }).after = after;
    });
}

/**
 * Erases an inspection: its cases, its audit trail, its row and its keys. Call inside a transaction over
 * inspections, cases, audit and settings.
 */
export async function eraseInspection(inspectionId: string): Promise<void> {
  const db = database();
  await db.cases.where('inspectionId').equals(inspectionId).delete();
  await db.audit.where('inspectionId').equals(inspectionId).delete();
  await db.inspections.delete(inspectionId);
  // Its keys for encryption at rest, where there are any: without them no copy encrypted under them opens.
  await db.settings.delete(inspectionKeySetting(inspectionId));
  // Its changes waiting for or pulled from the team server (they hold its case content).
  await db.settings.bulkDelete([`sync:${inspectionId}`, `team-inbox:${inspectionId}`]);
  // And from memory: an old backup's part of it must not open in this window either.
  forgetInspectionKeys(inspectionId);
}

/** The settings key of the erasure log: which inspection ids were erased, when and by whom. */
export const ERASURES_KEY = 'erasures';

/** One line of the erasure log: no name, no content. */
export interface Erasure {
  readonly inspectionId: string;
  readonly at: string;
  readonly by: string;
}

/** The erasure log, oldest first. */
export async function readErasures(): Promise<Erasure[]> {
  const value = (await database().settings.get(ERASURES_KEY))?.value;
  return Array.isArray(value) ? (value as Erasure[]) : [];
}

/**
 * Erases an inspection now, whether or not it is in the bin (the bin's "Delete for good", and retention after
 * its confirm). Its audit trail goes with it; the erasure log in the settings keeps who erased which inspection
 * id and when, nothing of its content.
 */
export async function purgeInspection(inspectionId: string, by: string): Promise<void> {
  const db = database();
  await audited(by, [db.inspections, db.cases], async (write) => {
    if (!(await db.inspections.get(inspectionId))) throw new SaveError('That inspection was already erased.');
    await eraseInspection(inspectionId);
    await logErasure({ inspectionId, at: write.at, by });
  });
}

/** Adds a line to the erasure log; call inside a transaction over the settings. */
export async function logErasure(erasure: Erasure): Promise<void> {
  const db = database();
  const value = (await db.settings.get(ERASURES_KEY))?.value;
  const log = Array.isArray(value) ? (value as Erasure[]) : [];
  await db.settings.put({ key: ERASURES_KEY, value: [...log, erasure] });
}

/** Erases a removed case now (the bin's "Delete for good"); a live case must be removed first. */
export async function purgeCase(caseId: string, by: string): Promise<void> {
  const db = database();
  await audited(by, [db.inspections, db.cases], async (write) => {
    const sampled = await db.cases.get(caseId);
    if (!sampled || sampled.purged) throw new SaveError('That case was already erased.');
    if (!sampled.deleted) throw new SaveError('Remove the case to the bin before erasing it.');
    await eraseCase(sampled);
    await write.record({
      inspectionId: sampled.inspectionId,
      caseId,
      action: 'case-purged',
      before: null,
      after: null,
    });
  });
}
