// The attacks a careless or hostile colleague could make on a merge, as files (tests/fixtures/attacks, made by
// generate.ts there), each planned by the `merge` command against the lead's signed export: none is taken
// without asking; each shows as changes to review or conflicts, or is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMerge } from '../../cli/merge-command';
import { fingerprintOf } from '#shared/interchange';

const DIR = 'tests/fixtures/attacks';
const NOW = new Date('2026-11-03T00:00:00.000Z');
const read = (path: string) => readFileSync(path, 'utf8');

interface PlanItem {
  kind: string;
  reference?: string;
  question?: string;
  detail?: string;
  mine: { value: unknown } | null;
  theirs: { value: unknown };
  unseen?: string[];
  aheadOfClock?: boolean;
}
interface PlanJson {
  source: { verified: boolean; signedBy: string };
  inspections: {
    taken: PlanItem[];
    toReview: PlanItem[];
    conflicts: PlanItem[];
    auditClaims: number;
    auditClaimsLeftOut: number;
  }[];
}

async function plan(name: string, ...extra: string[]): Promise<PlanJson> {
  const outcome = await runMerge([`${DIR}/mine.json`, `${DIR}/${name}`, '--json', ...extra], read, NOW);
  expect(outcome.stderr).toBe('');
  expect(outcome.exitCode).toBe(0);
  return JSON.parse(outcome.stdout) as PlanJson;
}

describe('merge attacks, as files', () => {
  it('shows a colleague’s case detail changes side by side, taken only once her key is trusted', async () => {
    const unknown = await plan('case-details.json');
    expect(unknown.source.verified).toBe(false);
    const [inspection] = unknown.inspections;
    expect(inspection!.taken).toEqual([]);
    expect(inspection!.toReview.map((i) => [i.reference, i.detail, i.mine?.value, i.theirs.value])).toEqual([
      ['CR0001', 'caseType', 'community', 'licence'],
      ['CR0001', 'inspector', 'JD', 'SD'],
      ['CR0001', 'rosh', 'low', 'medium'],
      ['CR0001', 'releasedOnLicence', null, true],
    ]);
    const fingerprint = await fingerprintOf(read(`${DIR}/colleague-fingerprint.txt`).trim());
    const trusted = await plan('case-details.json', '--trust', fingerprint);
    expect(trusted.source.verified).toBe(true);
    expect(trusted.inspections[0]!.taken).toHaveLength(4);
  });

  it('holds back an unsigned file claiming the lead’s initials and later times, flagging the times', async () => {
    const [inspection] = (await plan('same-initials-later.json')).inspections;
    expect(inspection!.taken).toEqual([]);
    expect(inspection!.toReview).toHaveLength(12);
    expect(inspection!.toReview.every((i) => i.aheadOfClock)).toBe(true);
  });

  it('shows the lead’s own device claimed by a file as conflicts when told the device', async () => {
    const [inspection] = (await plan('same-initials-later.json', '--device', 'lead-laptop')).inspections;
    expect(inspection!.toReview).toEqual([]);
    expect(inspection!.conflicts).toHaveLength(12);
    expect(inspection!.conflicts.every((i) => (i as { claimsThisDevice?: boolean }).claimsThisDevice)).toBe(
      true,
    );
  });

  it('holds back forged replaced versions from an unsigned file', async () => {
    const [inspection] = (await plan('forged-replaces.json')).inspections;
    expect(inspection!.taken).toEqual([]);
    expect(inspection!.toReview).toHaveLength(12);
  });

  it('lists removals dated 9999 as removals to review, and one that saw nothing as a conflict naming what is lost', async () => {
    const [inspection] = (await plan('tombstones-9999.json')).inspections;
    expect(inspection!.taken).toEqual([]);
    expect(inspection!.toReview.map((i) => [i.kind, i.reference, i.aheadOfClock])).toEqual([
      ['removal', 'CR0001', true],
      ['removal', 'CR0002', true],
    ]);
    expect(inspection!.conflicts).toEqual([
      expect.objectContaining({
        kind: 'removal',
        reference: 'CR0003',
        unseen: expect.arrayContaining(['the answer to assessment.engagement']),
      }),
    ]);
  });

  it('counts forged audit entries as the file’s claims and leaves out the oversized one', async () => {
    const [inspection] = (await plan('forged-audit.json')).inspections;
    expect([inspection!.auditClaims, inspection!.auditClaimsLeftOut]).toEqual([40, 1]);
  });

  it('makes a "+14:00" time from a device that never saw ours a conflict, even from a trusted key', async () => {
    const fingerprint = await fingerprintOf(read(`${DIR}/colleague-fingerprint.txt`).trim());
    const [inspection] = (await plan('offset-time.json', '--trust', fingerprint)).inspections;
    expect(inspection!.taken).toEqual([]);
    expect(
      inspection!.conflicts.map((i) => [i.reference, i.question, i.mine?.value, i.theirs.value]),
    ).toEqual([['CR0002', 'assessment.safety', 'no', 'yes']]);
  });

  it('refuses a signed file changed after signing, and says so', async () => {
    const outcome = await runMerge([`${DIR}/mine.json`, `${DIR}/tampered.json`], read, NOW);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(
      /tampered.json is not a valid Casescore export: signature: the file was changed after it was signed/,
    );
  });

  it('prints the plan in words, and usage mistakes exit 2', async () => {
    const text = await runMerge([`${DIR}/mine.json`, `${DIR}/tombstones-9999.json`], read, NOW);
    expect(text.stdout).toContain('Not signed: every change waits for review.');
    expect(text.stdout).toContain('CR0003: case removed  (the remover had not seen:');
    expect((await runMerge([`${DIR}/mine.json`], read)).exitCode).toBe(2);
    expect((await runMerge(['a', 'b', '--nope'], read)).stderr).toContain('unknown option --nope');
  });
});
