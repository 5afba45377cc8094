/**
 * Planning a merge of another copy's export into ours, thing by thing, without believing any clock (see
 * versions.ts) and without writing anything: the plan is shown to the lead first, then applied (apply.ts).
 */
import { canonicalJson } from '../interchange/signature';
import type {
  ExportedAuditRecord,
  ExportedCase,
  ExportedDeletedCase,
  ExportedInspection,
  ExportedModeration,
  VersionedCaseDetail,
} from '../interchange/schema';
import { VERSIONED_CASE_DETAILS } from '../interchange/schema';
import { referenceKey } from '../text/reference';
import { caseParts, caseVersions, detailValue, detailVersion, DETAIL_WORDS } from './case-versions';
import {
  MergeError,
  type InspectionMergePlan,
  type ItemKind,
  type ItemSide,
  type MergeItem,
  type MergePlan,
  type MergeSource,
  type ReferenceClash,
  type Settlement,
} from './items';
import { aheadOfClock, covers, dotOf, settleSame, standing, type Versioned } from './versions';

/** What the plan needs to know besides the two copies. */
export interface PlanOptions {
  /** Who the file comes from, as far as its signature shows. */
  readonly source: MergeSource;
  /** This install's device id: a file's version claiming it, that this copy never held, is a conflict. */
  readonly localDevice?: string;
  /** This install's last change counter: a file claiming to have seen a later change of ours forged it. */
  readonly localCounter?: number;
  /** Inspections deleted here (in the bin): a file bringing one back waits for review. */
  readonly binned?: ReadonlySet<string>;
  /** The reader's clock, only to flag times far ahead of it. */
  readonly now: Date;
}

/** The most audit entries one file may add to one inspection, and the most text they may take in all. */
export const MAX_CLAIMS = 5000;
export const MAX_CLAIM_BYTES = 1_000_000;
/** One audit entry larger than this is left out whole. */
export const MAX_CLAIM_ENTRY_BYTES = 20_000;

function isLive(c: ExportedCase | ExportedDeletedCase): c is ExportedCase {
  return !c.deleted;
}

/** One inspection's planning: the items found so far and how they are grouped. */
class InspectionPlanner {
  readonly items: MergeItem[] = [];
  readonly settlements: Settlement[] = [];
  left = 0;

  constructor(
    readonly inspectionId: string,
    readonly options: PlanOptions,
  ) {}

  /** Files an item: its group from how the versions stand and who the file comes from. */
  add(
    item: Omit<MergeItem, 'group' | 'inspectionId' | 'aheadOfClock' | 'claimsThisDevice'>,
    conflict: boolean,
  ): void {
    const theirs = item.theirs.version;
    const dot = dotOf(theirs);
    const { localDevice, localCounter } = this.options;
    // A version made on this computer that it never held, or one claiming to have seen a change of ours that
    // was never made: either was forged, so it never wins on its own.
    const claimsThisDevice =
      localDevice !== undefined &&
      (dot?.device === localDevice ||
        (localCounter !== undefined && (theirs.replaces?.[localDevice] ?? -1) > localCounter));
    const group =
      conflict || claimsThisDevice
        ? 'conflicts'
        : item.kind === 'removal' ||
            item.kind === 'restoration' ||
            item.inBin ||
            !this.options.source.verified
          ? 'toReview'
          : 'taken';
    this.items.push({
      ...item,
      inspectionId: this.inspectionId,
      group,
      ...(aheadOfClock(theirs.updatedAt, this.options.now) ? { aheadOfClock: true } : {}),
      ...(claimsThisDevice ? { claimsThisDevice: true } : {}),
    });
  }

  /**
   * Compares two versions of one thing and files the outcome: nothing (the same, or ours newer), an item, or a
   * quiet settlement of stamps where both say the same.
   */
  compare(
    base: Omit<MergeItem, 'group' | 'inspectionId' | 'mine' | 'theirs'>,
    mine: ItemSide | undefined,
    theirs: ItemSide,
    settle?: Omit<Settlement, 'version'>,
  ): void {
    if (!mine) {
      this.add({ ...base, theirs }, false);
      return;
    }
    const same =
      canonicalJson([mine.value, mine.note ?? '']) === canonicalJson([theirs.value, theirs.note ?? '']);
    const stands = standing(mine.version, theirs.version, same);
    if (stands === 'same') {
      const settled = settleSame(mine.version, theirs.version);
      // Only a verified file's stamps are settled on: an unverified one changes nothing without review.
      if (settle && this.options.source.verified && canonicalJson(settled) !== canonicalJson(mine.version)) {
        this.settlements.push({ ...settle, version: settled });
      }
      this.left += 1;
      return;
    }
    if (stands === 'ours') {
      this.left += 1;
      return;
    }
    this.add({ ...base, mine, theirs }, stands === 'conflict');
  }
}

