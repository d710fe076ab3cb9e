/**
 * The kernels' shapes: the interface both implementations (`kernels-scalar.ts`,
 * `kernels-simd.ts`) meet and the loader (`kernels.ts`) hands out, with their inputs and
 * the WebAssembly module's exports. A file of its own so that the implementations import
 * it and not the loader that imports them.
 */

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
