/**
 * Calls Math.min and Math.max: the right values, but the choice is left to the engine,
 * which may well compile it to a compare and a branch.
 *
 * The exercise is to express the selection yourself as data (a mask), so that no
 * prediction is involved whatever the JIT does.
 */

// #region select
/** The smaller of two int32 values, without a branch. */
export function min(a: number, b: number): number {
  return Math.min(a, b);
}

/** The larger of two int32 values, without a branch. */
export function max(a: number, b: number): number {
  return Math.max(a, b);
}

/** x limited to [lo, hi] (lo <= hi), without a branch: two selections in a row. */
export function clamp(x: number, lo: number, hi: number): number {
  return min(max(x, lo), hi);
}
// #endregion select
