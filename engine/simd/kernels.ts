/**
 * Numeric kernels over Float64Array columns: sum, dot, VWAP, notional, min/max, and the
 * notional of one symbol in a struct-of-arrays trade table.
 *
 * Two implementations with one interface ({@link Kernels}):
 * - {@link scalar}: plain TypeScript, several independent accumulators; runs everywhere.
 * - {@link loadSimd}: WebAssembly SIMD (f64x2 lanes), assembled from engine/simd/kernels.wat;
 *   rejects with {@link SimdUnsupportedError} where the platform lacks wasm SIMD.
 * {@link loadKernels} picks SIMD when it can and falls back to scalar, saying which.
 *
 * Both reassociate additions (several accumulators, lanes), so their results differ from
 * a left-to-right loop by rounding only: {@link reassociationBound} and
 * {@link vwapBound} bound the difference from the exact value, for any order of
 * additions; tests and exercises compare within those bounds.
 */
import { scalarKernels } from './kernels-scalar.ts';
import { DEFAULT_HEAP_BYTES, createSimdKernels, compileKernelsModule } from './kernels-simd.ts';
import type { Kernels, SimdExports, SimdKernels } from './kernels-types.ts';

export type { Kernels, MinMax, SimdExports, SimdKernels, TradeTable } from './kernels-types.ts';

/** The scalar (TypeScript) kernels: the portable fallback, and the peer in benchmarks. */
export const scalar: Kernels = scalarKernels;

/** Thrown (as a rejection) by {@link loadSimd} where WebAssembly SIMD is unavailable. */
export class SimdUnsupportedError extends Error {
  constructor(detail: string) {
    super(`WebAssembly SIMD is not available on this platform: ${detail}`);
    this.name = 'SimdUnsupportedError';
  }
}

// The smallest module using SIMD: a function returning a v128 (i32.const 0; i8x16.splat).
// An engine without SIMD rejects the v128 type itself, so validation answers the question.
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x08, 0x01, 0x06, 0x00, 0x41, 0x00, 0xfd, 0x0f, 0x0b, // code: i32.const 0, i8x16.splat, end
]);

/** True when this platform has WebAssembly with the SIMD (v128) proposal. */
export function simdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/** Options of {@link loadSimd}. */
export interface SimdOptions {
  /**
   * Heap bytes to reserve up front for alloc/allocInt32 (default 16 MiB: two million
   * f64). Allocations within it never grow the memory, so never detach earlier views.
   * Memory that is reserved but not written costs address space, not RAM.
   */
  heapBytes?: number;
}

/**
 * Instantiates the WebAssembly SIMD kernels (a fresh instance and memory each call; the
 * compiled module is cached). Rejects with {@link SimdUnsupportedError} when the
 * platform has no WebAssembly or no SIMD. Works in Node, browsers and workers: the
 * bytes are embedded (engine/simd/kernels-wasm.ts), nothing is fetched or read.
 */
export async function loadSimd(options: SimdOptions = {}): Promise<SimdKernels> {
  if (typeof WebAssembly !== 'object') throw new SimdUnsupportedError('no WebAssembly object');
  if (!simdSupported()) throw new SimdUnsupportedError('WebAssembly.validate rejects a v128 module');
  const module = await compileKernelsModule();
  const instance = await WebAssembly.instantiate(module, {});
  return createSimdKernels(instance.exports as unknown as SimdExports, options.heapBytes ?? DEFAULT_HEAP_BYTES);
}

/**
 * The best kernels this platform runs: SIMD, else scalar. The result's `kind` and
 * `description` say which was chosen and why; `log`, if given, is told too.
 */
export async function loadKernels(options: { log?: (line: string) => void } = {}): Promise<Kernels> {
  let kernels: Kernels;
  try {
    kernels = await loadSimd();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    kernels = { ...scalarKernels, description: `scalar TypeScript (fallback: ${why})` };
  }
  options.log?.(`kernels: ${kernels.description}`);
  return kernels;
}

/** Unit roundoff of binary64: half the gap between 1 and the next double. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * An upper bound on |computed - exact| for a sum of n terms (or a dot product of length
 * n) evaluated in ANY order of pairwise additions (left to right, several accumulators,
 * SIMD lanes, chunks), where `sumAbs` is the sum of |x_i| (or of |a_i * b_i|) computed
 * in floating point. Requires finite inputs and no overflow.
 *
 * Why: each term reaches the result through at most n-1 additions (plus one rounded
 * product for dot), each multiplying it by (1 + d) with |d| <= u = 2^-53, so the error
 * is at most gamma(n) * sum|x_i|, gamma(k) = k*u / (1 - k*u) (Higham, Accuracy and
 * Stability of Numerical Algorithms, 2nd ed., sections 3.1 and 4.2). `sumAbs` is itself
 * computed with error, at most a factor 1/(1 - gamma(n)) low, so we use
 * gamma(2n) >= gamma(n) / (1 - gamma(n)). Products that underflow lose up to 2^-1075
 * each: hence the n * 2^-1074 term (nothing for sums, whose additions are exact there).
 * Two implementations each within the bound differ by at most twice it.
 */
export function reassociationBound(n: number, sumAbs: number): number {
  if (n <= 0) return 0;
  const k = 2 * n * UNIT_ROUNDOFF;
  return (k / (1 - k)) * sumAbs + n * 2 ** -1074;
}

/**
 * An upper bound on |computed - exact| for vwap(prices, volumes) by any evaluation order,
 * or Infinity when the total volume may be zero within rounding (ill-conditioned: the
 * answer could be 0 by the zero-volume rule or anything). Finite for positive volumes.
 *
 * With N, D the exact sums of p*v and v, and computed N', D' off by at most eN, eD
 * ({@link reassociationBound}): |N'/D' - N/D| <= eN/|D'| + |N| eD / (|D| |D'|), plus one
 * rounding of the division (relative u, or 2^-1075 absolute when the quotient is
 * subnormal). |D| and |D'| are bounded below from a plain sum D0 of the volumes
 * (|D0 - D| <= eD), |N| above from a plain sum N0. The total is inflated by 2^-40
 * relative and 2^-1070 absolute to cover the rounding of this formula itself (a few
 * operations, each off by u relative or 2^-1075 absolute in the subnormal range).
 */
export function vwapBound(prices: Float64Array, volumes: Float64Array): number {
  const n = prices.length;
  let num = 0, den = 0, absNum = 0, absDen = 0;
  for (let i = 0; i < n; i++) {
    const p = prices[i]!, v = volumes[i]!;
    num += p * v;
    den += v;
    absNum += Math.abs(p * v);
    absDen += Math.abs(v);
  }
  if (!Number.isFinite(absNum) || !Number.isFinite(absDen)) return NaN;
  if (n === 0) return 0;
  const eN = reassociationBound(n, absNum);
  const eD = reassociationBound(n, absDen);
  const dExact = Math.abs(den) - eD; // lower bound on |D|
  const dComputed = Math.abs(den) - 2 * eD; // lower bound on |D'|
  if (dComputed <= 0) return Infinity;
  const nExact = Math.abs(num) + eN; // upper bound on |N|
  // Grouped so that no intermediate underflows to 0 (tiny volumes) or overflows.
  const err = eN / dComputed + (nExact / dExact) * (eD / dComputed);
  const quotient = nExact / dComputed + err; // upper bound on |N'/D'|
  const bound = (err + UNIT_ROUNDOFF * quotient) * (1 + 2 ** -40) + 2 ** -1070;
  return Number.isNaN(bound) ? Infinity : bound;
}
