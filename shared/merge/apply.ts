/**
 * Applying a reviewed plan: exactly the items the plan lists, as the lead decided them, and nothing else. A
 * conflict the lead settles is written as a new version made on the lead's device that names both sides as
 * replaced, so the same choice closes the conflict in every copy that later meets it.
 */
import type {
  ExportedAnswer,
  ExportedAuditRecord,
  ExportedCase,
  ExportedCaseStatus,
  ExportedCommentary,
  ExportedDeletedCase,
  ExportedInspection,
  ExportedJudgement,
  ExportedOverride,
  VersionedCaseDetail,
} from '../interchange/schema';
import { referenceKey } from '../text/reference';
import { caseVersions, detailValue, detailVersion, withDetail, withDetailVersion } from './case-versions';
import {
  appliesAfter,
  MergeError,
  takesTheirs,
  unresolved,
  type MergeItem,
  type MergePlan,
  type MergeResolutions,
  type Settlement,
} from './items';
import { newClaims } from './plan';
import { replacing, type Versioned } from './versions';

/** The version a settled conflict is written with: made now, on the lead's device. */
export interface Resolver {
  readonly device: string;
  readonly counter: number;
  readonly by: string;
  readonly at: string;
}

/** The result of applying a plan. */
export interface MergeResult {
  /** The inspections as they will be stored (only those the file touches). */
  readonly inspections: readonly ExportedInspection[];
  /** Items whose content changed here: what the review counted as taken, or chosen from the file. */
  readonly applied: number;
  /** Audit entries added, as the file's claims. */
  readonly claims: number;
}

function isLive(c: ExportedCase | ExportedDeletedCase): c is ExportedCase {
  return !c.deleted;
}

/** A version that settles a conflict: the kept content, stamped as the lead's, replacing both sides. */
function settled<V extends Versioned>(
  kept: V,
  both: readonly Versioned[],
  resolver: Resolver | undefined,
): V {
  if (!resolver) throw new MergeError('a conflict was settled without the device that settles it');
  const { supersedes: _old, replaces: _r, device: _d, counter: _c, ...content } = kept;
  return {
    ...content,
    device: resolver.device,
    counter: resolver.counter,
    ...replacing(both),
  } as V;
}

/**
 * A live case kept over a removal, settled as the lead's: its "removed" detail now knows of the tombstone, so
 * the removal is not asked about again.
 */
function keptKnowingOfRemoval(
  c: ExportedCase,
  tombstone: ExportedDeletedCase,
  resolver: Resolver | undefined,
): ExportedCase {
  return withDetailVersion(
    c,
    'removed',
    settled(
      { by: resolver?.by, updatedAt: resolver?.at },
      [detailVersion(c, 'removed'), tombstone],
      resolver,
    ),
  );
}

/** Mutable working copy of one inspection while items are applied. */
interface Draft {
  cases: Map<string, ExportedCase | ExportedDeletedCase>;
  judgements: Record<string, ExportedJudgement>;
  overrides: Record<string, ExportedOverride>;
  commentary: Record<string, ExportedCommentary>;
  dipSamples: NonNullable<ExportedInspection['moderation']>['dipSamples'];
  secondScorings: Map<string, NonNullable<ExportedInspection['moderation']>['secondScorings'][number]>;
}

function liveCase(draft: Draft, id: string | undefined): ExportedCase {
  const c = id === undefined ? undefined : draft.cases.get(id);
  if (!c || !isLive(c)) throw new MergeError(`case ${id ?? '?'} is in the plan but not here`);
  return c;
}

function theirCase(theirs: ExportedInspection, id: string | undefined): ExportedCase | ExportedDeletedCase {
  const c = theirs.cases.find((x) => x.id === id);
  if (!c) throw new MergeError(`case ${id ?? '?'} is in the plan but not in the file`);
  return c;
}

