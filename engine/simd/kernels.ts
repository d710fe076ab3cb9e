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

/**
 * A trade table as struct-of-arrays: row i is the trade (symbol[i], price[i], qty[i]).
 * One column per field keeps each field contiguous, so a scan reads only the columns it
 * needs and loads two rows per SIMD register. The three columns must have one length.
 */
export interface TradeTable {
  /** Symbol id of each trade (32-bit). */
  symbol: Int32Array | Uint32Array;
  /** Price of each trade. */
  price: Float64Array;
  /** Quantity of each trade. */
  qty: Float64Array;
}

/** Smallest and largest element; `{ min: Infinity, max: -Infinity }` for no elements. */
export interface MinMax {
  min: number;
  max: number;
}

/**
 * The kernels. Inputs are Float64Array of any length and any byteOffset (subarray
 * views); two-array kernels throw a RangeError naming both lengths when they differ.
 * NaN and infinities propagate as IEEE 754 says (Infinity + -Infinity is NaN...).
 * Sums of no elements are 0.
 */
export interface Kernels {
  /** 'simd': WebAssembly f64x2; 'scalar': TypeScript. */
  readonly kind: 'simd' | 'scalar';
  /** Human-readable: which implementation, and why when it is a fallback. */
  readonly description: string;
  /** x[0] + ... + x[n-1]. */
  sum(values: Float64Array): number;
  /** a[0]*b[0] + ... + a[n-1]*b[n-1]. */
  dot(a: Float64Array, b: Float64Array): number;
  /** Volume-weighted average price: sum(p*v) / sum(v), and 0 when sum(v) is 0. */
  vwap(prices: Float64Array, volumes: Float64Array): number;
  /** Notional: sum of price * quantity (the dot product, named for its use). */
  notional(prices: Float64Array, quantities: Float64Array): number;
  /** Smallest and largest element (NaN if any element is NaN; -0 is below +0). */
  minMax(values: Float64Array): MinMax;
  /**
   * Sum of price * qty over the rows whose symbol is `symbolId` (0 when none is, or when
   * `symbolId` is not a value the symbol column can hold). Rows of other symbols are
   * never read into the sum, so a NaN price there does not matter.
   */
  notionalBySymbol(table: TradeTable, symbolId: number): number;
  /**
   * A zero-filled Float64Array of `length` where the kernels read it fastest: for SIMD,
   * a view of the wasm memory (no copy when passed to a kernel); for scalar, an ordinary
   * array. SIMD caveat: beyond the heap reserved by loadSimd (16 MiB by default),
   * allocating grows the wasm memory, which detaches every view returned earlier (their
   * length becomes 0, and a kernel given one throws): reserve enough, or allocate one
   * block and take subarrays of it.
   */
  alloc(length: number): Float64Array;
  /** Like {@link Kernels.alloc}, for a symbol column. */
  allocInt32(length: number): Int32Array;
  /**
   * Releases every view from alloc/allocInt32 at once (a bump allocator: no single
   * free). Using such a view afterwards reads whatever is allocated there next.
   */
  freeAll(): void;
}

/** The scalar (TypeScript) kernels: the portable fallback, and the peer in benchmarks. */
export const scalar: Kernels = scalarKernels;

/** The WebAssembly SIMD kernels, with their raw module for lessons on wasm interop. */
export interface SimdKernels extends Kernels {
  readonly kind: 'simd';
  /**
   * The instance's raw exports: `memory`, and functions taking byte addresses into it
   * and element counts, e.g. `sum(ptr, n)`, `vwap_parts(pp, pv, n)` (stores sum(p*v) at
   * address 0 and sum(v) at 8). Growing `memory` yourself detaches alloc'd views.
   */
  readonly wasm: SimdExports;
}

/** The exports of engine/simd/kernels.wat (addresses are byte offsets in `memory`). */
export interface SimdExports {
  memory: WebAssembly.Memory;
  sum(p: number, n: number): number;
  dot(pa: number, pb: number, n: number): number;
  vwap_parts(pp: number, pv: number, n: number): void;
  min_max(p: number, n: number): void;
  notional_by_symbol(ps: number, pp: number, pq: number, n: number, id: number): number;
  read_probe(p: number, n: number): number;
}

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
