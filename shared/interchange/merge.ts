/**
 * Merging another inspector's export into ours, answer by answer, without a server. Each answer, judgement and
 * override carries who set it and when; from those the plan sorts every item:
 * - the same on both sides: left as it is;
 * - only theirs has it: added;
 * - both changed by the same person: the newer wins;
 * - one side was already chosen over the other in an earlier merge (`supersedes`): that side stays;
 * - otherwise: a conflict for the lead inspector to resolve, side by side.
 * A case of theirs whose reference matches one of ours under another id is flagged: the lead joins them (their
 * answers merge into our case) or keeps them apart. Nothing here writes: the plan is shown first, then applied.
 */
import type { AnswerValue, Rating } from '../framework/types';
import { referenceKey } from '../text/reference';
import type {
  ExportedAnswer,
  ExportedAuditRecord,
  ExportedCase,
  ExportedDeletedCase,
  ExportedInspection,
  ExportedJudgement,
  ExportedOverride,
} from './schema';

/**
 * One version of an answer (`V` is Yes, No, Not applicable or cleared), judgement or override (`V` is a rating,
 * or `null` while not judged), as merging compares them.
 */
export interface Version<V extends AnswerValue | Rating | null = AnswerValue | Rating | null> {
  readonly value: V;
  readonly note?: string;
  readonly updatedAt?: string;
  readonly by?: string;
  readonly supersedes?: readonly string[];
}

/** What merging does with one item. */
export type ItemOutcome = 'add' | 'take-theirs' | 'conflict';

/**
 * The two sides of an item. Only theirs has it (`add`), or both do: theirs is to be taken, or the lead chooses.
 */
export type Sides<V extends AnswerValue | Rating | null> =
  | { readonly outcome: 'add'; readonly mine?: undefined; readonly theirs: Version<V> }
  | { readonly outcome: 'take-theirs' | 'conflict'; readonly mine: Version<V>; readonly theirs: Version<V> };

interface ItemBase {
  /** Unique within the plan. */
  readonly key: string;
  readonly inspectionId: string;
}

/** An answer of theirs to add, take or resolve, in our case `caseId`. */
export type AnswerItem = ItemBase &
  Sides<AnswerValue | null> & {
    readonly kind: 'answer';
    readonly caseId: string;
    readonly reference: string;
    /** The question id. */
    readonly target: string;
    /** Set when the item belongs to a reference clash and applies only if the lead joins the cases. */
    readonly clashKey?: string;
  };

/** A judgement or override of theirs to add, take or resolve. */
export type StandardItem = ItemBase &
  Sides<Rating | null> & {
    readonly kind: 'judgement' | 'override';
    /** The standard id. */
    readonly target: string;
  };

/** Their removal of a case we still have, made after our last change to it: the case is removed here too. */
export interface CaseRemovedItem extends ItemBase {
  readonly kind: 'case-removed';
  readonly outcome: 'take-theirs';
  readonly caseId: string;
  readonly reference: string;
  readonly removed: { readonly updatedAt: string; readonly by: string };
}

/** One answer, judgement, override or case removal that merging would change, or that needs the lead's choice. */
export type MergeItem = AnswerItem | StandardItem | CaseRemovedItem;

/** An item that needs the lead's choice. */
export type ConflictItem = (AnswerItem | StandardItem) & { readonly outcome: 'conflict' };