/** Writes one item's chosen side into the draft. */
function applyItem(
  draft: Draft,
  theirs: ExportedInspection,
  item: MergeItem,
  side: 'mine' | 'theirs',
  resolver: Resolver | undefined,
): void {
  const isConflict = item.group === 'conflicts';
  const pick = <V extends Versioned>(mine: V | undefined, other: V): V => {
    const kept = side === 'theirs' ? other : mine;
    if (!kept) throw new MergeError(`${item.key} has no version here to keep`);
    return isConflict
      ? settled(
          kept,
          [mine, other].filter((v): v is V => !!v),
          resolver,
        )
      : kept;
  };
  switch (item.kind) {
    case 'answer': {
      const c = liveCase(draft, item.caseId);
      const other = liveCase(
        { cases: new Map(theirs.cases.map((x) => [x.id, x])) } as Draft,
        item.theirsCaseId ?? item.caseId,
      );
      const answer: ExportedAnswer = pick(c.answers[item.target!], other.answers[item.target!]!);
      draft.cases.set(c.id, { ...c, answers: { ...c.answers, [item.target!]: answer } });
      return;
    }
    case 'detail': {
      const detail = item.target as VersionedCaseDetail;
      const c = liveCase(draft, item.caseId);
      const other = theirCase(theirs, item.caseId) as ExportedCase;
      const version = pick(detailVersion(c, detail), detailVersion(other, detail));
      const value = side === 'theirs' ? detailValue(other, detail) : detailValue(c, detail);
      let next = withDetailVersion(withDetail(c, detail, value), detail, version);
      if (detail === 'reference') next = { ...next, reference: value as string };
      draft.cases.set(c.id, next);
      return;
    }
    case 'status': {
      const c = liveCase(draft, item.caseId);
      const other = theirCase(theirs, item.caseId) as ExportedCase;
      const status: ExportedCaseStatus = pick(c.status, other.status!);
      draft.cases.set(c.id, { ...c, status });
      return;
    }
    case 'judgement':
      draft.judgements[item.target!] = pick(draft.judgements[item.target!], theirs.judgements[item.target!]!);
      return;
    case 'override':
      draft.overrides[item.target!] = pick(draft.overrides[item.target!], theirs.overrides[item.target!]!);
      return;
    case 'commentary':
      draft.commentary[item.target!] = pick(
        draft.commentary[item.target!],
        theirs.commentary![item.target!]!,
      );
      return;
    case 'case':
      draft.cases.set(item.caseId!, theirCase(theirs, item.caseId));
      return;
    case 'removal': {
      const mine = liveCase(draft, item.caseId);
      const tombstone = theirCase(theirs, item.caseId) as ExportedDeletedCase;
      if (side === 'theirs') {
        draft.cases.set(
          mine.id,
          isConflict ? settled(tombstone, [tombstone, ...caseVersions(mine)], resolver) : tombstone,
        );
      } else {
        // Kept: the case stays, now knowing of the removal, so it is not asked again.
        draft.cases.set(mine.id, keptKnowingOfRemoval(mine, tombstone, resolver));
      }
      return;
    }
    case 'restoration': {
      const tombstone = draft.cases.get(item.caseId!) as ExportedDeletedCase;
      const other = theirCase(theirs, item.caseId) as ExportedCase;
      if (side === 'theirs') {
        draft.cases.set(other.id, isConflict ? keptKnowingOfRemoval(other, tombstone, resolver) : other);
      } else {
        draft.cases.set(tombstone.id, settled(tombstone, [tombstone, ...caseVersions(other)], resolver));
      }
      return;
    }
    case 'dip-sample': {
      const sample = theirs.moderation?.dipSamples.find((s) => s.id === item.target);
      if (sample) draft.dipSamples = [...draft.dipSamples, sample];
      return;
    }
    case 'second-scoring': {
      if (side === 'mine') return;
      const scoring = theirs.moderation?.secondScorings.find((s) => s.caseId === item.caseId);
      if (scoring) draft.secondScorings.set(scoring.caseId, scoring);
      return;
    }
    case 'inspection':
      return; // Handled whole, before any draft.
  }
}

/** Writes a quiet settlement: the stamp both copies keep for something they already agree on. */
function applySettlement(draft: Draft, s: Settlement): void {
  if (s.kind === 'judgement') {
    const j = draft.judgements[s.target!];
    if (j) draft.judgements[s.target!] = { ...j, ...stampOf(s.version) };
    return;
  }
  if (s.kind === 'override') {
    const o = draft.overrides[s.target!];
    if (o) draft.overrides[s.target!] = { ...o, ...stampOf(s.version) };
    return;
  }
  if (s.kind === 'commentary') {
    const c = draft.commentary[s.target!];
    if (c) draft.commentary[s.target!] = { ...c, ...stampOf(s.version) };
    return;
  }
  const c = draft.cases.get(s.caseId!);
  if (!c) return;
  if (s.kind === 'removal') {
    if (!isLive(c)) draft.cases.set(c.id, { ...c, ...stampOf(s.version) });
    return;
  }
  if (!isLive(c)) return;
  if (s.kind === 'answer') {
    const a = c.answers[s.target!];
    if (a)
      draft.cases.set(c.id, {
        ...c,
        answers: { ...c.answers, [s.target!]: { ...a, ...stampOf(s.version) } },
      });
  } else if (s.kind === 'status') {
    if (c.status) draft.cases.set(c.id, { ...c, status: { ...c.status, ...stampOf(s.version) } });
  } else {
    draft.cases.set(c.id, withDetailVersion(c, s.target as VersionedCaseDetail, stampOf(s.version)));
  }
}

