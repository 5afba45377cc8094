// Deciding a merge plan in tests as a lead would in bulk: every item to review and every conflict one way,
// every reference clash one way. And who a file comes from, where a test does not check signatures.
import type { MergePlan, MergeResolutions, MergeSource } from '#shared/merge';

/** A file as if signed by a team member: what it replaces is taken without asking. */
export const TEAM_FILE: MergeSource = { verified: true, signedBy: 'TEST KEY', initials: 'SD' };

/** Decides everything still open: `side` for items and conflicts, `clash` for matching references. */
export function decideAll(
  plan: MergePlan,
  side: 'mine' | 'theirs' = 'theirs',
  clash: 'join' | 'apart' = 'apart',
): MergeResolutions {
  return {
    choices: Object.fromEntries(
      plan.inspections.flatMap((i) => i.items.filter((x) => x.group !== 'taken').map((x) => [x.key, side])),
    ),
    clashes: Object.fromEntries(plan.inspections.flatMap((i) => i.clashes.map((c) => [c.key, clash]))),
  };
}
