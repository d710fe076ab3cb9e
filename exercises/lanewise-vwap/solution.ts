/**
 * Exercise: lanewise-vwap (reference solution).
 *
 * A SIMD register of 128 bits holds two f64 lanes. `f64x2.add` adds lane 0 to lane 0
 * and lane 1 to lane 1 in one instruction, so a vectorised sum keeps two partial sums:
 * one over the even indices, one over the odd ones. Writing the loop the same way in
 * scalar code has a second benefit even without SIMD: the two additions do not depend
 * on each other, so the CPU can overlap them instead of waiting for each add to finish
 * before starting the next (a loop-carried dependency).
 *
 * The order of additions changes the last bits of the result (floating-point addition
 * is not associative), and the engine's kernels each pick their own: its scalar kernel
 * adds an odd tail into lane 0 before folding its two lanes; its WebAssembly kernel
 * keeps eight running sums (four f64x2 registers) and adds the tail after folding them.
 * All are within `vwapBound` of the exact value, and that bound, not one order, is what
 * the tests grade.
 *
 * Where the analogy with Rust ends: Rust writes this loop over `chunks_exact(2)`, whose
 * `remainder()` hands over the odd element explicitly, and an index past the end panics
 * instead of reading `undefined`. Here the index arithmetic is yours to get right, and
 * the tests are what catch a forgotten or doubled tail.
 */

export function vwapLanewise(prices: Float64Array, volumes: Float64Array): number {
  // #region length-check
  // Mismatched columns are a caller's bug: fail loudly rather than read past one end.
  if (prices.length !== volumes.length) {
    throw new RangeError(`vwap: prices has ${prices.length} elements but volumes has ${volumes.length}`);
  }
  // #endregion length-check
  const n = prices.length;
  const pairs = n - (n % 2); // elements handled two at a time
  // #region lanes
  // Lane 0 accumulates even indices, lane 1 odd ones: exactly what f64x2 registers do.
  let pv0 = 0;
  let pv1 = 0;
  let v0 = 0;
  let v1 = 0;
  for (let i = 0; i < pairs; i += 2) {
    const a = volumes[i]!;
    const b = volumes[i + 1]!;
    pv0 += prices[i]! * a;
    pv1 += prices[i + 1]! * b;
    v0 += a;
    v1 += b;
  }
  // #endregion lanes
  // #region fold-and-tail
  // Horizontal add: fold the lanes together (lane 0 + lane 1), as a SIMD kernel does
  // after its loop...
  let weighted = pv0 + pv1;
  let volume = v0 + v1;
  // ...then the tail: an odd element left over, which fills only one lane. It is added
  // once: adding it to both lanes would count that trade twice.
  if (pairs < n) {
    weighted += prices[pairs]! * volumes[pairs]!;
    volume += volumes[pairs]!;
  }
  // No volume, no price: 0 by convention, not NaN from 0/0.
  return volume === 0 ? 0 : weighted / volume;
  // #endregion fold-and-tail
}
