/**
 * Copies the old trades into the new columns after calling alloc, through views that the allocation may have detached.
 * When the allocation grows the wasm memory, this.#prices and this.#volumes are views
 * of the old buffer: their length is 0 and copying from them throws a TypeError.
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
    const block = kernels.alloc(2 * this.#capacity);
    this.#prices = block.subarray(0, this.#capacity);
    this.#volumes = block.subarray(this.#capacity);
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
    const block = this.kernels.alloc(2 * capacity);
    const prices = block.subarray(0, capacity);
    const volumes = block.subarray(capacity);
    prices.set(this.#prices.subarray(0, n));
    volumes.set(this.#volumes.subarray(0, n));
    this.#prices = prices;
    this.#volumes = volumes;
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
