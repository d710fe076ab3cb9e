/**
 * The JavaScript side of the WebAssembly SIMD kernels (engine/simd/kernels.wat): owns the
 * instance's memory layout, moves arrays in, and checks arguments.
 *
 * Memory layout (byte addresses in the instance's memory; kernels.wat repeats it):
 *   [0, 64)            scratch: two-result kernels store them at 0 and 8
 *   [64, +32 KiB)      staging A: CHUNK f64 \
 *   [.., +32 KiB)      staging B: CHUNK f64  > where arrays outside wasm memory are copied
 *   [.., +16 KiB)      staging S: CHUNK i32 /  (three columns of one chunk: 80 KiB, in L2)
 *   [128 KiB, ...)     heap: alloc() views, 64-byte aligned (cache line), bump allocated
 *
 * Two ways in:
 * - zero copy: an array whose buffer IS this memory (from alloc, or any view of
 *   `wasm.memory.buffer`, at any byteOffset) is passed to the kernel by address;
 * - copy in: any other array is copied, CHUNK elements at a time, into staging, and the
 *   kernel runs per chunk; partial results are added up here. A chunk is small enough
 *   for the copy to stay in cache, and the memory never grows for it.
 * The copy costs about as much as the SIMD kernel itself at this size, which is why
 * alloc() exists: data that lives in wasm memory is read once.
 *
 * Memory growth detaches every earlier view of the old buffer (a JavaScript rule for
 * non-shared memory). So the heap is reserved at instantiation (16 MiB by default),
 * alloc grows the memory only beyond it (at least doubling), and the old buffers are
 * remembered so a kernel given a detached view throws instead of seeing no elements.
 */
import type { MinMax, SimdExports, SimdKernels, TradeTable } from './kernels-types.ts';
import { checkSameLength, checkTable, symbolBits } from './kernels-scalar.ts';
import { kernelsWasmBytes } from './kernels-wasm.ts';

/** Elements per copy-in chunk. */
export const CHUNK = 4096;
const SCRATCH = 0;
const STAGE_A = 64;
const STAGE_B = STAGE_A + CHUNK * 8;
const STAGE_S = STAGE_B + CHUNK * 8;
/** First heap address: staging ends at 81 984; the heap starts on the next 64 KiB page. */
export const HEAP_BASE = 131072;
const PAGE = 65536;
/** Heap reserved at instantiation unless loadSimd is told otherwise: 16 MiB. */
export const DEFAULT_HEAP_BYTES = 16 * 1024 * 1024;
/** Largest memory (bytes) we grow to: 4 GiB - 64 KiB, so that no address p + 8n wraps. */
const MAX_BYTES = 65535 * PAGE;

let compiled: Promise<WebAssembly.Module> | undefined;

/** Compiles the embedded module once per process (or page, or worker). */
export function compileKernelsModule(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(kernelsWasmBytes());
  return compiled;
}

