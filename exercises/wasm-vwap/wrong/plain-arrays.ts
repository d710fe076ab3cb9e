/**
 * Keeps the columns in ordinary Float64Arrays, so every vwap call copies both of them into wasm memory.
 * The answer is right, and the scalar path is unchanged; but with SIMD kernels the copy
 * in costs about as much as the kernel, on every call.
 */
import { loadKernels, type Kernels } from '#engine/kernels';

export class TradeColumns {
  #prices: Float64Array;
  #volumes: Float64Array;
  #capacity: number;
  #length = 0;

  constructor(
    readonly kernels: Kernels,
    capacity = 1024,
  ) {
    this.#capacity = Math.max(1, capacity);
    // One allocation for both columns. Two calls to alloc would be two chances to grow
    // the memory, and a growth during the second would detach the first column.
    this.#prices = new Float64Array(this.#capacity);
    this.#volumes = new Float64Array(this.#capacity);
  }

  get length(): number {
    return this.#length;
  }

  push(price: number, volume: number): void {
    if (this.#length === this.#capacity) this.#grow();
    // Written straight into wasm memory (with SIMD kernels): no copy at call time.
    this.#prices[this.#length] = price;
    this.#volumes[this.#length] = volume;
    this.#length += 1;
  }

  vwap(): number {
    // Subarrays are views, not copies: same buffer, same bytes, a shorter length.
    return this.kernels.vwap(this.#prices.subarray(0, this.#length), this.#volumes.subarray(0, this.#length));
  }

  #grow(): void {
    const n = this.#length;
    const capacity = 2 * this.#capacity;
    // Copy the live trades OUT first. alloc may grow the wasm memory, and growing
    // detaches every view of the old buffer: afterwards this.#prices has length 0 and
    // reading it throws (or, for a plain index, silently gives undefined).
    const prices = this.#prices.slice(0, n);
    const volumes = this.#volumes.slice(0, n);
    const block = new Float64Array(2 * capacity);
    // Views taken after the last alloc are views of the current buffer.
    this.#prices = block.subarray(0, capacity);
    this.#volumes = block.subarray(capacity);
    this.#prices.set(prices);
    this.#volumes.set(volumes);
    this.#capacity = capacity;
    // The old block stays allocated (the engine's allocator is a bump allocator with no
    // single free); doubling keeps the waste below the live size.
  }
}

/**
 * Columns on the best kernels this platform has: WebAssembly SIMD where it is
 * supported, the scalar TypeScript kernels where it is not (an older browser, a locked
 * down runtime). loadKernels makes that choice and says which it made.
 */
export async function openTradeColumns(capacity = 1024, log?: (line: string) => void): Promise<TradeColumns> {
  const kernels = await loadKernels(log ? { log } : {});
  return new TradeColumns(kernels, capacity);
}
