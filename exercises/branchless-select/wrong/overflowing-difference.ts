/**
 * The classic sign-of-the-difference trick, b + ((a - b) & ((a - b) >> 31)), which
 * overflows: a - b of two int32 values needs 33 bits, and the shift sees it wrapped.
 *
 * It is right for most inputs (every pair less than 2^31 apart) and wrong at the edges,
 * e.g. min(-2^31, 1) gives 1. In C, where a - b itself overflows, it is undefined behaviour.
 */

// #region select
/** The smaller of two int32 values, without a branch. */
export function min(a: number, b: number): number {
  const d = a - b;
  // d >> 31 is -1 when d is negative: then d & -1 = d and b + d = a; else b + 0 = b.
  return (b + (d & (d >> 31))) | 0;
}

/** The larger of two int32 values, without a branch. */
export function max(a: number, b: number): number {
  const d = a - b;
  // Subtract the negative part of d: a when a >= b, b otherwise.
  return (a - (d & (d >> 31))) | 0;
}

/** x limited to [lo, hi] (lo <= hi), without a branch: two selections in a row. */
export function clamp(x: number, lo: number, hi: number): number {
  return min(max(x, lo), hi);
}
// #endregion select
