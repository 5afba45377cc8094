/**
 * Which of two versions of one thing (an answer, a case detail, a judgement…) is newer, without believing any
 * clock. Every change names the install that made it (`device`), that install's change counter (`counter`) and
 * the versions it replaced (`replaces`: for each device, the highest counter of that device's versions of the
 * same thing it had seen). So:
 * - from the same device, the higher counter is the later change;
 * - from different devices, a version is newer only if it names the other as replaced;
 * - otherwise the two were made without knowing of each other: a conflict, for the lead inspector to decide.
 * Times (`updatedAt`) are shown to people and never compared. Versions from files written before devices were
 * recorded have no counter; one is replaced only where a later version names it in `supersedes` ("KM@time").
 */

/** For each device, the highest counter seen. */
export type VersionVector = Readonly<Record<string, number>>;

/** What a version carries about itself. */
export interface Versioned {
  readonly updatedAt?: string;
  readonly by?: string;
  readonly device?: string;
  readonly counter?: number;
  readonly replaces?: VersionVector;
  readonly supersedes?: readonly string[];
}

/** The device and counter that made a version, or `null` for a version from before devices were recorded. */
export function dotOf(version: Versioned): { device: string; counter: number } | null {
  return version.device !== undefined && version.counter !== undefined
    ? { device: version.device, counter: version.counter }
    : null;
}

/** "KM@2022-09-05T10:00:00.000Z": how versions without a device are named in `supersedes`. */
export function legacyName(version: Pick<Versioned, 'by' | 'updatedAt'>): string {
  return `${version.by ?? '?'}@${version.updatedAt ?? '?'}`;
}

/** Whether `newer` was made knowing of `older` (or is `older`): then `older` needs no say. */
export function covers(newer: Versioned, older: Versioned): boolean {
  const dot = dotOf(older);
  if (!dot) return (newer.supersedes ?? []).includes(legacyName(older));
  const own = dotOf(newer);
  if (own && own.device === dot.device && own.counter >= dot.counter) return true;
  return (newer.replaces?.[dot.device] ?? -1) >= dot.counter;
}

/** Everything the versions had seen, themselves included, as one vector (the highest counter per device). */
export function seenBy(versions: readonly (Versioned | undefined)[]): VersionVector {
  const out: Record<string, number> = {};
  const note = (device: string, counter: number) => {
    if ((out[device] ?? -1) < counter) out[device] = counter;
  };
  for (const version of versions) {
    if (!version) continue;
    for (const [device, counter] of Object.entries(version.replaces ?? {})) note(device, counter);
    const dot = dotOf(version);
    if (dot) note(dot.device, dot.counter);
  }
  return out;
}

/**
 * What a new version replacing `previous` records: everything they had seen, and the names of any of them
 * from before devices were recorded. Empty members are left out.
 */
export function replacing(previous: readonly (Versioned | undefined)[]): {
  replaces?: VersionVector;
  supersedes?: string[];
} {
  const replaces = seenBy(previous);
  const legacy = previous.flatMap((v) =>
    v ? [...(v.supersedes ?? []), ...(dotOf(v) ? [] : [legacyName(v)])] : [],
  );
  return {
    ...(Object.keys(replaces).length ? { replaces: sortedVector(replaces) } : {}),
    ...(legacy.length ? { supersedes: [...new Set(legacy)].sort() } : {}),
  };
}

function sortedVector(vector: VersionVector): VersionVector {
  return Object.fromEntries(Object.entries(vector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** How two versions of one thing stand. */
export type Standing = 'same' | 'ours' | 'theirs' | 'conflict';

/**
 * How their version stands against ours. `same`: nothing to do for the content (the two say the same);
 * `ours`: ours already replaced theirs; `theirs`: theirs replaced ours; `conflict`: neither knew of the other.
 */
export function standing(mine: Versioned, theirs: Versioned, sameContent: boolean): Standing {
  if (sameContent) return 'same';
  const oursCovers = covers(mine, theirs);
  const theirsCovers = covers(theirs, mine);
  // Each naming the other happens only when a counter or vector was forged: never let either win.
  if (oursCovers && theirsCovers) return 'conflict';
  if (oursCovers) return 'ours';
  if (theirsCovers) return 'theirs';
  return 'conflict';
}

/** A total order on versions that every copy computes alike (device, then counter; unrecorded first). */
function rank(version: Versioned): string {
  const dot = dotOf(version);
  return dot ? `1|${dot.device}|${String(dot.counter).padStart(16, '0')}` : `0|${legacyName(version)}`;
}

/**
 * Two versions that say the same: the stamp every copy keeps, whichever it held. The higher-ranked one, now
 * naming the other version itself as replaced (never what the other claims to have replaced: a file's claims
 * must not quietly widen what this copy's versions cover). So copies that meet converge, stamps and all.
 */
export function settleSame<V extends Versioned>(mine: V, theirs: V): V {
  if (covers(mine, theirs) && !covers(theirs, mine)) return mine;
  if (covers(theirs, mine) && !covers(mine, theirs)) return theirs;
  const [kept, other] = rank(mine) >= rank(theirs) ? [mine, theirs] : [theirs, mine];
  if (covers(kept, other)) return kept;
  const replaces: Record<string, number> = { ...kept.replaces };
  const otherDot = dotOf(other);
  if (otherDot && (replaces[otherDot.device] ?? -1) < otherDot.counter)
    replaces[otherDot.device] = otherDot.counter;
  const supersedes = [
    ...new Set([...(kept.supersedes ?? []), ...(otherDot ? [] : [legacyName(other)])]),
  ].sort();
  return {
    ...kept,
    ...(Object.keys(replaces).length ? { replaces: sortedVector(replaces) } : {}),
    ...(supersedes.length ? { supersedes } : {}),
  };
}

/** Whether a time is more than a day ahead of `now` (a laptop clock set wrong, or a forged time). */
export function aheadOfClock(time: string | undefined, now: Date): boolean {
  if (!time) return false;
  const at = Date.parse(time);
  return Number.isFinite(at) && at - now.getTime() > 24 * 60 * 60 * 1000;
}
