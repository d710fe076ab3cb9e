import { describe, expect, it } from 'vitest';
import { SpscRingBuffer } from '../../../engine/ring/spsc-ring-buffer.ts';

describe('SpscRingBuffer: empty and full', () => {
  it('a new ring is empty: tryPop gives undefined, popMany gives 0, size is 0', () => {
    const ring = SpscRingBuffer.create(8);
    expect(ring.capacity).toBe(8);
    expect(ring.size()).toBe(0);
    expect(ring.tryPop()).toBeUndefined();
    expect(ring.popMany(new Float64Array(4))).toBe(0);
  });

  it('holds exactly `capacity` values (no sacrificed slot), then refuses more', () => {
    for (const capacity of [2, 4, 16, 1024]) {
      const ring = SpscRingBuffer.create(capacity);
      for (let i = 0; i < capacity; i++) expect(ring.tryPush(i + 0.5)).toBe(true);
      expect(ring.size()).toBe(capacity);
      expect(ring.tryPush(-1)).toBe(false);
      expect(ring.pushMany(new Float64Array([1, 2, 3]))).toBe(0);
      expect(ring.size()).toBe(capacity);
      for (let i = 0; i < capacity; i++) expect(ring.tryPop()).toBe(i + 0.5);
      expect(ring.tryPop()).toBeUndefined();
      expect(ring.size()).toBe(0);
    }
  });

  it('one pop makes room for exactly one push', () => {
    const ring = SpscRingBuffer.create(4);
    for (let i = 0; i < 4; i++) ring.tryPush(i);
    expect(ring.tryPop()).toBe(0);
    expect(ring.tryPush(4)).toBe(true);
    expect(ring.tryPush(5)).toBe(false);
    expect([ring.tryPop(), ring.tryPop(), ring.tryPop(), ring.tryPop(), ring.tryPop()]).toEqual([1, 2, 3, 4, undefined]);
  });

  it('carries any float64: zero signs, infinities, NaN, extremes', () => {
    const ring = SpscRingBuffer.create(8);
    const values = [-0, 0, Infinity, -Infinity, Number.NaN, Number.MAX_VALUE, Number.MIN_VALUE, -1e-300];
    for (const v of values) expect(ring.tryPush(v)).toBe(true);
    for (const v of values) expect(Object.is(ring.tryPop(), v)).toBe(true);
  });

  it('refuses a capacity that is not a power of two >= 2, saying so', () => {
    for (const bad of [0, 1, 3, 6, 1000, -4, 2.5, Number.NaN, 2 ** 31]) {
      expect(() => SpscRingBuffer.create(bad)).toThrow(RangeError);
      expect(() => SpscRingBuffer.create(bad)).toThrow(/power of two/);
    }
  });
});
