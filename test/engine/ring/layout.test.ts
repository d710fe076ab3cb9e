import { describe, expect, it } from 'vitest';
import {
  CACHE_LINE_BYTES,
  RING_CONSUMER_WAITING_OFFSET,
  RING_DATA_OFFSET,
  RING_GUARD_BEFORE_OFFSET,
  RING_GUARD_BYTES,
  RING_HEAD_OFFSET,
  RING_PRODUCER_WAITING_OFFSET,
  RING_TAIL_OFFSET,
  SpscRingBuffer,
  ringByteLength,
} from '../../../engine/ring/spsc-ring-buffer.ts';

const line = (byte: number): number => Math.floor(byte / CACHE_LINE_BYTES);

describe('SpscRingBuffer: memory layout', () => {
  it('puts head and tail on their own cache lines, 128 bytes apart (adjacent-line prefetch)', () => {
    expect(line(RING_HEAD_OFFSET)).not.toBe(line(RING_TAIL_OFFSET));
    expect(Math.floor(RING_HEAD_OFFSET / 128)).not.toBe(Math.floor(RING_TAIL_OFFSET / 128));
    expect(RING_HEAD_OFFSET % CACHE_LINE_BYTES).toBe(0);
    expect(RING_TAIL_OFFSET % CACHE_LINE_BYTES).toBe(0);
    // Nothing else hot shares head's or tail's 128-byte pair except the flag its owner checks.
    expect(line(RING_CONSUMER_WAITING_OFFSET)).toBe(line(RING_HEAD_OFFSET));
    expect(line(RING_PRODUCER_WAITING_OFFSET)).toBe(line(RING_TAIL_OFFSET));
    expect(RING_GUARD_BEFORE_OFFSET - RING_TAIL_OFFSET).toBeGreaterThanOrEqual(128);
  });

  it('starts the data on a cache line, right after the leading guard', () => {
    expect(RING_DATA_OFFSET % CACHE_LINE_BYTES).toBe(0);
    expect(RING_GUARD_BEFORE_OFFSET + RING_GUARD_BYTES).toBe(RING_DATA_OFFSET);
  });

  it('sizes the buffer as header + 8 bytes per slot + trailing guard', () => {
    expect(ringByteLength(2)).toBe(RING_DATA_OFFSET + 16 + RING_GUARD_BYTES);
    for (const c of [2, 64, 4096]) expect(SpscRingBuffer.create(c).buffer.byteLength).toBe(ringByteLength(c));
  });

  it('stores value i of a fresh ring at byte DATA + 8 * (i mod capacity), readable by other code', () => {
    const ring = SpscRingBuffer.create(4);
    for (let i = 0; i < 6; i++) {
      ring.tryPush(100 + i);
      if (i >= 1) ring.tryPop();
    }
    const view = new Float64Array(ring.buffer, RING_DATA_OFFSET, 4);
    expect(view[5 % 4]).toBe(105);
    expect(view[4 % 4]).toBe(104);
    const indices = new Int32Array(ring.buffer);
    expect(indices[RING_HEAD_OFFSET >> 2]).toBe(6);
    expect(indices[RING_TAIL_OFFSET >> 2]).toBe(5);
  });
});
