import { describe, expect, it } from 'vitest';
import { SpscRingBuffer } from '../../../engine/ring/spsc-ring-buffer.ts';

const seq = (from: number, n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => from + i);

describe('SpscRingBuffer: batches', () => {
  it('pushMany of a batch larger than the capacity writes what fits and says how many', () => {
    const ring = SpscRingBuffer.create(8);
    expect(ring.pushMany(seq(0, 20))).toBe(8);
    const dst = new Float64Array(20);
    expect(ring.popMany(dst)).toBe(8);
    expect(Array.from(dst.subarray(0, 8))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(dst.subarray(8))).toEqual(new Array(12).fill(0));
  });

  it('moves a stream far larger than the capacity through repeated partial batches', () => {
    for (const capacity of [2, 16, 64]) {
      const ring = SpscRingBuffer.create(capacity);
      const src = seq(1, 5_000);
      const out: number[] = [];
      const dst = new Float64Array(37); // not a divisor of anything, so copies straddle the end
      let sent = 0;
      while (out.length < src.length) {
        sent += ring.pushMany(src, sent, Math.min(src.length, sent + 50));
        const n = ring.popMany(dst);
        for (let i = 0; i < n; i++) out.push(dst[i] as number);
      }
      expect(out).toEqual(Array.from(src));
      expect(ring.canariesIntact()).toBe(true);
    }
  });

  it('copies a batch that straddles the end of the data in two parts, in order', () => {
    const ring = SpscRingBuffer.create(64);
    // Move the indices to slot 60, then push 40 (> COPY_LOOP_MAX, so the set() path) and 10.
    expect(ring.pushMany(seq(0, 60))).toBe(60);
    expect(ring.popMany(new Float64Array(60))).toBe(60);
    expect(ring.pushMany(seq(100, 40))).toBe(40);
    expect(ring.pushMany(seq(140, 10))).toBe(10);
    const dst = new Float64Array(50);
    expect(ring.popMany(dst)).toBe(50);
    expect(Array.from(dst)).toEqual(Array.from(seq(100, 50)));
  });

  it('honours start and end on both sides', () => {
    const ring = SpscRingBuffer.create(16);
    expect(ring.pushMany(seq(0, 10), 3, 7)).toBe(4);
    const dst = new Float64Array(10).fill(-1);
    expect(ring.popMany(dst, 5, 8)).toBe(3);
    expect(Array.from(dst)).toEqual([-1, -1, -1, -1, -1, 3, 4, 5, -1, -1]);
    expect(ring.popMany(dst, 0, 0)).toBe(0);
    expect(ring.pushMany(seq(0, 4), 2, 2)).toBe(0);
    expect(ring.tryPop()).toBe(6);
  });
});