/** Wraps an instance's exports into the {@link SimdKernels} interface. */
export function createSimdKernels(wasm: SimdExports, heapBytes: number = DEFAULT_HEAP_BYTES): SimdKernels {
  const memory = wasm.memory;
  if (!(heapBytes >= 0 && HEAP_BASE + heapBytes <= MAX_BYTES)) throw new RangeError(`heapBytes must be between 0 and ${MAX_BYTES - HEAP_BASE}, got ${heapBytes}`);
  const initial = Math.ceil((HEAP_BASE + heapBytes) / PAGE) * PAGE;
  if (initial > memory.buffer.byteLength) memory.grow((initial - memory.buffer.byteLength) / PAGE);
  let f64 = new Float64Array(memory.buffer);
  let i32 = new Int32Array(memory.buffer);
  let top = HEAP_BASE;
  // Buffers the memory had before it grew: views of them are detached (length 0).
  const stale = new WeakSet<ArrayBufferLike>();

  /** Re-creates our views if the memory grew (ours are never legitimately empty). */
  function views(): void {
    if (f64.length !== 0) return;
    stale.add(f64.buffer);
    f64 = new Float64Array(memory.buffer);
    i32 = new Int32Array(memory.buffer);
  }

  function guard(kernel: string, a: ArrayLike<number> & { buffer: ArrayBufferLike }): void {
    if (a.length === 0 && stale.has(a.buffer)) {
      throw new Error(`${kernel}: this array was a view of wasm memory that has since grown (alloc detaches earlier views): allocate all arrays before using them`);
    }
  }

  /** Address of a[off, off+len): in place if a lives in our memory, else copied to `stage`. */
  function placeF64(a: Float64Array, off: number, len: number, stage: number): number {
    if (a.buffer === memory.buffer) return a.byteOffset + off * 8;
    f64.set(a.subarray(off, off + len), stage >> 3);
    return stage;
  }

  function placeI32(a: Int32Array | Uint32Array, off: number, len: number): number {
    if (a.buffer === memory.buffer) return a.byteOffset + off * 4;
    // Same bits whether the column is signed or not: the kernel compares bit patterns.
    i32.set(a instanceof Int32Array ? a.subarray(off, off + len) : new Int32Array(a.buffer, a.byteOffset + off * 4, len), STAGE_S >> 2);
    return STAGE_S;
  }

  const inMemory = (a: { buffer: ArrayBufferLike }): boolean => a.buffer === memory.buffer;

  function sum(values: Float64Array): number {
    views();
    guard('sum', values);
    const n = values.length;
    if (inMemory(values)) return wasm.sum(values.byteOffset, n);
    let s = 0;
    for (let off = 0; off < n; off += CHUNK) {
      const len = Math.min(CHUNK, n - off);
      s += wasm.sum(placeF64(values, off, len, STAGE_A), len);
    }
    return s;
  }

  function dotOf(kernel: string, a: Float64Array, b: Float64Array): number {
    views();
    guard(kernel, a);
    guard(kernel, b);
    const n = a.length;
    if (inMemory(a) && inMemory(b)) return wasm.dot(a.byteOffset, b.byteOffset, n);
    let s = 0;
    for (let off = 0; off < n; off += CHUNK) {
      const len = Math.min(CHUNK, n - off);
      s += wasm.dot(placeF64(a, off, len, STAGE_A), placeF64(b, off, len, STAGE_B), len);
    }
    return s;
  }

  function dot(a: Float64Array, b: Float64Array): number {
    checkSameLength('dot', 'a', a, 'b', b);
    return dotOf('dot', a, b);
  }

  function notional(prices: Float64Array, quantities: Float64Array): number {
    checkSameLength('notional', 'prices', prices, 'quantities', quantities);
    return dotOf('notional', prices, quantities);
  }

  function vwap(prices: Float64Array, volumes: Float64Array): number {
    checkSameLength('vwap', 'prices', prices, 'volumes', volumes);
    views();
    guard('vwap', prices);
    guard('vwap', volumes);
    const n = prices.length;
    let num: number, den: number;
    if (inMemory(prices) && inMemory(volumes)) {
      wasm.vwap_parts(prices.byteOffset, volumes.byteOffset, n);
      num = f64[SCRATCH >> 3]!;
      den = f64[(SCRATCH >> 3) + 1]!;
    } else {
      num = 0;
      den = 0;
      for (let off = 0; off < n; off += CHUNK) {
        const len = Math.min(CHUNK, n - off);
        wasm.vwap_parts(placeF64(prices, off, len, STAGE_A), placeF64(volumes, off, len, STAGE_B), len);
        num += f64[SCRATCH >> 3]!;
        den += f64[(SCRATCH >> 3) + 1]!;
      }
    }
    return den === 0 ? 0 : num / den;
  }

  function minMax(values: Float64Array): MinMax {
    views();
    guard('minMax', values);
    const n = values.length;
    if (inMemory(values)) {
      wasm.min_max(values.byteOffset, n);
      return { min: f64[SCRATCH >> 3]!, max: f64[(SCRATCH >> 3) + 1]! };
    }
    let min = Infinity, max = -Infinity;
    for (let off = 0; off < n; off += CHUNK) {
      const len = Math.min(CHUNK, n - off);
      wasm.min_max(placeF64(values, off, len, STAGE_A), len);
      min = Math.min(min, f64[SCRATCH >> 3]!);
      max = Math.max(max, f64[(SCRATCH >> 3) + 1]!);
    }
    return { min, max };
  }

  function notionalBySymbol(table: TradeTable, symbolId: number): number {
    checkTable('notionalBySymbol', table);
    const id = symbolBits(table.symbol, symbolId);
    if (id === null) return 0;
    views();
    const { symbol, price, qty } = table;
    guard('notionalBySymbol', symbol);
    guard('notionalBySymbol', price);
    guard('notionalBySymbol', qty);
    const n = price.length;
    if (inMemory(symbol) && inMemory(price) && inMemory(qty)) {
      return wasm.notional_by_symbol(symbol.byteOffset, price.byteOffset, qty.byteOffset, n, id);
    }
    let s = 0;
    for (let off = 0; off < n; off += CHUNK) {
      const len = Math.min(CHUNK, n - off);
      s += wasm.notional_by_symbol(placeI32(symbol, off, len), placeF64(price, off, len, STAGE_A), placeF64(qty, off, len, STAGE_B), len, id);
    }
    return s;
  }

  /** Reserves `bytes` on the heap, growing the memory if needed; returns the address. */
  function reserve(bytes: number, what: string): number {
    const start = top;
    const end = start + ((bytes + 63) & ~63);
    if (end > MAX_BYTES) throw new RangeError(`${what}: ${bytes} bytes do not fit in wasm memory (heap at ${start}, limit ${MAX_BYTES})`);
    if (end > memory.buffer.byteLength) {
      // At least double, so that a series of allocations detaches views only log(n) times.
      const old = memory.buffer;
      const target = Math.min(MAX_BYTES, Math.max(end, 2 * old.byteLength));
      memory.grow(Math.ceil((target - old.byteLength) / PAGE));
      stale.add(old);
      f64 = new Float64Array(memory.buffer);
      i32 = new Int32Array(memory.buffer);
    }
    top = end;
    return start;
  }

  function checkLength(what: string, length: number): void {
    if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`${what}: length must be a non-negative integer, got ${length}`);
  }

  function alloc(length: number): Float64Array {
    checkLength('alloc', length);
    const at = reserve(length * 8, 'alloc');
    const view = new Float64Array(memory.buffer, at, length);
    view.fill(0); // the bump allocator reuses memory after freeAll
    return view;
  }

  function allocInt32(length: number): Int32Array {
    checkLength('allocInt32', length);
    const at = reserve(length * 4, 'allocInt32');
    const view = new Int32Array(memory.buffer, at, length);
    view.fill(0);
    return view;
  }

  return {
    kind: 'simd',
    description: 'WebAssembly SIMD (f64x2)',
    wasm,
    sum,
    dot,
    vwap,
    notional,
    minMax,
    notionalBySymbol,
    alloc,
    allocInt32,
    freeAll: () => {
      top = HEAP_BASE;
    },
  };
}
