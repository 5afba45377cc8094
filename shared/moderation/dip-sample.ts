/**
 * Dip-sampling: the quality lead draws a sample of submitted cases to score again, at random but reproducibly.
 * The same seed and the same eligible cases always give the same draw, so anyone can check it.
 *
 * Stratified by inspector and case type: each stratum (one inspector's cases of one type) gets its share of the
 * sample by largest remainders (Hamilton's method; ties to the stratum first in order), and within a stratum
 * the cases, in reference order, are shuffled by a Fisher–Yates shuffle driven by mulberry32 from the seed and
 * the first ones taken.
 */

/** A case the draw can choose from. */
export interface DipCandidate {
  readonly id: string;
  readonly reference: string;
  readonly inspector?: string;
  readonly caseType: string;
}

/** How one stratum fared: its cases and how many were drawn. */
export interface DipStratum {
  readonly inspector: string;
  readonly caseType: string;
  readonly cases: number;
  readonly drawn: number;
}

export interface DipDraw {
  readonly seed: number;
  readonly size: number;
  /** Drawn case ids, in reference order. */
  readonly caseIds: readonly string[];
  readonly strata: readonly DipStratum[];
}

/** The largest seed; seeds are whole numbers from 1 to this, shown to the lead and stored with the sample. */
export const MAX_SEED = 2_147_483_647;

/** mulberry32: a small, well-tested 32-bit generator; returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NO_INSPECTOR = '(no inspector)';
const byReference = (a: DipCandidate, b: DipCandidate) =>
  a.reference.localeCompare(b.reference, 'en', { numeric: true });

/** Why a draw cannot be made, or `null`. */
export function dipSampleProblem(size: number, seed: number, eligible: number): string | null {
  if (!Number.isInteger(seed) || seed < 1 || seed > MAX_SEED)
    return `The seed must be a whole number from 1 to ${MAX_SEED}.`;
  if (!Number.isInteger(size) || size < 1)
    return 'The sample size must be a whole number of cases, at least 1.';
  if (eligible === 0) return 'No submitted cases are waiting to be dip-sampled.';
  if (size > eligible)
    return `Only ${eligible} submitted case${eligible === 1 ? ' is' : 's are'} waiting to be dip-sampled; ask for ${eligible} or fewer.`;
  return null;
}

/** Draws `size` of `candidates` with `seed`; throws a RangeError saying what is wrong. */
export function drawDipSample(candidates: readonly DipCandidate[], size: number, seed: number): DipDraw {
  const problem = dipSampleProblem(size, seed, candidates.length);
  if (problem) throw new RangeError(problem);
  const groups = new Map<string, DipCandidate[]>();
  for (const c of [...candidates].sort(byReference)) {
    const key = `${c.inspector?.trim() || NO_INSPECTOR}\u0000${c.caseType}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const keys = [...groups.keys()].sort();
  const total = candidates.length;
  const quotas = keys.map((k) => (size * groups.get(k)!.length) / total);
  const allocated = quotas.map(Math.floor);
  let left = size - allocated.reduce((a, b) => a + b, 0);
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => quotas[b]! - allocated[b]! - (quotas[a]! - allocated[a]!) || a - b);
  for (const i of order) {
    if (left === 0) break;
    allocated[i]! += 1;
    left -= 1;
  }
  const random = seededRandom(seed);
  const drawn: DipCandidate[] = [];
  const strata: DipStratum[] = [];
  keys.forEach((key, i) => {
    const pool = [...groups.get(key)!];
    for (let j = pool.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      [pool[j], pool[k]] = [pool[k]!, pool[j]!];
    }
    const take = allocated[i]!;
    drawn.push(...pool.slice(0, take));
    const [inspector, caseType] = key.split('\u0000') as [string, string];
    strata.push({ inspector, caseType, cases: pool.length, drawn: take });
  });
  return { seed, size, caseIds: drawn.sort(byReference).map((c) => c.id), strata };
}
