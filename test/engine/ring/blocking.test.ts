import { describe, expect, it } from 'vitest';
import { SpscRingBuffer } from '../../../engine/ring/spsc-ring-buffer.ts';

// Single-thread behaviour of the blocking calls: they return at once when they can, and
// give up at their timeout when they cannot. (Waking across threads is in ring-stress.)
describe('SpscRingBuffer: blocking calls on one thread', () => {
  it('popBlocking on an empty ring returns undefined after the timeout', () => {
    const ring = SpscRingBuffer.create(4);
    const t0 = performance.now();
    expect(ring.popBlocking(20)).toBeUndefined();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(19);
    expect(ring.popManyBlocking(new Float64Array(3), 5)).toBe(0);
  });

  it('pushBlocking on a full ring returns false after the timeout, and pushes nothing', () => {
    const ring = SpscRingBuffer.create(2);
    expect(ring.pushBlocking(1, 0)).toBe(true);
    expect(ring.pushBlocking(2, 0)).toBe(true);
    expect(ring.pushBlocking(3, 10)).toBe(false);
    expect(ring.pushManyBlocking(new Float64Array([4, 5]), 5)).toBe(0);
    expect([ring.tryPop(), ring.tryPop(), ring.tryPop()]).toEqual([1, 2, undefined]);
  });

  it('return at once when there is data or room', () => {
    const ring = SpscRingBuffer.create(8);
    expect(ring.pushManyBlocking(new Float64Array([1, 2, 3]), 0)).toBe(3);
    expect(ring.popBlocking(0)).toBe(1);
    const dst = new Float64Array(8);
    expect(ring.popManyBlocking(dst, 0)).toBe(2);
    expect(Array.from(dst.subarray(0, 2))).toEqual([2, 3]);
  });

  it('a negative or NaN timeout is a RangeError', () => {
    const ring = SpscRingBuffer.create(2);
    expect(() => ring.popBlocking(-1)).toThrow(RangeError);
    expect(() => ring.popBlocking(Number.NaN)).toThrow(RangeError);
  });

  it('blocking needs shared memory: on a plain ArrayBuffer it throws rather than hang', () => {
    const ring = SpscRingBuffer.create(2, { shared: false });
    expect(() => ring.popBlocking(10)).toThrow(TypeError);
  });
});
