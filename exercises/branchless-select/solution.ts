/**
 * Exercise: branchless-select (reference solution).
 *
 * A comparison is not a branch: `a < b` produces a value (x86's `setl`, ARM's `cset`),
 * and a value can steer a selection through arithmetic instead of through a jump the
 * CPU has to predict. `-(a < b) | 0` is -1 (all 32 bits set) when a < b and 0 otherwise:
 * a mask that keeps one operand's bits and clears the other's. This is what a compiler
 * does with `cmov`/`csel` when it decides a branch would be unpredictable.
 *
 * Why not the classic `b + ((a - b) & ((a - b) >> 31))`? It takes the sign of a - b,
 * and a - b of two int32 values needs 33 bits: at the edges (a = -2^31, b = 1) the
 * 32-bit difference wraps and its sign lies. The comparison cannot overflow.
 */

// #region select
/** The smaller of two int32 values, without a branch. */
export function min(a: number, b: number): number {
  const takeA = -(a < b) | 0; // -1 when a < b, else 0
  return (a & takeA) | (b & ~takeA);
}

/** The larger of two int32 values, without a branch. */
export function max(a: number, b: number): number {
  const takeA = -(a > b) | 0; // -1 when a > b, else 0
  return (a & takeA) | (b & ~takeA);
}

/** x limited to [lo, hi] (lo <= hi), without a branch: two selections in a row. */
export function clamp(x: number, lo: number, hi: number): number {
  return min(max(x, lo), hi);
}
// #endregion select
