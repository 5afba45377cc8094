/**
 * One round of syncing an inspection with the team server (docs/sync.md): cut this device's new changes into a
 * signed batch and put it in the outbox; push the outbox in order; pull the others' batches into the inbox; and
 * hand the inbox to the merge planner. Each step is written to storage before the next, so a round cut short
 * (the network gone, the app closed) carries on where it stopped and never sends a change twice under two
 * counters.
 *
 * The engine decides nothing about what a pulled change does: that is the merge planner's, the same one that
 * reads imported files (see `IncomingChanges`).
 */
import { fingerprintOf, type SigningKeys } from '#shared/interchange';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  batchHash,
  changesSince,
  highestCounter,
  signBatch,
  type Roster,
} from '#shared/sync';
import type { InboxBatch, SyncState, SyncStorage } from '../db/sync-state';
import { SyncError, type SyncServer } from './server-api';

/**
 * The merge planner's side of syncing. `receive` is given the inbox (batches checked as signed by members of the
 * team list, in the server's order) and returns the hashes of the batches it has dealt with: taken into the
 * inspection, or put in the team inbox on the import-review screen for the lead. Those leave the sync inbox; the
 * rest are offered again next round.
 */
export interface IncomingChanges {
  receive(inspectionId: string, batches: readonly InboxBatch[], roster: Roster): Promise<readonly string[]>;
}

/** How a round ended, for the status line. */
export type RoundOutcome =
  | { readonly kind: 'synced' }
  | { readonly kind: 'not-shared' }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

export interface SyncDeps {
  readonly server: SyncServer;
  readonly storage: SyncStorage;
  readonly keys: SigningKeys;
  readonly incoming?: IncomingChanges;
  /** The lead's key this device already trusts, when it knows it; the team list must be signed by it. */
  readonly trustedLeadKey?: (inspectionId: string) => string | undefined;
  /**
   * Whether this device trusts the lead who signed the team list (its own key, or one on its team list whose
   * fingerprint was checked); when it does not, the round stops before anything is sent or taken.
   */
  readonly trustsLead?: (roster: Roster) => Promise<boolean>;
  readonly now?: () => Date;
}

const unreachable = (error: unknown): boolean =>
  error instanceof TypeError || (error instanceof SyncError && error.status >= 500);

/** Puts this device's changes since its last batch into a signed batch at the end of the outbox. */
export async function fillOutbox(inspectionId: string, deps: SyncDeps): Promise<SyncState> {
  const local = await deps.storage.snapshot(inspectionId);
  const state = await deps.storage.readState(inspectionId);
  if (!local.inspection || !local.device) return state;
  const changes = changesSince(local.inspection, local.device, state.sent);
  if (!changes) return state;
  const lastCounter = highestCounter(changes, local.device);
  const batch = await signBatch(
    {
      format: BATCH_FORMAT,
      formatVersion: BATCH_FORMAT_VERSION,
      inspectionId,
      device: local.device,
      firstCounter: state.sent + 1,
      lastCounter,
      previous: state.previous,
      createdAt: (deps.now?.() ?? new Date()).toISOString(),
      inspection: changes,
    },
    deps.keys,
  );
  // Written only if no other round cut a batch meanwhile (two windows): the chain must not fork.
  return deps.storage.updateState(inspectionId, (current) =>
    current.sent !== state.sent
      ? current
      : { ...current, sent: lastCounter, previous: batchHash(batch), outbox: [...current.outbox, batch] },
  );
}

