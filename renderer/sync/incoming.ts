/**
 * The merge planner's side of syncing (`IncomingChanges` in engine.ts): each pulled batch is checked again as
 * an export (the same checks as a file), read as a file signed by its member, and planned by the same planner
 * as an import. What a verified member's batch replaces is taken at once; a batch with anything else (a
 * conflict, a removal, a change from a revoked member) waits in the team inbox for the lead, after its taken
 * part is applied. Every waiting batch is planned again whenever more arrive, so a resolution made on another
 * device (the lead's, which replaces both versions) closes it here too.
 */
import {
  FORMAT,
  FORMAT_VERSION,
  fingerprintOf,
  validateExport,
  type ExportFile,
  type SignatureCheck,
} from '#shared/interchange';
import { dotOf, takesAnything, waitsForLead, type MergePlan } from '#shared/merge';
import { changesIn, counterOutsideRange, memberWithKey, type ChangeBatch, type Roster } from '#shared/sync';
import { applyImport, planImport, readInitials, type FileSource } from '../db';
import { readTeamInbox, writeTeamInbox, type TeamInboxEntry } from '../db/team-inbox';
import type { InboxBatch } from '../db/sync-state';
import type { IncomingChanges } from './engine';

/** A waiting batch as an import: the file its changes make, its signature and who it comes from. */
export function asImport(entry: TeamInboxEntry): {
  file: ExportFile;
  signature: SignatureCheck;
  source: FileSource;
  label: string;
} {
  const { batch } = entry;
  const file = validateExport({
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: batch.createdAt,
    inspections: [batch.inspection],
  });
  const publicKey = batch.signature.publicKey;
  return {
    file,
    signature: { state: 'verified', publicKey, fingerprint: entry.fingerprint },
    source: {
      verified: entry.verified,
      signedBy: entry.fingerprint,
      publicKey,
      initials: entry.signedBy,
      ...(entry.name ? { name: entry.name } : {}),
    },
    label: `changes from ${entry.signedBy} through the team server`,
  };
}

/**
 * Whether a batch says only what its device could have made: every change it carries (case rows aside, which
 * travel as context with their answers) stamped by the batch's own device, within its counters. A member who
 * signs changes stamped as another laptop's, or outside the range the server checked, is not believed: the whole
 * batch waits for the lead.
 */
export function claimsOnlyItsOwn(batch: ChangeBatch): boolean {
  if (counterOutsideRange(batch)) return false;
  return changesIn(batch.inspection).every(
    (change) =>
      change.context ||
      (change.device === batch.device &&
        change.counter !== undefined &&
        change.counter >= batch.firstCounter &&
        change.counter <= batch.lastCounter),
  );
}

/** What a batch changes, counted in words for the team inbox: "3 answers, 1 removed case". */
export function changeSummary(batch: ChangeBatch): string {
  const { cases, judgements, overrides, commentary } = batch.inspection;
  let answers = 0;
  let removed = 0;
  for (const sampled of cases) {
    if (sampled.deleted) removed += 1;
    else answers += Object.keys(sampled.answers).length;
  }
  const counts: [number, string, string][] = [
    [answers, 'answer', 'answers'],
    [removed, 'removed case', 'removed cases'],
    [Object.keys(judgements).length, 'judgement', 'judgements'],
    [Object.keys(overrides).length, 'override', 'overrides'],
    [Object.keys(commentary ?? {}).length, 'commentary', 'commentaries'],
  ];
  const parts = counts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return parts.length ? parts.join(', ') : 'case details only';
}

/**
 * Whether the plan would take, on the batch's word, a version stamped by another laptop than the batch's: a
 * case row's details or status travel with its answers as context, so a member could otherwise pass off an
 * edit as a colleague's newer one. Such a batch waits until that laptop's own batch has brought the version.
 */
function takesAnotherLaptops(plan: MergePlan, batch: ChangeBatch): boolean {
  return plan.inspections.some((inspection) =>
    inspection.items.some((item) => {
      const dot = dotOf(item.theirs.version);
      return item.group === 'taken' && dot !== null && dot.device !== batch.device;
    }),
  );
}

const RELAYED = 'carries changes stamped as another laptop’s';

/** Why a batch is not believed on its own, in words for the lead, or undefined when it is. */
function doubtAbout(pulled: InboxBatch, roster: Roster): string | undefined {
  const member = memberWithKey(roster, pulled.batch.signature.publicKey);
  if (!member) return 'not on the team list now';
  if (member.revoked) return 'revoked on the team list';
  if (pulled.otherKey) return 'sent as a laptop that signed with another key before';
  if (!claimsOnlyItsOwn(pulled.batch)) return RELAYED;
  return undefined;
}

async function entryOf(inspectionId: string, pulled: InboxBatch, roster: Roster): Promise<TeamInboxEntry> {
  const member = memberWithKey(roster, pulled.batch.signature.publicKey);
  const { seq, hash, signedBy, batch, otherKey } = pulled;
  const doubt = doubtAbout(pulled, roster);
  return {
    seq,
    hash,
    signedBy,
    batch,
    ...(otherKey ? { otherKey } : {}),
    inspectionId,
    verified: !doubt,
    ...(doubt ? { doubt } : {}),
    fingerprint: await fingerprintOf(pulled.batch.signature.publicKey),
    ...(member?.name ? { name: member.name } : {}),
  };
}

/** The planner plugged into the sync engine, writing in the name of whoever uses the app. */
export function teamIncoming(): IncomingChanges {
  return {
    async receive(inspectionId, batches, roster) {
      // What waits is checked again against the team list as it is now: a member revoked since is no
      // longer believed, even for a batch that waited while they were trusted.
      const waiting: TeamInboxEntry[] = [];
      for (const entry of await readTeamInbox(inspectionId))
        waiting.push(await entryOf(inspectionId, entry, roster));
      for (const pulled of batches) {
        if (!waiting.some((w) => w.hash === pulled.hash))
          waiting.push(await entryOf(inspectionId, pulled, roster));
      }
      waiting.sort((a, b) => a.seq - b.seq);
      const by = (await readInitials()) ?? 'team server';
      // In the server's order; once something is taken, what still waits is planned again, since a later
      // batch (the lead's resolution) can settle an earlier one.
      let still = waiting;
      for (let pass = 0, changed = true; changed && pass < 3; pass++) {
        changed = false;
        const next: TeamInboxEntry[] = [];
        for (let entry of still) {
          try {
            let { file, source, label } = asImport(entry);
            let plan = await planImport(file, source);
            if (takesAnotherLaptops(plan, entry.batch)) {
              entry = { ...entry, verified: false, doubt: RELAYED };
              ({ file, source, label } = asImport(entry));
              plan = await planImport(file, source);
            }
            if (takesAnything(plan)) {
              await applyImport(file, { choices: {}, clashes: {} }, by, label, source, { takenOnly: true });
              changed = true;
            }
            if (waitsForLead(plan)) next.push(entry);
          } catch (error) {
            // One batch that cannot be read or merged here (another framework, a newer format) waits for the
            // lead with the reason; thrown, it would stop every round for this inspection, again and again.
            next.push({ ...entry, problem: error instanceof Error ? error.message : String(error) });
          }
        }
        still = next;
      }
      await writeTeamInbox(inspectionId, still);
      return batches.map((b) => b.hash);
    },
  };
}