const side = (value: unknown, version: Versioned, note?: string): ItemSide => ({
  value,
  version,
  ...(note !== undefined && note !== '' ? { note } : {}),
});

/** Answers, details and status of one of our cases against theirs (the same case, or a clash's to join). */
function compareCase(
  planner: InspectionPlanner,
  mine: ExportedCase,
  theirs: ExportedCase,
  clashKey?: string,
): void {
  const where = {
    caseId: mine.id,
    reference: mine.reference,
    ...(clashKey ? { clashKey, theirsCaseId: theirs.id } : {}),
  };
  const keyOf = (what: string) =>
    `${planner.inspectionId}|${mine.id}|${what}${clashKey ? `|${theirs.id}` : ''}`;
  // A joined case keeps our details: only its answers merge.
  if (!clashKey) {
    for (const detail of VERSIONED_CASE_DETAILS) {
      if (detail === 'removed') continue;
      planner.compare(
        { ...where, key: keyOf(`detail:${detail}`), kind: 'detail', target: detail },
        side(detailValue(mine, detail), detailVersion(mine, detail)),
        side(detailValue(theirs, detail), detailVersion(theirs, detail)),
        { kind: 'detail', caseId: mine.id, target: detail },
      );
    }
    if (theirs.status) {
      const { value, reason } = theirs.status;
      planner.compare(
        { ...where, key: keyOf('status'), kind: 'status', target: 'status' },
        mine.status ? side(mine.status.value, mine.status, mine.status.reason) : undefined,
        side(value, theirs.status, reason),
        { kind: 'status', caseId: mine.id },
      );
    }
  }
  for (const [questionId, answer] of Object.entries(theirs.answers)) {
    const ours = mine.answers[questionId];
    planner.compare(
      { ...where, key: keyOf(questionId), kind: 'answer', target: questionId },
      ours ? side(ours.value, ours, ours.note) : undefined,
      side(answer.value, answer, answer.note),
      clashKey ? undefined : { kind: 'answer', caseId: mine.id, target: questionId },
    );
  }
}

/** What a case holds that a removal (or a removal's version vector) had not seen, in words. */
function unseenBy(removal: Versioned, c: ExportedCase): string[] {
  return caseParts(c)
    .filter((part) => !covers(removal, part.version))
    .map((part) => part.name);
}

/** Our live case against their tombstone, or our tombstone against their live case. */
function compareRemoval(
  planner: InspectionPlanner,
  mine: ExportedCase | ExportedDeletedCase,
  theirs: ExportedCase | ExportedDeletedCase,
): void {
  const key = `${planner.inspectionId}|${mine.id}|removed`;
  if (isLive(mine) && !isLive(theirs)) {
    // Restored here after we had seen their removal: ours stands.
    if (covers(detailVersion(mine, 'removed'), theirs)) {
      planner.left += 1;
      return;
    }
    const unseen = unseenBy(theirs, mine);
    planner.add(
      {
        key,
        kind: 'removal',
        caseId: mine.id,
        reference: mine.reference,
        target: 'removed',
        mine: side(false, detailVersion(mine, 'removed')),
        theirs: side(true, theirs),
        ...(unseen.length ? { unseen } : {}),
      },
      unseen.length > 0,
    );
    return;
  }
  if (!isLive(mine) && isLive(theirs)) {
    const restoredKnowingIt = covers(detailVersion(theirs, 'removed'), mine);
    const unseen = restoredKnowingIt ? [] : unseenBy(mine, theirs);
    if (!restoredKnowingIt && unseen.length === 0) {
      planner.left += 1; // Their copy is what we removed, unchanged since.
      return;
    }
    planner.add(
      {
        key,
        kind: 'restoration',
        caseId: mine.id,
        reference: theirs.reference,
        target: 'removed',
        mine: side(true, mine),
        theirs: side(false, detailVersion(theirs, 'removed')),
        ...(unseen.length ? { unseen } : {}),
      },
      !restoredKnowingIt,
    );
    return;
  }
  // Both removed: settle on one tombstone so copies converge (only from a verified file).
  const settled = settleSame(mine, theirs);
  if (planner.options.source.verified && canonicalJson(settled) !== canonicalJson(mine)) {
    planner.settlements.push({ kind: 'removal', caseId: mine.id, version: settled });
  }
  planner.left += 1;
}

