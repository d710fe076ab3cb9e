// How arrays reach the wasm kernels: alloc'd views are read in place (zero copy),
// other arrays are copied in CHUNK-element pieces through staging; memory growth
// detaches views, which then fail loudly; freeAll reuses the heap; instances are separate.
import { describe, expect, it } from 'vitest';
import { loadSimd } from '../../../engine/simd/kernels.ts';
import { CHUNK, HEAP_BASE } from '../../../engine/simd/kernels-simd.ts';

/** Staging starts at byte 64 (see kernels-simd.ts); we watch its first f64. */
const STAGE_A_INDEX = 64 / 8;

describe('wasm memory', () => {
  it('alloc returns zero-filled, cache-line-aligned views of the instance memory', async () => {
    const k = await loadSimd();
    const a = k.alloc(3), b = k.alloc(10);
    expect(a.buffer).toBe(k.wasm.memory.buffer);
    expect(a.byteOffset).toBeGreaterThanOrEqual(HEAP_BASE);
    expect(a.byteOffset % 64).toBe(0);
    expect(b.byteOffset % 64).toBe(0);
    expect(b.byteOffset).toBeGreaterThanOrEqual(a.byteOffset + 3 * 8); // no overlap
    expect([...b]).toEqual(new Array(10).fill(0));
    const s = k.allocInt32(5);
    expect(s).toBeInstanceOf(Int32Array);
    expect(s.byteOffset % 64).toBe(0);
  });

  it('reads alloc-ed arrays in place and copies the others through staging', async () => {
    const k = await loadSimd();
    const mem = () => new Float64Array(k.wasm.memory.buffer);
    const inside = k.alloc(100).fill(2);
    mem()[STAGE_A_INDEX] = 12345; // marker in staging
    expect(k.sum(inside)).toBe(200);
    expect(k.sum(inside.subarray(1, 98))).toBe(194); // a subarray of wasm memory: still in place
    expect(mem()[STAGE_A_INDEX]).toBe(12345); // staging untouched: zero copy
    const outside = new Float64Array(100).fill(3);
    expect(k.sum(outside)).toBe(300);
    expect(mem()[STAGE_A_INDEX]).toBe(3); // copied into staging
  });

  it('sums correctly across copy-in chunk boundaries', async () => {
    const k = await loadSimd();
    for (const n of [CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1, 3 * CHUNK + 15]) {
      const a = new Float64Array(n).map((_, i) => i); // integers: exact sums
      const b = new Float64Array(n).fill(2);
      const want = (n * (n - 1)) / 2;
      expect(k.sum(a)).toBe(want);
      expect(k.dot(a, b)).toBe(2 * want);
      expect(k.vwap(a, b)).toBe((2 * want) / (2 * n));
      expect(k.minMax(a)).toEqual({ min: 0, max: n - 1 });
      const symbol = new Int32Array(n).map((_, i) => i % 2);
      expect(k.notionalBySymbol({ symbol, price: a, qty: b }, 1)).toBe(2 * (n >> 1) * (n >> 1)); // 2 * (1 + 3 + ...)
    }
  });

  it('growth beyond the reserved heap detaches earlier views, and kernels say so', async () => {
    const k = await loadSimd({ heapBytes: 65536 });
    const early = k.alloc(1000).fill(1);
    expect(k.sum(early)).toBe(1000);
    k.alloc(100_000); // does not fit in 64 KiB: the memory grows
    expect(early.length).toBe(0); // detached, as JavaScript does for non-shared memory
    expect(() => k.sum(early)).toThrow(/grown.*allocate/);
    expect(() => k.vwap(early, early)).toThrow(/grown/);
    // The kernels themselves follow the growth.
    const late = k.alloc(10).fill(4);
    expect(k.sum(late)).toBe(40);
    expect(k.sum(new Float64Array(10).fill(1))).toBe(10);
  });

  it('the reserved heap holds what it was asked for without growing', async () => {
    const k = await loadSimd({ heapBytes: 8 * 300_000 });
    const before = k.wasm.memory.buffer;
    const a = k.alloc(100_000), b = k.alloc(100_000), c = k.alloc(99_000);
    expect(k.wasm.memory.buffer).toBe(before);
    expect(a.length + b.length + c.length).toBe(299_000);
  });

  it('freeAll lets the heap be reused, zero-filled again', async () => {
    const k = await loadSimd();
    const a = k.alloc(16).fill(7);
    k.freeAll();
    const b = k.alloc(16);
    expect(b.byteOffset).toBe(a.byteOffset);
    expect(k.sum(b)).toBe(0);
  });

  it('rejects impossible lengths', async () => {
    const k = await loadSimd();
    expect(() => k.alloc(-1)).toThrow(RangeError);
    expect(() => k.alloc(1.5)).toThrow(RangeError);
    expect(() => k.alloc(2 ** 31)).toThrow(RangeError); // 16 GiB: beyond 32-bit wasm memory
  });

  it('instances have their own memory: an array of one is copied into another', async () => {
    const k1 = await loadSimd(), k2 = await loadSimd();
    expect(k1.wasm.memory).not.toBe(k2.wasm.memory);
    const a = k1.alloc(50).fill(1.5);
    expect(k2.sum(a)).toBe(75);
    expect(k2.vwap(a, k2.alloc(50).fill(2))).toBe(1.5);
  });
});
