/**
 * The team inbox: batches pulled from the team server that carry changes the merge planner did not take on its
 * own (conflicts, removals, changes from a revoked member), kept until the lead resolves them on the import
 * review screen. One settings row per inspection (`team-inbox:<inspection id>`), written whole; no schema change.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { database, type CasescoreDatabase } from './database';
import type { InboxBatch } from './sync-state';

const PREFIX = 'team-inbox:';

/** A batch waiting for the lead, with what the client checked about it. */
export interface TeamInboxEntry extends InboxBatch {
  /** The inspection it is for. */
  readonly inspectionId: string;
  /** Its signer is on the team list and not revoked. */
  readonly verified: boolean;
  /** The signer's key fingerprint and name on the team list. */
  readonly fingerprint: string;
  readonly name?: string;
  /** Why the batch is not believed on its own, in words, when it is not verified. */
  readonly doubt?: string;
  /** Why it could not be planned here (another framework, a format this build cannot read), in words. */
  readonly problem?: string;
}

/** A waiting batch as the lead sees it: with the inspection's name as held here, not as the batch claims it. */
export type TeamInboxRow = TeamInboxEntry & { readonly inspectionName: string };

/** One inspection's waiting batches, in the server's order. */
export async function readTeamInbox(
  inspectionId: string,
  db: CasescoreDatabase = database(),
): Promise<TeamInboxEntry[]> {
  const value = (await db.settings.get(PREFIX + inspectionId))?.value;
  return Array.isArray(value) ? (value as TeamInboxEntry[]) : [];
}

/** Every inspection's waiting batches. */
export async function readAllTeamInboxes(db: CasescoreDatabase = database()): Promise<TeamInboxEntry[]> {
  const rows = await db.settings.where('key').startsWith(PREFIX).toArray();
  return rows.flatMap((row) => (Array.isArray(row.value) ? (row.value as TeamInboxEntry[]) : []));
}

/** Replaces one inspection's waiting batches (an empty list removes the row). */
export async function writeTeamInbox(
  inspectionId: string,
  entries: readonly TeamInboxEntry[],
  db: CasescoreDatabase = database(),
): Promise<void> {
  if (entries.length === 0) await db.settings.delete(PREFIX + inspectionId);
  else await db.settings.put({ key: PREFIX + inspectionId, value: [...entries] });
}

/** Takes one batch out of the team inbox (the lead has resolved it). */
export async function removeFromTeamInbox(inspectionId: string, hash: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.settings, async () => {
    const entries = await readTeamInbox(inspectionId, db);
    await writeTeamInbox(
      inspectionId,
      entries.filter((e) => e.hash !== hash),
      db,
    );
  });
}

/** Every waiting batch, kept current, named by the inspection held here. */
export function useTeamInbox(): TeamInboxRow[] | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const entries = await readAllTeamInboxes(db);
    const held = await db.inspections.bulkGet([...new Set(entries.map((e) => e.inspectionId))]);
    const names = new Map(held.flatMap((i) => (i ? [[i.id, i.name] as const] : [])));
    return entries.map((e) => ({ ...e, inspectionName: names.get(e.inspectionId) ?? e.inspectionId }));
  }, []);
}