/** Judgements, overrides and commentary: inspection-level things keyed by standard. */
function compareStandards(
  planner: InspectionPlanner,
  mine: ExportedInspection,
  theirs: ExportedInspection,
): void {
  const each = <T extends Versioned>(
    kind: 'judgement' | 'override' | 'commentary',
    ours: Readonly<Record<string, T>>,
    others: Readonly<Record<string, T>>,
    content: (entry: T) => { value: unknown; note?: string },
  ) => {
    for (const [standardId, entry] of Object.entries(others)) {
      const mineEntry = ours[standardId];
      const toSide = (e: T) => {
        const { value, note } = content(e);
        return side(value, e, note);
      };
      planner.compare(
        { key: `${planner.inspectionId}|${kind}|${standardId}`, kind, target: standardId },
        mineEntry ? toSide(mineEntry) : undefined,
        toSide(entry),
        { kind, target: standardId },
      );
    }
  };
  each('judgement', mine.judgements, theirs.judgements, (j) => ({
    value: j.rating,
    ...(j.note !== undefined || j.evidence ? { note: canonicalJson([j.note ?? '', j.evidence ?? {}]) } : {}),
  }));
  each('override', mine.overrides, theirs.overrides, (o) => ({ value: o.rating, note: o.reason }));
  each('commentary', mine.commentary ?? {}, theirs.commentary ?? {}, (c) => ({
    value: c.strengths ?? '',
    note: c.improvements ?? '',
  }));
}

/** Dip samples (added by id) and second scorings (one per case; two different ones are a conflict). */
function compareModeration(
  planner: InspectionPlanner,
  mine: ExportedInspection,
  theirs: ExportedInspection,
): void {
  const ours: ExportedModeration = mine.moderation ?? { dipSamples: [], secondScorings: [] };
  const sampleIds = new Set(ours.dipSamples.map((s) => s.id));
  for (const sample of theirs.moderation?.dipSamples ?? []) {
    if (sampleIds.has(sample.id)) {
      planner.left += 1;
      continue;
    }
    planner.add(
      {
        key: `${planner.inspectionId}|dip-sample|${sample.id}`,
        kind: 'dip-sample',
        target: sample.id,
        theirs: side(`${sample.caseIds.length} cases, seed ${sample.seed}`, {
          by: sample.by,
          updatedAt: sample.drawnAt,
        }),
      },
      false,
    );
  }
  const scorings = new Map(ours.secondScorings.map((s) => [s.caseId, s]));
  const cases = new Map(mine.cases.map((c) => [c.id, c]));
  for (const scoring of theirs.moderation?.secondScorings ?? []) {
    const c = cases.get(scoring.caseId);
    if (!c || !isLive(c)) continue; // A second scoring of a case not here comes with its case, or not at all.
    const current = scorings.get(scoring.caseId);
    const theirsSide = side(scoring, { by: scoring.by, updatedAt: scoring.startedAt });
    if (current && canonicalJson(current) === canonicalJson(scoring)) {
      planner.left += 1;
      continue;
    }
    planner.add(
      {
        key: `${planner.inspectionId}|${scoring.caseId}|second-scoring`,
        kind: 'second-scoring',
        caseId: scoring.caseId,
        reference: c.reference,
        ...(current ? { mine: side(current, { by: current.by, updatedAt: current.startedAt }) } : {}),
        theirs: theirsSide,
      },
      current !== undefined,
    );
  }
}

/** The audit entries of theirs that ours does not hold, within the caps; the rest counted as left out. */
export function newClaims(
  mine: ExportedInspection | undefined,
  theirs: ExportedInspection,
): { kept: ExportedAuditRecord[]; leftOut: number } {
  const key = (e: ExportedAuditRecord) =>
    canonicalJson([e.at, e.by, e.action, e.caseId, e.key, e.before, e.after]);
  const known = new Set((mine?.audit ?? []).map(key));
  const kept: ExportedAuditRecord[] = [];
  let leftOut = 0;
  let bytes = 0;
  for (const entry of theirs.audit ?? []) {
    const id = key(entry);
    if (known.has(id)) continue;
    known.add(id);
    if (
      id.length > MAX_CLAIM_ENTRY_BYTES ||
      kept.length >= MAX_CLAIMS ||
      bytes + id.length > MAX_CLAIM_BYTES
    ) {
      leftOut += 1;
      continue;
    }
    bytes += id.length;
    kept.push(entry);
  }
  return { kept, leftOut };
}

