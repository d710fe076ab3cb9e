/**
 * Exercise: lanewise-vwap.
 *
 * Compute the volume-weighted average price, sum(price * volume) / sum(volume), the
 * way a SIMD unit with two f64 lanes does:
 *
 * - keep two partial sums of price * volume and two of volume: lane 0 takes the even
 *   indices (0, 2, 4, ...), lane 1 the odd ones (1, 3, 5, ...), stepping two at a time;
 * - after the loop, add the lanes together (lane 0 + lane 1);
 * - then add the tail: when the length is odd, the last element is left over;
 * - return 0 when the total volume is 0;
 * - throw a RangeError naming both lengths when the arrays differ in length.
 *
 * The tests compare your result with the engine's WebAssembly SIMD kernel on random
 * trades, and check the exact lane order on inputs where the order changes the answer.
 */

export function vwapLanewise(prices: Float64Array, volumes: Float64Array): number {
  // TODO: two lanes of partial sums, then the lanes added together, then the tail.
  let weighted = 0;
  let volume = 0;
  for (let i = 0; i < prices.length; i++) {
    weighted += prices[i]! * volumes[i]!;
    volume += volumes[i]!;
  }
  return weighted / volume;
}
