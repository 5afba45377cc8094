/**
 * The standard normal quantile, for turning a confidence level (0.80, 0.95) into its two-sided z (1.2816,
 * 1.9600). Acklam's rational approximation (relative error below 1.2e-9), so any level a setting holds works
 * without a table.
 */

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const LOW = 0.02425;

function poly(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((sum, c) => sum * x + c, 0);
}

/** The value below which a standard normal variable falls with probability `p` (0 < p < 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`A probability must be between 0 and 1, not ${p}`);
  if (p < LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p > 1 - LOW) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

/** The two-sided z for a confidence level: 1.96 for 0.95, 1.28 for 0.80. */
export function zForLevel(level: number): number {
  if (!(level > 0 && level < 1))
    throw new RangeError(`A confidence level must be between 0 and 1, not ${level}`);
  return normalQuantile(1 - (1 - level) / 2);
}
