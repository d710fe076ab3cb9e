import { describe, expect, it } from 'vitest';
import { RING_DATA_OFFSET, SpscRingBuffer } from '../../../engine/ring/spsc-ring-buffer.ts';

describe('SpscRingBuffer: canaries around the data', () => {
  it('stay intact through heavy use at every capacity', () => {
    for (const capacity of [2, 8, 64]) {
      const ring = SpscRingBuffer.create(capacity);
      const dst = new Float64Array(capacity * 3);
      for (let lap = 0; lap < 200; lap++) {
        ring.pushMany(Float64Array.from({ length: capacity * 2 }, (_, i) => -i - 1e300));
        ring.popMany(dst, 0, (lap % capacity) + 1);
        ring.tryPush(Number.NaN);
        ring.tryPop();
      }
      expect(ring.canariesIntact()).toBe(true);
    }
  });

  it('report a write one slot before or one slot past the data', () => {
    for (const slot of [-1, 4]) {
      const ring = SpscRingBuffer.create(4);
      new Float64Array(ring.buffer)[(RING_DATA_OFFSET >> 3) + slot] = 1.25;
      expect(ring.canariesIntact()).toBe(false);
    }
  });
});
