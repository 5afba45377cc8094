/**
 * The team list for one inspection on the server (docs/sync.md): who may send and read its changes, signed by
 * the lead inspector it names. The server checks it when it is put, and every client checks it again when it
 * reads it, so a server cannot add a member the lead did not sign.
 */
import { z } from 'zod';
import {
  checkSignature,
  fromBase64,
  signFile,
  type FileSignature,
  type SigningKeys,
} from '../interchange/signature';
import { hasHiddenCharacter, ID_PATTERN } from '../text/plain-text';

z.config({ jitless: true });

/** The `format` of a team list. */
export const ROSTER_FORMAT = 'casescore.roster';
export const ROSTER_FORMAT_VERSION = 1;
/** The largest team list a server accepts, as sent (bytes of JSON). */
export const MAX_ROSTER_BYTES = 256 * 1024;

/** One member of the team: their initials and name, their install's public key, and whether it is revoked. */
export interface RosterMember {
  readonly initials: string;
  readonly name: string;
  /** The member's Ed25519 public key, 32 bytes in base64 (as in a signed file's `signature.publicKey`). */
  readonly publicKey: string;
  /** A revoked key may no longer send or read changes; its earlier changes stay. */
  readonly revoked: boolean;
}

/** A team list as written, before it is signed. */
export interface UnsignedRoster {
  readonly format: typeof ROSTER_FORMAT;
  readonly formatVersion: typeof ROSTER_FORMAT_VERSION;
  readonly inspectionId: string;
  /** Each new list has a higher version; the server keeps the highest. */
  readonly version: number;
  /** The lead's initials: the member whose key must sign the list. */
  readonly lead: string;
  readonly members: readonly RosterMember[];
  readonly createdAt: string;
}

export type Roster = UnsignedRoster & { readonly signature: FileSignature };

const visible = (what: string, max: number) =>
  z
    .string()
    .min(1, `expected ${what}`)
    .max(max)
    .refine((text) => !hasHiddenCharacter(text), 'contains an invisible or control character');

export const rosterSchema = z.object({
  format: z.literal(ROSTER_FORMAT, { message: `expected "${ROSTER_FORMAT}"` }),
  formatVersion: z.literal(ROSTER_FORMAT_VERSION, {
    message: `expected team list format version ${ROSTER_FORMAT_VERSION}`,
  }),
  inspectionId: z.string().regex(ID_PATTERN, 'expected an id of plain characters'),
  version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  lead: visible('the lead inspector’s initials', 20),
  members: z
    .array(
      z.object({
        initials: visible('initials', 20),
        name: visible('a name', 200),
        publicKey: z
          .string()
          .refine((key) => fromBase64(key)?.length === 32, 'expected a public key of 32 bytes in base64'),
        revoked: z.boolean(),
      }),
    )
    .min(1, 'expected at least one member')
    .max(500),
  createdAt: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date and time' }),
  signature: z.unknown().optional(),
});

/** Signs a team list with the lead's keys. */
export function signRoster(roster: UnsignedRoster, keys: SigningKeys): Promise<Roster> {
  return signFile(roster as unknown as Record<string, unknown>, keys) as unknown as Promise<Roster>;
}

/** What checking a team list found: the list, or what is wrong with it in words. */
export type RosterCheck =
  { readonly ok: true; readonly roster: Roster } | { readonly ok: false; readonly problem: string };

/**
 * Checks a team list as read (parsed JSON): its shape, unique initials and keys, a valid signature, and that the
 * signer is the lead it names, not revoked. It does not know who the lead should be; callers compare the lead's
 * key with the one they already trust.
 */
export async function checkRoster(value: unknown): Promise<RosterCheck> {
  const parsed = rosterSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, problem: `the team list is not valid: ${where}${issue.message}` };
  }
  const roster = parsed.data as unknown as Roster;
  const initials = new Set<string>();
  const keys = new Set<string>();
  for (const member of roster.members) {
    if (initials.has(member.initials))
      return { ok: false, problem: `the team list names ${member.initials} twice` };
    if (keys.has(member.publicKey))
      return { ok: false, problem: `the team list gives ${member.initials} a key another member has` };
    initials.add(member.initials);
    keys.add(member.publicKey);
  }
  const check = await checkSignature(value);
  if (check.state === 'unsigned') return { ok: false, problem: 'the team list is not signed' };
  if (check.state === 'changed')
    return { ok: false, problem: `the team list's signature fails: ${check.problem}` };
  const lead = roster.members.find((m) => m.initials === roster.lead);
  if (!lead) return { ok: false, problem: `the lead ${roster.lead} is not a member of the team list` };
  if (lead.revoked) return { ok: false, problem: `the lead ${roster.lead} is marked revoked` };
  if (lead.publicKey !== check.publicKey) {
    return {
      ok: false,
      problem: `the team list is signed by key ${check.fingerprint}, not by the lead ${roster.lead}`,
    };
  }
  return { ok: true, roster };
}

/** The member holding a public key, or undefined. */
export function memberWithKey(
  roster: Pick<UnsignedRoster, 'members'>,
  publicKey: string,
): RosterMember | undefined {
  return roster.members.find((m) => m.publicKey === publicKey);
}
