/**
 * max written as -min(-a, -b): negating -2^31 gives 2^31, which is not an int32, so
 * max(-2^31, -2^31) comes out as 2^31.
 *
 * The identity max(a, b) = -min(-a, -b) holds for mathematical integers, and for int32
 * everywhere except at -2^31, whose negation does not fit (the same reason abs(INT_MIN)
 * overflows in C and panics in debug Rust).
 */

// #region select
/** The smaller of two int32 values, without a branch. */
export function min(a: number, b: number): number {
  const takeA = -(a < b) | 0; // -1 when a < b, else 0
  return (a & takeA) | (b & ~takeA);
}

/** The larger of two int32 values, without a branch. */
export function max(a: number, b: number): number {
  // The larger is the negation of the smaller of the negations.
  return -min(-a, -b);
}

/** x limited to [lo, hi] (lo <= hi), without a branch: two selections in a row. */
export function clamp(x: number, lo: number, hi: number): number {
  return min(max(x, lo), hi);
}
// #endregion select
