/**
 * What a merge plan is made of. Every change a file would make is one item, sorted into one of three groups:
 * - `taken`: a change that replaces what is here and comes from a verified team member: applied without asking;
 * - `toReview`: a change from an unverified file (unsigned, or signed by a key not on the team list), and every
 *   removal of a case: applied only if the lead takes it;
 * - `conflicts`: two versions made without knowing of each other, or a removal of something its remover had not
 *   seen: the lead chooses a side.
 * Nothing a file would change is left out of the plan, and Apply changes exactly what the plan lists.
 */
import type { Versioned } from './versions';

/** What kind of thing an item changes. */
export type ItemKind =
  | 'inspection'
  | 'case'
  | 'answer'
  | 'detail'
  | 'status'
  | 'judgement'
  | 'override'
  | 'commentary'
  | 'removal'
  | 'restoration'
  | 'dip-sample'
  | 'second-scoring';

/** Every kind, in the order a review lists them. */
export const ITEM_KINDS: readonly ItemKind[] = [
  'inspection',
  'case',
  'removal',
  'restoration',
  'detail',
  'status',
  'answer',
  'judgement',
  'override',
  'commentary',
  'dip-sample',
  'second-scoring',
];

/** How an item is decided: taken without asking, waiting for the lead to take it, or a choice between sides. */
export type ItemGroup = 'taken' | 'toReview' | 'conflicts';

/** One side of an item as a person reads it: the value, its note, and its version (who, when, where). */
export interface ItemSide {
  readonly value: unknown;
  readonly note?: string;
  readonly version: Versioned;
}

/** One change a file would make. */
export interface MergeItem {
  /** Unique within the plan; resolutions are keyed by it. */
  readonly key: string;
  readonly inspectionId: string;
  readonly kind: ItemKind;
  readonly group: ItemGroup;
  /** Our case it changes (for a reference clash, our case of that reference). */
  readonly caseId?: string;
  /** Their case, where it differs from ours (a reference clash). */
  readonly theirsCaseId?: string;
  readonly reference?: string;
  /** The question id, case detail, standard id or dip sample id. */
  readonly target?: string;
  /** What is here now (absent when the file adds something new). */
  readonly mine?: ItemSide;
  /** What the file has. */
  readonly theirs: ItemSide;
  /** Set when the item belongs to a reference clash and applies only if the lead joins the cases. */
  readonly clashKey?: string;
  /** For a removal or restoration: what the other side had that the remover had not seen, in words. */
  readonly unseen?: readonly string[];
  /** Their time is more than a day ahead of this computer's clock. */
  readonly aheadOfClock?: boolean;
  /**
   * Their version says it was made on this computer, or to have seen a change of this computer's that was never
   * made: this computer never held it.
   */
  readonly claimsThisDevice?: boolean;
  /** A whole inspection the file would bring back, deleted here (in the bin). */
  readonly inBin?: boolean;
}

/** Their case with the same reference as one of ours, under another id. */
export interface ReferenceClash {
  readonly key: string;
  readonly inspectionId: string;
  readonly reference: string;
  readonly mineCaseId: string;
  readonly theirsCaseId: string;
  readonly mineInspector?: string;
  readonly theirsInspector?: string;
}

/**
 * A stamp both copies should keep for something they already agree on (so copies converge, stamps and all):
 * written quietly, since nothing a person reads changes.
 */
export interface Settlement {
  readonly kind: 'answer' | 'detail' | 'status' | 'judgement' | 'override' | 'commentary' | 'removal';
  readonly caseId?: string;
  readonly target?: string;
  readonly version: Versioned;
}

/** The merge of one of their inspections. */
export interface InspectionMergePlan {
  readonly id: string;
  readonly name: string;
  /** Not here at all: the whole inspection is one item, added if taken. */
  readonly isNew: boolean;
  readonly items: readonly MergeItem[];
  readonly clashes: readonly ReferenceClash[];
  readonly settlements: readonly Settlement[];
  /** Things the same on both sides, or where ours already replaced theirs. */
  readonly left: number;
  /** Audit entries of theirs that are new here: kept as the file's claims. */
  readonly claims: number;
  /** Audit entries over the size or count caps, left out. */
  readonly claimsLeftOut: number;
}