/** Only the version members of a stamp (never content). */
function stampOf(v: Versioned): {
  updatedAt: string;
  by: string;
  device?: string;
  counter?: number;
  replaces?: Record<string, number>;
  supersedes?: string[];
} {
  return {
    updatedAt: v.updatedAt!,
    by: v.by!,
    ...(v.device !== undefined ? { device: v.device } : {}),
    ...(v.counter !== undefined ? { counter: v.counter } : {}),
    ...(v.replaces ? { replaces: v.replaces } : {}),
    ...(v.supersedes ? { supersedes: [...v.supersedes] } : {}),
  };
}

/**
 * Applies a plan with the lead's decisions, returning the merged inspections (only those the file touches).
 * `claimedIn` marks the audit entries taken from the file (its signer's fingerprint, or "unsigned").
 * @throws MergeError when a conflict, an item to review or a clash is undecided.
 */
export function applyMerge(
  mine: readonly ExportedInspection[],
  theirs: readonly ExportedInspection[],
  plan: MergePlan,
  resolutions: MergeResolutions,
  options: { readonly resolver?: Resolver; readonly claimedIn: string },
): MergeResult {
  const open = unresolved(plan, resolutions);
  if (open.conflicts || open.toReview || open.clashes) {
    throw new MergeError(
      `${open.conflicts} conflicts, ${open.toReview} changes to review and ${open.clashes} reference clashes are still to decide`,
    );
  }
  const ours = new Map(mine.map((i) => [i.id, i] as const));
  const theirsById = new Map(theirs.map((i) => [i.id, i] as const));
  let applied = 0;
  let claims = 0;
  const claimed = (entries: readonly ExportedAuditRecord[]) =>
    entries.map((e) => ({ ...e, claimedIn: options.claimedIn }));
  const result: ExportedInspection[] = [];
  for (const inspectionPlan of plan.inspections) {
    const theirsInspection = theirsById.get(inspectionPlan.id);
    if (!theirsInspection) throw new MergeError(`${inspectionPlan.name} is in the plan but not in the file`);
    const current = ours.get(inspectionPlan.id);
    const claimsHere = newClaims(current, theirsInspection).kept;
    if (inspectionPlan.isNew || !current) {
      const item = inspectionPlan.items[0];
      if (item && takesTheirs(item, resolutions)) {
        applied += 1;
        claims += claimsHere.length;
        result.push({ ...theirsInspection, audit: claimed(claimsHere) });
      }
      continue;
    }
    const draft: Draft = {
      cases: new Map(current.cases.map((c) => [c.id, c] as const)),
      judgements: { ...current.judgements },
      overrides: { ...current.overrides },
      commentary: { ...current.commentary },
      dipSamples: [...(current.moderation?.dipSamples ?? [])],
      secondScorings: new Map((current.moderation?.secondScorings ?? []).map((s) => [s.caseId, s])),
    };
    for (const s of inspectionPlan.settlements) applySettlement(draft, s);
    const takenReferences = new Set(
      [...draft.cases.values()].filter(isLive).map((c) => referenceKey(c.reference)),
    );
    for (const clash of inspectionPlan.clashes) {
      if (resolutions.clashes[clash.key] !== 'apart') continue;
      const theirsCase = theirCase(theirsInspection, clash.theirsCaseId);
      if (!isLive(theirsCase)) continue;
      let reference = `${theirsCase.reference} (${theirsCase.inspector ?? 'imported'})`;
      for (let n = 2; takenReferences.has(referenceKey(reference)); n += 1)
        reference = `${theirsCase.reference} (${n})`;
      takenReferences.add(referenceKey(reference));
      // The new reference is the lead's change over theirs, so the same file does not ask about it again.
      const renamed = settled(
        { by: options.resolver?.by, updatedAt: options.resolver?.at },
        [detailVersion(theirsCase, 'reference')],
        options.resolver,
      );
      draft.cases.set(theirsCase.id, withDetailVersion({ ...theirsCase, reference }, 'reference', renamed));
      applied += 1;
    }
    for (const item of inspectionPlan.items) {
      if (!appliesAfter(item, resolutions)) continue;
      const side = item.group === 'taken' ? 'theirs' : resolutions.choices[item.key];
      if (!side) continue;
      if (item.group === 'toReview' && side === 'mine') continue; // Left as it is.
      applyItem(draft, theirsInspection, item, side, options.resolver);
      if (side === 'theirs') applied += 1;
    }
    claims += claimsHere.length;
    const moderation =
      draft.dipSamples.length || draft.secondScorings.size
        ? {
            ...current.moderation,
            dipSamples: draft.dipSamples,
            secondScorings: [...draft.secondScorings.values()],
          }
        : current.moderation;
    result.push({
      ...current,
      judgements: draft.judgements,
      overrides: draft.overrides,
      ...(Object.keys(draft.commentary).length ? { commentary: draft.commentary } : {}),
      cases: [...draft.cases.values()],
      ...(moderation ? { moderation } : {}),
      audit: [...(current.audit ?? []), ...claimed(claimsHere)],
    });
  }
  return { inspections: result, applied, claims };
}
