/**
 * Exercise: branchless-select.
 *
 * Write `min`, `max` and `clamp` over 32-bit signed integers (every value from -2^31 to
 * 2^31 - 1) without a single branch:
 *
 * - `min(a, b)`: the smaller; `max(a, b)`: the larger; `clamp(x, lo, hi)`: x limited to
 *   [lo, hi], for lo <= hi.
 * - No `if`, `else`, `switch`, loops, `? :`, `??`, `?.`, `&&` or `||` in their bodies,
 *   no `Math.min`/`Math.max`, and no calls except to these three functions (and other
 *   `Math` functions): a helper's body could hide a branch, so write it inline.
 * - Comparisons (`<`, `>`, `===`, ...) are allowed: they give a value, not a jump.
 * - Right on every edge value: -2^31, 2^31 - 1, 0, -1 and equal inputs.
 *
 * The tests read your functions' source (`fn.toString()`) to check the rule, and try
 * every pair of edge values and thousands of seeded random ones.
 *
 * Run `ticklab hint branchless-select` if you are stuck.
 */

// #region starter
/** The smaller of two int32 values, without a branch. */
export function min(a: number, b: number): number {
  // TODO: select a or b without a branch.
  return a;
}

/** The larger of two int32 values, without a branch. */
export function max(a: number, b: number): number {
  // TODO: select a or b without a branch.
  return b;
}

/** x limited to [lo, hi] (lo <= hi), without a branch. */
export function clamp(x: number, lo: number, hi: number): number {
  // TODO: limit x to [lo, hi] without a branch.
  void lo;
  void hi;
  return x;
}
// #endregion starter
