import { describe, expect, it } from 'vitest';
import { SpscRingBuffer, checksumOf, sequenceValue } from '../../../engine/ring/spsc-ring-buffer.ts';
import { runRingJob } from '../../../engine/ring/ring-jobs.ts';

// The `spsc-push-pop` grading set-up: one side on the main thread (there, a student's
// code; here, the ring itself), the engine's ring worker on the other side.
describe('ring worker as the other side of a main-thread producer or consumer', () => {
  it('consumes N values pushed from the main thread and returns their count and checksum', async () => {
    const ring = SpscRingBuffer.create(32);
    const values = Float64Array.from({ length: 50_000 }, (_, i) => sequenceValue(42, i) * (i % 2 ? -1 : 1));
    const consumer = runRingJob({ role: 'consume', buffer: ring.buffer as SharedArrayBuffer, count: values.length, mode: 'single', blocking: true });
    // The main thread must not block (it starts the worker): push what fits, else yield.
    for (let sent = 0; sent < values.length; ) {
      const n = ring.pushMany(values, sent, Math.min(values.length, sent + 7));
      sent += n;
      if (n === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const r = await consumer;
    expect(r.count).toBe(values.length);
    expect(r.checksum).toBe(checksumOf(values));
    expect(ring.canariesIntact()).toBe(true);
  });

  it('produces given values from a worker for a main-thread consumer', async () => {
    const ring = SpscRingBuffer.create(8);
    const values = Float64Array.from({ length: 20_000 }, (_, i) => i / 3);
    const producer = runRingJob({ role: 'produce', buffer: ring.buffer as SharedArrayBuffer, count: values.length, values, mode: 'batch', maxBatch: 13, blocking: true });
    const got: number[] = [];
    const dst = new Float64Array(5);
    while (got.length < values.length) {
      const n = ring.popMany(dst);
      for (let i = 0; i < n; i++) got.push(dst[i] as number);
      if (n === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const r = await producer;
    expect(r.count).toBe(values.length);
    expect(got).toEqual(Array.from(values));
    expect(r.checksum).toBe(checksumOf(values));
  });
});
