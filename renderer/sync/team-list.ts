/**
 * An inspection's team list on the team server, from this device's side: read it (checked: signed by the lead
 * it names), and, for the lead, sign a new version and put it. Requests go through the host's link to the
 * server (the desktop's main process, or the page's own origin).
 */
import { fingerprintOf } from '#shared/interchange';
import {
  checkRoster,
  ROSTER_FORMAT,
  ROSTER_FORMAT_VERSION,
  signRoster,
  type Roster,
  type RosterMember,
} from '#shared/sync';
import { signingKeys } from '../db';
import { readSyncServer } from '../db/sync-state';
import { platform } from '../platform';
import { SyncError, SyncServer } from './server-api';

/** What the server says about an inspection's team list, as this device may see it. */
export type TeamListState =
  | { readonly kind: 'no-server' }
  | { readonly kind: 'not-shared' }
  | { readonly kind: 'not-a-member'; readonly message: string }
  | { readonly kind: 'unreachable'; readonly message: string }
  | {
      readonly kind: 'shared';
      readonly roster: Roster;
      readonly leadFingerprint: string;
      readonly own: boolean;
    };

async function server(): Promise<SyncServer | null> {
  const url = await readSyncServer();
  if (!url) return null;
  const host = platform();
  await host.teamServer.use(url);
  return new SyncServer(url, await signingKeys(), (input, init) => host.teamServer.fetch(input, init));
}

/** The inspection's team list on the server, and whether this install is its lead. */
export async function readTeamList(inspectionId: string): Promise<TeamListState> {
  const api = await server();
  if (!api) return { kind: 'no-server' };
  try {
    const roster = await api.getRoster(inspectionId);
    const own = roster.signature.publicKey === (await signingKeys()).publicKey;
    return { kind: 'shared', roster, own, leadFingerprint: await fingerprintOf(roster.signature.publicKey) };
  } catch (error) {
    if (error instanceof SyncError && error.code === 'unknown-inspection') return { kind: 'not-shared' };
    if (error instanceof SyncError && (error.code === 'not-a-member' || error.code === 'revoked'))
      return { kind: 'not-a-member', message: error.message };
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
}

/** A member as the lead types them: the key pasted (base64) or taken from the lead's own team list. */
export interface DraftMember {
  readonly initials: string;
  readonly name: string;
  readonly publicKey: string;
  readonly revoked: boolean;
}

/** Whether pasted text is an Ed25519 public key (32 bytes in base64), or what is wrong with it. */
export function keyProblem(text: string): string | null {
  const key = text.trim();
  try {
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(key) && atob(key).length === 32) return null;
  } catch {
    // Not base64: said below.
  }
  return 'Paste the key exactly as the colleague’s Team screen shows it under “This laptop’s key” (44 characters).';
}

/**
 * Signs the next version of the team list with this install's key (the lead's) and puts it on the server.
 * @returns the list as stored, or throws with the problem in words.
 */
export async function publishTeamList(
  inspectionId: string,
  lead: string,
  members: readonly DraftMember[],
  previous: Roster | null,
): Promise<Roster> {
  const api = await server();
  if (!api) throw new Error('Set the team server in Settings first.');
  const roster = await signRoster(
    {
      format: ROSTER_FORMAT,
      formatVersion: ROSTER_FORMAT_VERSION,
      inspectionId,
      version: (previous?.version ?? 0) + 1,
      lead,
      members: members.map((m): RosterMember => ({
        initials: m.initials.trim().toUpperCase(),
        name: m.name.trim() || m.initials.trim().toUpperCase(),
        publicKey: m.publicKey.trim(),
        revoked: m.revoked,
      })),
      createdAt: new Date().toISOString(),
    },
    await signingKeys(),
  );
  // Checked here as the server and every member will check it, so a problem is said before it is sent.
  const check = await checkRoster(roster);
  if (!check.ok) throw new Error(check.problem.replace(/^the team list/, 'The team list'));
  await api.putRoster(roster);
  return roster;
}
