/**
 * Wilson's score interval for a share (Wilson 1927; method 3 in Newcombe 1998). Unlike the textbook
 * "share ± z·SE" it never leaves 0–100%, and it stays honest for small samples and for shares near 0 or 1,
 * which is where inspection samples of 10–60 applicable cases live.
 */
import { zForLevel } from './normal';

/** A confidence interval: the range and the level it was drawn at. */
export interface Interval {
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The Wilson interval for `yes` of `n` at `level` (0.95 for 95%). `yes` may be fractional (a share projected
 * onto a larger sample); `n` must be positive.
 */
export function wilsonInterval(yes: number, n: number, level: number): Interval {
  if (!(n > 0)) throw new RangeError(`A Wilson interval needs at least one case, not ${n}`);
  if (!(yes >= 0 && yes <= n)) throw new RangeError(`Yes must be between 0 and ${n}, not ${yes}`);
  const z = zForLevel(level);
  const p = yes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp the last bit of floating-point noise: at p = 0 the lower limit is exactly 0.
  return { level, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
