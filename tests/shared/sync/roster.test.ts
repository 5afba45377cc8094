// A team list is valid only when signed by the lead it names, with unique initials and keys.
import { describe, expect, it } from 'vitest';
import { makeSigningKeys } from '#shared/interchange';
import { checkRoster, memberWithKey, signRoster, type UnsignedRoster } from '#shared/sync';

async function team() {
  const lead = await makeSigningKeys();
  const member = await makeSigningKeys();
  const roster: UnsignedRoster = {
    format: 'casescore.roster',
    formatVersion: 1,
    inspectionId: 'insp-1',
    version: 1,
    lead: 'MK',
    members: [
      { initials: 'MK', name: 'Maya Khan', publicKey: lead.publicKey, revoked: false },
      { initials: 'JD', name: 'Jo Doyle', publicKey: member.publicKey, revoked: false },
    ],
    createdAt: '2026-11-02T09:00:00.000Z',
  };
  return { lead, member, roster };
}

describe('checkRoster', () => {
  it('accepts a list signed by its lead', async () => {
    const { lead, roster } = await team();
    const check = await checkRoster(await signRoster(roster, lead));
    expect(check.ok).toBe(true);
    expect(memberWithKey(roster, lead.publicKey)?.initials).toBe('MK');
  });

  it('says what is wrong with any other list', async () => {
    const { lead, member, roster } = await team();
    const problem = async (value: unknown) => {
      const check = await checkRoster(value);
      return check.ok ? 'ok' : check.problem;
    };
    expect(await problem({ ...roster })).toBe('the team list is not signed');
    expect(await problem(await signRoster(roster, member))).toMatch(
      /^the team list is signed by key [0-9A-F ]+, not by the lead MK$/,
    );
    expect(await problem({ ...(await signRoster(roster, lead)), version: 2 })).toBe(
      "the team list's signature fails: the file was changed after it was signed",
    );
    expect(await problem(await signRoster({ ...roster, lead: 'ZZ' }, lead))).toBe(
      'the lead ZZ is not a member of the team list',
    );
    const revoked = roster.members.map((m) => (m.initials === 'MK' ? { ...m, revoked: true } : m));
    expect(await problem(await signRoster({ ...roster, members: revoked }, lead))).toBe(
      'the lead MK is marked revoked',
    );
    const sameKey = [roster.members[0]!, { ...roster.members[1]!, publicKey: lead.publicKey }];
    expect(await problem(await signRoster({ ...roster, members: sameKey }, lead))).toBe(
      'the team list gives JD a key another member has',
    );
    expect(await problem({ ...roster, members: [] })).toBe(
      'the team list is not valid: members: expected at least one member',
    );
    expect(await problem({ ...roster, members: [{ ...roster.members[0]!, publicKey: 'short' }] })).toMatch(
      /members\.0\.publicKey: expected a public key of 32 bytes in base64/,
    );
  });
});