/** Whether an item needs the lead's choice. */
export function isConflict(item: MergeItem): item is ConflictItem {
  return item.outcome === 'conflict';
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

/** The merge of one of their inspections. */
export interface InspectionMergePlan {
  readonly id: string;
  readonly name: string;
  /** Not here at all: the whole inspection is added. */
  readonly isNew: boolean;
  /** Their cases we do not have (and whose references are free): added whole. */
  readonly newCases: readonly ExportedCase[];
  readonly clashes: readonly ReferenceClash[];
  readonly items: readonly MergeItem[];
  /** Items the same on both sides, or where ours stays. */
  readonly left: number;
}

/** What importing a file would do, shown before anything is written. */
export interface MergePlan {
  readonly inspections: readonly InspectionMergePlan[];
  readonly totals: {
    readonly added: number;
    readonly changed: number;
    readonly left: number;
    readonly conflicts: number;
  };
}

/** The lead inspector's choices: per conflict, whose version; per clash, join or keep apart. */
export interface MergeResolutions {
  readonly conflicts: Readonly<Record<string, 'mine' | 'theirs'>>;
  readonly clashes: Readonly<Record<string, 'join' | 'apart'>>;
}

/** Raised when a file cannot be merged (another framework under the same inspection id). */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

/** "KM@2022-09-05T10:00:00.000Z": one version's identity. */
export function versionStamp(version: Pick<Version, 'by' | 'updatedAt'>): string {
  return `${version.by ?? '?'}@${version.updatedAt ?? '?'}`;
}

function sameContent<V extends AnswerValue | Rating | null>(a: Version<V>, b: Version<V>): boolean {
  return a.value === b.value && (a.note ?? '') === (b.note ?? '');
}

/** How two versions of one item merge: `null` means ours stays (the same, or ours wins). */
export function compareVersions<V extends AnswerValue | Rating | null>(
  mine: Version<V> | undefined,
  theirs: Version<V> | undefined,
): ItemOutcome | null {
  if (!theirs) return null;
  if (!mine) return 'add';
  if (sameContent(mine, theirs)) return null;
  if (mine.supersedes?.includes(versionStamp(theirs))) return null;
  if (theirs.supersedes?.includes(versionStamp(mine))) return 'take-theirs';
  if (mine.by && mine.by === theirs.by && mine.updatedAt && theirs.updatedAt) {
    return theirs.updatedAt > mine.updatedAt ? 'take-theirs' : null;
  }
  return 'conflict';
}

const judgementVersion = (j: ExportedJudgement): Version<Rating | null> => ({
  ...j,
  value: j.rating,
  note: j.note,
});
const overrideVersion = (o: ExportedOverride): Version<Rating | null> => ({
  ...o,
  value: o.rating,
  note: o.reason,
});

/** The two sides of an item from how they compare, or `null` when ours stays. */
function sidesOf<V extends AnswerValue | Rating | null>(
  mine: Version<V> | undefined,
  theirs: Version<V>,
): Sides<V> | null {
  const outcome = compareVersions(mine, theirs);
  if (!outcome) return null;
  if (outcome === 'add' || !mine) return { outcome: 'add', theirs };
  return { outcome, mine, theirs };
}

function isLive(c: ExportedCase | ExportedDeletedCase): c is ExportedCase {
  return !c.deleted;
}

function answerItems(
  inspectionId: string,
  mineCase: ExportedCase,
  theirsCase: ExportedCase,
  clashKey?: string,
): { items: MergeItem[]; left: number } {
  const items: MergeItem[] = [];
  let left = 0;
  for (const [questionId, theirs] of Object.entries(theirsCase.answers)) {
    const sides = sidesOf(mineCase.answers[questionId], theirs);
    if (!sides) {
      left += 1;
      continue;
    }
    items.push({
      key: `${inspectionId}|${mineCase.id}|${questionId}${clashKey ? `|${theirsCase.id}` : ''}`,
      kind: 'answer',
      inspectionId,
      caseId: mineCase.id,
      reference: mineCase.reference,
      target: questionId,
      ...sides,
      ...(clashKey ? { clashKey } : {}),
    });
  }
  return { items, left };
}

function planInspection(
  mine: ExportedInspection | undefined,
  theirs: ExportedInspection,
): InspectionMergePlan {
  if (!mine) {
    return {
      id: theirs.id,
      name: theirs.name,
      isNew: true,
      newCases: theirs.cases.filter(isLive),
      clashes: [],
      items: [],
      left: 0,
    };
  }
  if (mine.framework.id !== theirs.framework.id || mine.framework.version !== theirs.framework.version) {
    throw new MergeError(
      `${theirs.name} in the file uses ${theirs.framework.id} ${theirs.framework.version}, but the inspection here uses ${mine.framework.id} ${mine.framework.version}; they cannot be merged`,
    );
  }
  const items: MergeItem[] = [];
  const newCases: ExportedCase[] = [];
  const clashes: ReferenceClash[] = [];
  let left = 0;
  const mineById = new Map(mine.cases.map((c) => [c.id, c] as const));
  const mineByReference = new Map(
    mine.cases.filter(isLive).map((c) => [referenceKey(c.reference), c] as const),
  );

  for (const theirsCase of theirs.cases) {
    const mineCase = mineById.get(theirsCase.id);
    if (!isLive(theirsCase)) {
      if (mineCase && isLive(mineCase) && (mineCase.updatedAt ?? '') < theirsCase.updatedAt) {
        items.push({
          key: `${mine.id}|${mineCase.id}|removed`,
          kind: 'case-removed',
          inspectionId: mine.id,
          outcome: 'take-theirs',
          caseId: mineCase.id,
          reference: mineCase.reference,
          removed: { updatedAt: theirsCase.updatedAt, by: theirsCase.by },
        });
      } else left += 1;
      continue;
    }
    if (mineCase) {
      if (!isLive(mineCase)) {
        left += 1; // We removed it; their copy does not bring it back.
        continue;
      }
      const merged = answerItems(mine.id, mineCase, theirsCase);
      items.push(...merged.items);
      left += merged.left;
      continue;
    }
    const sameReference = mineByReference.get(referenceKey(theirsCase.reference));
    if (sameReference) {
      const clashKey = `${mine.id}|clash|${theirsCase.id}`;
      clashes.push({
        key: clashKey,
        inspectionId: mine.id,
        reference: theirsCase.reference,
        mineCaseId: sameReference.id,
        theirsCaseId: theirsCase.id,
        ...(sameReference.inspector ? { mineInspector: sameReference.inspector } : {}),
        ...(theirsCase.inspector ? { theirsInspector: theirsCase.inspector } : {}),
      });
      items.push(...answerItems(mine.id, sameReference, theirsCase, clashKey).items);
      continue;
    }
    newCases.push(theirsCase);
  }

  const standardItems = <T>(
    kind: 'judgement' | 'override',
    mineRecord: Readonly<Record<string, T>>,
    theirsRecord: Readonly<Record<string, T>>,
    toVersion: (t: T) => Version<Rating | null>,
  ) => {
    for (const [standardId, theirsEntry] of Object.entries(theirsRecord)) {
      const mineEntry = mineRecord[standardId];
      const sides = sidesOf(
        mineEntry === undefined ? undefined : toVersion(mineEntry),
        toVersion(theirsEntry),
      );
      if (!sides) {
        left += 1;
        continue;
      }
      items.push({
        key: `${mine.id}|${kind}|${standardId}`,
        kind,
        inspectionId: mine.id,
        target: standardId,
        ...sides,
      });
    }
  };
  standardItems('judgement', mine.judgements, theirs.judgements, judgementVersion);
  standardItems('override', mine.overrides, theirs.overrides, overrideVersion);
  return { id: mine.id, name: mine.name, isNew: false, newCases, clashes, items, left };
}

/** Plans merging their inspections into ours. */
export function planMerge(
  mine: readonly ExportedInspection[],
  theirs: readonly ExportedInspection[],
): MergePlan {
  const ours = new Map(mine.map((i) => [i.id, i] as const));
  const inspections = theirs.map((t) => planInspection(ours.get(t.id), t));
  let added = 0;
  let changed = 0;
  let left = 0;
  let conflicts = 0;
  for (const plan of inspections) {
    if (plan.isNew) {
      added += 1;
      continue;
    }
    added += plan.newCases.length;
    left += plan.left;
    for (const item of plan.items) {
      // Items of a reference clash count only once the lead joins the cases; the clash itself counts now.
      if (item.kind === 'answer' && item.clashKey) continue;
      if (item.outcome === 'conflict') conflicts += 1;
      else if (item.outcome === 'add') added += 1;
      else changed += 1;
    }
    conflicts += plan.clashes.length;
  }
  return { inspections, totals: { added, changed, left, conflicts } };
}

/** Whether an item applies once the lead's choices are made: a reference clash's items only if the cases join. */
export function appliesAfter(item: MergeItem, resolutions: Pick<MergeResolutions, 'clashes'>): boolean {
  return item.kind !== 'answer' || !item.clashKey || resolutions.clashes[item.clashKey] === 'join';
}

/** The conflicts and clashes still waiting for the lead's choice. */
export function unresolved(
  plan: MergePlan,
  resolutions: MergeResolutions,
): { conflicts: number; clashes: number } {
  let conflicts = 0;
  let clashes = 0;
  for (const inspection of plan.inspections) {
    for (const clash of inspection.clashes) if (!resolutions.clashes[clash.key]) clashes += 1;
    for (const item of inspection.items) {
      if (isConflict(item) && appliesAfter(item, resolutions) && !resolutions.conflicts[item.key])
        conflicts += 1;
    }
  }
  return { conflicts, clashes };
}

/**
 * The side of an item that is kept, and the version it is kept over (none when theirs is simply added): the
 * lead's choice for a conflict, else theirs.
 */
function keptSide<V extends AnswerValue | Rating | null>(
  sides: Sides<V>,
  choice: 'mine' | 'theirs' | undefined,
): { side: 'mine' | 'theirs'; kept: Version<V>; over: Version<V> | undefined } {
  if (sides.outcome === 'add') return { side: 'theirs', kept: sides.theirs, over: undefined };
  if (sides.outcome === 'conflict' && choice === 'mine') {
    return { side: 'mine', kept: sides.mine, over: sides.theirs };
  }
  return { side: 'theirs', kept: sides.theirs, over: sides.mine };
}

function answerFrom(version: Version<AnswerValue | null>, supersedes?: readonly string[]): ExportedAnswer {
  const all = [...(version.supersedes ?? []), ...(supersedes ?? [])];
  return {
    value: version.value,
    ...(version.note !== undefined ? { note: version.note } : {}),
    ...(version.updatedAt ? { updatedAt: version.updatedAt } : {}),
    ...(version.by ? { by: version.by } : {}),
    ...(all.length ? { supersedes: [...new Set(all)] } : {}),
  };
}

/** The audit trail entries of theirs that ours does not already hold. */
function newAuditEntries(mine: ExportedInspection, theirs: ExportedInspection): ExportedAuditRecord[] {
  const key = (e: ExportedAuditRecord) => JSON.stringify([e.at, e.by, e.action, e.caseId, e.key]);
  const known = new Set((mine.audit ?? []).map(key));
  return (theirs.audit ?? []).filter((e) => !known.has(key(e)));
}

/** The result of applying a plan: the inspections as they will be stored, and what changed for the audit. */
export interface MergeResult {
  readonly inspections: readonly ExportedInspection[];
  readonly applied: number;
}

/**
 * Applies a plan with the lead's resolutions, returning the merged inspections (only those the file touches).
 * @throws MergeError when a conflict or clash is unresolved.
 */
export function applyMerge(
  mine: readonly ExportedInspection[],
  theirs: readonly ExportedInspection[],
  plan: MergePlan,
  resolutions: MergeResolutions,
): MergeResult {
  const open = unresolved(plan, resolutions);
  if (open.conflicts || open.clashes) {
    throw new MergeError(
      `${open.conflicts} conflicts and ${open.clashes} reference clashes are still to resolve`,
    );
  }
  const ours = new Map(mine.map((i) => [i.id, i] as const));
  const theirsById = new Map(theirs.map((i) => [i.id, i] as const));
  let applied = 0;
  const result = plan.inspections.map((inspectionPlan): ExportedInspection => {
    const theirsInspection = theirsById.get(inspectionPlan.id);
    if (!theirsInspection) throw new MergeError(`${inspectionPlan.name} is in the plan but not in the file`);
    const current = ours.get(inspectionPlan.id);
    if (inspectionPlan.isNew || !current) {
      applied += 1;
      return theirsInspection;
    }
    const cases = new Map(current.cases.map((c) => [c.id, c] as const));
    const judgements: Record<string, ExportedJudgement> = { ...current.judgements };
    const overrides: Record<string, ExportedOverride> = { ...current.overrides };
    const takenReferences = new Set(current.cases.filter(isLive).map((c) => referenceKey(c.reference)));

    for (const c of inspectionPlan.newCases) {
      cases.set(c.id, c);
      applied += 1;
    }
    for (const clash of inspectionPlan.clashes) {
      if (resolutions.clashes[clash.key] !== 'apart') continue;
      const theirsCase = theirsInspection.cases.filter(isLive).find((c) => c.id === clash.theirsCaseId);
      if (!theirsCase) throw new MergeError(`Case ${clash.reference} is in the plan but not in the file`);
      let reference = `${theirsCase.reference} (${theirsCase.inspector ?? 'imported'})`;
      for (let n = 2; takenReferences.has(referenceKey(reference)); n += 1)
        reference = `${theirsCase.reference} (${n})`;
      takenReferences.add(referenceKey(reference));
      cases.set(theirsCase.id, { ...theirsCase, reference });
      applied += 1;
    }
    for (const item of inspectionPlan.items) {
      if (!appliesAfter(item, resolutions)) continue;
      if (item.kind === 'case-removed') {
        const c = cases.get(item.caseId);
        if (c && isLive(c)) {
          cases.set(c.id, { id: c.id, deleted: true, ...item.removed });
          applied += 1;
        }
        continue;
      }
      // The kept side remembers the version it was kept over, so the same file merges quietly next time.
      const choice = resolutions.conflicts[item.key];
      if (item.kind === 'answer') {
        const c = cases.get(item.caseId);
        if (!c || !isLive(c)) continue;
        const { kept, over } = keptSide(item, choice);
        const answer = answerFrom(kept, over ? [versionStamp(over)] : []);
        cases.set(c.id, { ...c, answers: { ...c.answers, [item.target]: answer } });
        applied += 1;
        continue;
      }
      const { side, over } = keptSide(item, choice);
      const remember = <T extends { supersedes?: string[] }>(entry: T): T =>
        over
          ? { ...entry, supersedes: [...new Set([...(entry.supersedes ?? []), versionStamp(over)])] }
          : entry;
      // The whole entry (with its evidence notes) comes from the kept side's file.
      const source = side === 'theirs' ? theirsInspection : current;
      if (item.kind === 'judgement') {
        const entry = source.judgements[item.target];
        if (entry) judgements[item.target] = remember(entry);
      } else {
        const entry = source.overrides[item.target];
        if (entry) overrides[item.target] = remember(entry);
      }
      applied += 1;
    }
    return {
      ...current,
      judgements,
      overrides,
      cases: [...cases.values()],
      audit: [...(current.audit ?? []), ...newAuditEntries(current, theirsInspection)],
    };
  });
  return { inspections: result, applied };
}
