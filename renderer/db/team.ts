/**
 * The lead's team list: who is trusted to send changes, each as initials, a name and the fingerprint of the key
 * that signs their files. A file signed by a key on the list (or by this install's own) is verified: what it
 * replaces is taken without asking. The first file from a new key asks to trust it, showing the fingerprint to
 * check by phone. Kept in the settings table; every change audited.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { fingerprintOf } from '#shared/interchange';
import { database } from './database';
import { SaveError } from './errors';
import { audited } from './write';

/** The settings key of the team list. */
export const TEAM_KEY = 'team';

/** One trusted colleague. */
export interface TeamMember {
  readonly fingerprint: string;
  readonly publicKey: string;
  readonly initials: string;
  readonly name?: string;
  readonly trustedAt: string;
  readonly trustedBy: string;
}

function isMember(value: unknown): value is TeamMember {
  const m = value as TeamMember;
  return (
    m !== null &&
    typeof m === 'object' &&
    typeof m.fingerprint === 'string' &&
    typeof m.publicKey === 'string' &&
    typeof m.initials === 'string'
  );
}

/** The team list, in the order members were added. */
export async function readTeam(): Promise<TeamMember[]> {
  const stored = (await database().settings.get(TEAM_KEY))?.value;
  return Array.isArray(stored) ? stored.filter(isMember) : [];
}

/** The team member whose key has this fingerprint, if any. */
export async function teamMemberByKey(publicKey: string): Promise<TeamMember | undefined> {
  return (await readTeam()).find((m) => m.publicKey === publicKey);
}

/**
 * Adds a colleague's key to the team list (or renames them, when the key is there already). The audit trail
 * records who trusted which fingerprint and when.
 */
export async function trustKey(
  entry: { publicKey: string; initials: string; name?: string },
  by: string,
): Promise<TeamMember> {
  const initials = entry.initials.trim().toUpperCase();
  if (!initials) throw new SaveError('Enter the initials of the colleague this key belongs to.');
  const fingerprint = await fingerprintOf(entry.publicKey);
  const db = database();
  return audited(by, [db.settings], async (write) => {
    const team = await readTeam();
    const name = entry.name?.trim();
    const member: TeamMember = {
      fingerprint,
      publicKey: entry.publicKey,
      initials,
      ...(name ? { name } : {}),
      trustedAt: write.at,
      trustedBy: by,
    };
    const others = team.filter((m) => m.publicKey !== entry.publicKey);
    await db.settings.put({ key: TEAM_KEY, value: [...others, member] });
    await write.record({
      inspectionId: '',
      action: 'team',
      key: fingerprint,
      before: null,
      after: { initials, name },
    });
    return member;
  });
}

/** Takes a key off the team list: its files are unverified from now on. */
export async function distrustKey(fingerprint: string, by: string): Promise<void> {
  const db = database();
  await audited(by, [db.settings], async (write) => {
    const team = await readTeam();
    const member = team.find((m) => m.fingerprint === fingerprint);
    if (!member) return;
    await db.settings.put({ key: TEAM_KEY, value: team.filter((m) => m.fingerprint !== fingerprint) });
    await write.record({
      inspectionId: '',
      action: 'team',
      key: fingerprint,
      before: { initials: member.initials, name: member.name },
      after: null,
    });
  });
}

/** The team list, kept current as it changes (in this window or another). */
export function useTeam(): TeamMember[] | undefined {
  return useLiveQuery(readTeam, []);
}
