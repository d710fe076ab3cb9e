/**
 * Exercise: wasm-vwap.
 *
 * Keep a day's trades in two columns (prices, volumes) where the engine's WebAssembly
 * SIMD kernel can read them without a copy, and compute their VWAP with it.
 *
 * - `new TradeColumns(kernels, capacity)`: `kernels` is any `Kernels` from
 *   `#engine/kernels` (SIMD from `loadSimd`, or the `scalar` fallback). Allocate the
 *   columns with `kernels.alloc(n)`: with SIMD kernels that returns a view of the
 *   module's linear memory, which the kernel reads in place. An ordinary Float64Array
 *   works too, but is copied into wasm memory on every call.
 * - `push(price, volume)` appends a trade; when the columns are full, double them.
 * - `vwap()` returns `kernels.vwap(...)` over the trades pushed so far (0 for none).
 * - Beware: when `alloc` needs more memory than the module has, it grows the memory,
 *   and growing DETACHES every earlier view of it: its length becomes 0 and an indexed
 *   read gives undefined, silently (only methods such as `subarray` throw a TypeError). Never read an old view after an `alloc`, and do not let
 *   a second `alloc` detach the first column.
 * - `openTradeColumns(capacity, log)` returns columns on the best kernels this platform
 *   has: SIMD, or the scalar kernels where WebAssembly SIMD is missing. `log`, if given,
 *   is told which it chose, in a line that names them (SIMD or scalar); `loadKernels`
 *   does that when passed `{ log }`.
 *
 * The tests spy on the kernel calls (are the arrays in wasm memory?), push past the
 * reserved heap so that the memory grows, and hide SIMD to check the fallback.
 */
// What you may use of the engine: the kernels and the ways to load them (loadKernels picks SIMD or scalar for you).
import { loadKernels, loadSimd, scalar, simdSupported, type Kernels } from '#engine/kernels';

export class TradeColumns {
  #prices: Float64Array;
  #volumes: Float64Array;
  #length = 0;

  constructor(
    readonly kernels: Kernels,
    capacity = 1024,
  ) {
    // TODO: allocate the columns in the kernels' memory (one alloc for both is safest).
    this.#prices = new Float64Array(capacity);
    this.#volumes = new Float64Array(capacity);
  }

  get length(): number {
    return this.#length;
  }

  push(price: number, volume: number): void {
    // TODO: grow when full: copy the live trades out BEFORE allocating, then take new views.
    this.#prices[this.#length] = price;
    this.#volumes[this.#length] = volume;
    this.#length += 1;
  }

  vwap(): number {
    // TODO: pass views of the first `length` trades to the kernel (subarray, not a copy).
    return this.kernels.vwap(Float64Array.from(this.#prices), Float64Array.from(this.#volumes));
  }
}

export async function openTradeColumns(capacity = 1024, log?: (line: string) => void): Promise<TradeColumns> {
  // TODO: fall back to the scalar kernels where WebAssembly SIMD is missing.
  void log;
  return new TradeColumns(await loadSimd(), capacity);
}
