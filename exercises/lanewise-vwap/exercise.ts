/**
 * Exercise: lanewise-vwap.
 *
 * Compute the volume-weighted average price, sum(price * volume) / sum(volume), the
 * way a SIMD unit with two f64 lanes does:
 *
 * - keep two partial sums of price * volume and two of volume: lane 0 takes the even
 *   indices (0, 2, 4, ...), lane 1 the odd ones (1, 3, 5, ...), stepping two at a time;
 * - after the loop, add the lanes together (lane 0 + lane 1);
 * - then add the tail: when the length is odd, the last element is left over, and it
 *   counts once;
 * - return 0 when the total volume is 0 (no volume, no price), not NaN;
 * - throw a RangeError whose message names both lengths when the arrays differ in length.
 *
 * Grading: your result must be within the engine's proven rounding bound (`vwapBound`
 * in `engine/simd/kernels.ts`) of the exact value, and so agree with the engine's scalar
 * and WebAssembly SIMD kernels on random trades. Floating-point addition is not
 * associative, so a different order of additions gives a slightly different result; any
 * order within the bound passes (the lesson shows where the order shows).
 */

// #region signature
export function vwapLanewise(prices: Float64Array, volumes: Float64Array): number {
  // TODO: check the lengths; two lanes of partial sums; fold the lanes; add the tail;
  // return 0 for zero volume.
  let weighted = 0;
  let volume = 0;
  for (let i = 0; i < prices.length; i++) {
    weighted += prices[i]! * volumes[i]!;
    volume += volumes[i]!;
  }
  return weighted / volume;
}
// #endregion signature