/** Who a file comes from, as far as can be checked. */
export interface MergeSource {
  /** Signed by a key on the team list (or this install's own). */
  readonly verified: boolean;
  /** The signing key's fingerprint, or "unsigned". */
  readonly signedBy: string;
  /** The initials the file claims. */
  readonly initials?: string;
}

/** What importing a file would do, shown before anything is written. */
export interface MergePlan {
  readonly source: MergeSource;
  readonly inspections: readonly InspectionMergePlan[];
  readonly totals: {
    readonly taken: number;
    readonly toReview: number;
    readonly conflicts: number;
    readonly clashes: number;
    readonly left: number;
    readonly claims: number;
    /** Items by kind, every group together. */
    readonly byKind: Readonly<Partial<Record<ItemKind, number>>>;
  };
}

/**
 * The lead's decisions: per item to review, take ('theirs') or leave ('mine'); per conflict, whose version; per
 * reference clash, join or keep apart.
 */
export interface MergeResolutions {
  readonly choices: Readonly<Record<string, 'mine' | 'theirs'>>;
  readonly clashes: Readonly<Record<string, 'join' | 'apart'>>;
}

/** Raised when a file cannot be merged (another framework under the same inspection id), or a plan is unfinished. */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

/** Whether an item applies once the lead's choices are made: a reference clash's items only if the cases join. */
export function appliesAfter(item: MergeItem, resolutions: Pick<MergeResolutions, 'clashes'>): boolean {
  return !item.clashKey || resolutions.clashes[item.clashKey] === 'join';
}

/** The items and clashes still waiting for the lead. */
export function unresolved(
  plan: MergePlan,
  resolutions: MergeResolutions,
): { conflicts: number; toReview: number; clashes: number } {
  let conflicts = 0;
  let toReview = 0;
  let clashes = 0;
  for (const inspection of plan.inspections) {
    for (const clash of inspection.clashes) if (!resolutions.clashes[clash.key]) clashes += 1;
    for (const item of inspection.items) {
      if (item.group === 'taken' || !appliesAfter(item, resolutions) || resolutions.choices[item.key])
        continue;
      if (item.group === 'conflicts') conflicts += 1;
      else toReview += 1;
    }
  }
  return { conflicts, toReview, clashes };
}

/** Whether the file's side of an item is what Apply will write: taken, or chosen. */
export function takesTheirs(item: MergeItem, resolutions: MergeResolutions): boolean {
  if (!appliesAfter(item, resolutions)) return false;
  return item.group === 'taken' || resolutions.choices[item.key] === 'theirs';
}

/** Whether any item or clash of the plan waits for the lead (a conflict, a change to review, a clash). */
export function waitsForLead(plan: MergePlan): boolean {
  return plan.totals.conflicts + plan.totals.toReview + plan.totals.clashes > 0;
}

/**
 * The plan with only what is taken without asking (and the quiet settlements): what a device applies on its
 * own from the team server while the rest waits for the lead.
 */
export function takenOnly(plan: MergePlan): MergePlan {
  return {
    ...plan,
    inspections: plan.inspections.map((inspection) => ({
      ...inspection,
      items: inspection.items.filter((item) => item.group === 'taken' && !item.clashKey),
      clashes: [],
    })),
    totals: { ...plan.totals, toReview: 0, conflicts: 0, clashes: 0 },
  };
}

/** Whether applying the plan's taken part would write anything. */
export function takesAnything(plan: MergePlan): boolean {
  return plan.inspections.some(
    (i) => i.settlements.length > 0 || i.items.some((item) => item.group === 'taken' && !item.clashKey),
  );
}