/** One round for one inspection. Never throws for the network or a refusal: it says what happened. */
export async function syncRound(inspectionId: string, deps: SyncDeps): Promise<RoundOutcome> {
  // The server names an inspection by its id; an inspector knows it by its name.
  const inWords = async (message: string) => {
    const name = (await deps.storage.snapshot(inspectionId).catch(() => null))?.inspection?.name;
    return name ? message.split(`inspection ${inspectionId}`).join(name) : message;
  };
  try {
    // An inspection already shared keeps cutting its changes into the outbox, reachable or not; one not yet
    // known to be shared asks for its team list first, so it keeps no state unless it is.
    const shared = (await deps.storage.inspectionIds()).includes(inspectionId);
    if (shared) await fillOutbox(inspectionId, deps);
    const roster = await deps.server.getRoster(inspectionId, deps.trustedLeadKey?.(inspectionId));
    if (deps.trustsLead && !(await deps.trustsLead(roster))) {
      const lead = roster.members.find((m) => m.initials === roster.lead);
      return {
        kind: 'refused',
        message: `the team list of ${await inWords(`inspection ${inspectionId}`)} is signed by ${roster.lead} with key ${await fingerprintOf(roster.signature.publicKey)}, which is not on your team list: check it with ${lead?.name ?? roster.lead} by phone and trust it on the inspection’s Team screen`,
      };
    }
    // A server may not hand back an older list than one already used here: that would un-revoke a key.
    const seen = (await deps.storage.readState(inspectionId)).rosterVersion ?? 0;
    if (roster.version < seen) {
      return {
        kind: 'refused',
        message: `the team server sent version ${roster.version} of the team list of ${await inWords(`inspection ${inspectionId}`)}, older than version ${seen} already used on this laptop: nothing was sent or taken; tell the lead`,
      };
    }
    const state = await fillOutbox(inspectionId, deps);
    for (const batch of state.outbox) {
      await deps.server.pushBatch(batch);
      await deps.storage.updateState(inspectionId, (current) => ({
        ...current,
        outbox: current.outbox.filter((b) => b !== batch && batchHash(b) !== batchHash(batch)),
      }));
    }
    const device = (await deps.storage.snapshot(inspectionId)).device;
    for (let more = true; more;) {
      const { cursor } = await deps.storage.readState(inspectionId);
      const page = await deps.server.pull(inspectionId, cursor, roster, 0, 200);
      // A server that says more follow but moves the cursor no further would keep this loop asking forever.
      if (!(page.last >= cursor) || (page.more && page.last === cursor)) {
        throw new SyncError(
          0,
          'malformed',
          `the team server's pages of changes do not move on past ${cursor}`,
        );
      }
      await deps.storage.updateState(inspectionId, (current) => {
        // A device keeps the key it first signed with here; a batch claiming it under another key is marked.
        const deviceKeys: Record<string, string> = { ...current.deviceKeys };
        const theirs: InboxBatch[] = [];
        for (const { seq, hash, signedBy, batch } of page.batches) {
          if (batch.device === device) continue;
          const key = batch.signature.publicKey;
          deviceKeys[batch.device] ??= key;
          theirs.push({
            seq,
            hash,
            signedBy,
            batch,
            ...(deviceKeys[batch.device] !== key ? { otherKey: true } : {}),
          });
        }
        return {
          ...current,
          cursor: page.last,
          rosterVersion: Math.max(current.rosterVersion ?? 0, roster.version),
          deviceKeys,
          inbox: [...current.inbox, ...theirs.filter((b) => !current.inbox.some((i) => i.hash === b.hash))],
        };
      });
      more = page.more;
    }
    const { inbox } = await deps.storage.readState(inspectionId);
    if (deps.incoming && inbox.length > 0) {
      const dealt = new Set(await deps.incoming.receive(inspectionId, inbox, roster));
      await deps.storage.updateState(inspectionId, (current) => ({
        ...current,
        inbox: current.inbox.filter((b) => !dealt.has(b.hash)),
      }));
    }
    await deps.storage.updateState(inspectionId, (current) => ({
      ...current,
      lastSyncedAt: (deps.now?.() ?? new Date()).toISOString(),
    }));
    return { kind: 'synced' };
  } catch (error) {
    // No team list here, or one that does not name this device: not shared with it.
    if (error instanceof SyncError && (error.code === 'unknown-inspection' || error.code === 'not-a-member'))
      return { kind: 'not-shared' };
    if (unreachable(error)) {
      return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
    }
    if (error instanceof SyncError) return { kind: 'refused', message: await inWords(error.message) };
    throw error;
  }
}