function planInspection(
  mine: ExportedInspection | undefined,
  theirs: ExportedInspection,
  options: PlanOptions,
): InspectionMergePlan {
  const planner = new InspectionPlanner(theirs.id, options);
  const claims = newClaims(mine, theirs);
  const counts = { claims: claims.kept.length, claimsLeftOut: claims.leftOut };
  if (!mine) {
    const live = theirs.cases.filter(isLive).length;
    planner.add(
      {
        key: `${theirs.id}|inspection`,
        kind: 'inspection',
        target: theirs.id,
        ...(options.binned?.has(theirs.id) ? { inBin: true } : {}),
        theirs: side(`${theirs.name}: ${live} case${live === 1 ? '' : 's'}`, { by: theirs.leadInspector }),
      },
      false,
    );
    return {
      id: theirs.id,
      name: theirs.name,
      isNew: true,
      items: planner.items,
      clashes: [],
      settlements: [],
      left: 0,
      ...counts,
    };
  }
  if (mine.framework.id !== theirs.framework.id || mine.framework.version !== theirs.framework.version) {
    throw new MergeError(
      `${theirs.name} in the file uses ${theirs.framework.id} ${theirs.framework.version}, but the inspection here uses ${mine.framework.id} ${mine.framework.version}; they cannot be merged`,
    );
  }
  const clashes: ReferenceClash[] = [];
  const mineById = new Map(mine.cases.map((c) => [c.id, c] as const));
  const mineByReference = new Map(
    mine.cases.filter(isLive).map((c) => [referenceKey(c.reference), c] as const),
  );

  for (const theirsCase of theirs.cases) {
    const mineCase = mineById.get(theirsCase.id);
    if (mineCase) {
      if (isLive(mineCase) && isLive(theirsCase)) compareCase(planner, mineCase, theirsCase);
      else compareRemoval(planner, mineCase, theirsCase);
      continue;
    }
    if (!isLive(theirsCase)) {
      planner.left += 1; // A removal of a case never here: nothing to do.
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
      compareCase(planner, sameReference, theirsCase, clashKey);
      continue;
    }
    const answers = Object.keys(theirsCase.answers).length;
    planner.add(
      {
        key: `${mine.id}|${theirsCase.id}|case`,
        kind: 'case',
        caseId: theirsCase.id,
        reference: theirsCase.reference,
        theirs: side(
          `${theirsCase.reference}: ${answers} answer${answers === 1 ? '' : 's'}`,
          detailVersion(theirsCase, 'removed'),
        ),
      },
      false,
    );
  }
  compareStandards(planner, mine, theirs);
  compareModeration(planner, mine, theirs);
  return {
    id: mine.id,
    name: mine.name,
    isNew: false,
    items: planner.items,
    clashes,
    settlements: planner.settlements,
    left: planner.left,
    ...counts,
  };
}

/**
 * Plans merging their inspections into ours. Pure: the same two copies and options always give the same plan.
 * @throws MergeError when an inspection of theirs uses another framework than ours under the same id.
 */
export function planMerge(
  mine: readonly ExportedInspection[],
  theirs: readonly ExportedInspection[],
  options: PlanOptions,
): MergePlan {
  const ours = new Map(mine.map((i) => [i.id, i] as const));
  const inspections = theirs.map((t) => planInspection(ours.get(t.id), t, options));
  const totals = { taken: 0, toReview: 0, conflicts: 0, clashes: 0, left: 0, claims: 0 };
  const byKind: Partial<Record<ItemKind, number>> = {};
  for (const plan of inspections) {
    totals.left += plan.left;
    totals.claims += plan.claims;
    totals.clashes += plan.clashes.length;
    for (const item of plan.items) {
      // A reference clash's items count once the lead joins the cases; the clash itself counts now.
      if (item.clashKey) continue;
      totals[item.group] += 1;
      byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
    }
  }
  return { source: options.source, inspections, totals: { ...totals, byKind } };
}

/** A detail's name in words, for reviews and the merge command. */
export function detailWords(detail: string): string {
  return DETAIL_WORDS[detail as VersionedCaseDetail] ?? detail;
}

/** Every versioned part of a case, removal vector included (what a tombstone made now would replace). */
export { caseVersions };
