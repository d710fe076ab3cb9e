import { describe, expect, it } from 'vitest';
import type { RingJob } from '../../../engine/ring/ring-worker.ts';
import { CHECKSUM_SEED, SpscRingBuffer, checksumStep, sequenceValue } from '../../../engine/ring/spsc-ring-buffer.ts';
import { runRingJob } from '../../../engine/ring/ring-jobs.ts';

/** The checksum of the first `count` values of the seeded sequence. */
function expectedChecksum(seed: number, count: number): number {
  let h = CHECKSUM_SEED;
  for (let i = 0; i < count; i++) h = checksumStep(h, sequenceValue(seed, i));
  return h;
}

interface Case {
  capacity: number;
  count: number;
  mode: 'single' | 'batch';
  maxBatch?: number;
  blocking: boolean;
}

// About 3.6 million values in all: real worker_threads on both sides, seeded values
// (each one says where it belongs), seeded random batch sizes on each side, capacities
// down to 2, batches larger than the ring, spinning and sleeping (Atomics.wait) sides.
const cases: Case[] = [
  { capacity: 2, count: 200_000, mode: 'single', blocking: true },
  { capacity: 2, count: 200_000, mode: 'batch', maxBatch: 5, blocking: true },
  { capacity: 4, count: 100_000, mode: 'single', blocking: false },
  { capacity: 64, count: 1_000_000, mode: 'batch', maxBatch: 300, blocking: true },
  { capacity: 1024, count: 1_000_000, mode: 'single', blocking: true },
  { capacity: 4096, count: 1_100_000, mode: 'batch', maxBatch: 1000, blocking: false },
];

describe('SpscRingBuffer across real worker threads', () => {
  for (const c of cases) {
    const label = `capacity ${c.capacity}, ${c.count} values, ${c.mode}${c.maxBatch ? ` (1..${c.maxBatch})` : ''}, ${c.blocking ? 'blocking' : 'spinning'}`;
    it(`loses, duplicates and reorders nothing: ${label}`, async () => {
      const ring = SpscRingBuffer.create(c.capacity);
      const seed = c.capacity * 7919 + c.count;
      const job = {
        buffer: ring.buffer as SharedArrayBuffer,
        count: c.count,
        mode: c.mode,
        maxBatch: c.maxBatch,
        seed,
        blocking: c.blocking,
        timeoutMs: 50_000,
      } satisfies Omit<RingJob, 'role'>;
      const [sent, received] = await Promise.all([
        runRingJob({ ...job, role: 'produce', batchSeed: seed + 1 }),
        runRingJob({ ...job, role: 'consume', batchSeed: seed + 2 }),
      ]);
      expect(sent.timedOut).toBe(false);
      expect(received.timedOut).toBe(false);
      expect(sent.count).toBe(c.count);
      expect(received.count).toBe(c.count);
      expect(received.firstMismatch).toBe(-1);
      const checksum = expectedChecksum(seed, c.count);
      expect(sent.checksum).toBe(checksum);
      expect(received.checksum).toBe(checksum);
      expect(ring.size()).toBe(0);
      expect(ring.canariesIntact()).toBe(true);
    });
  }

  it('a consumer that sees a wrong value reports where (the check can fail)', async () => {
    // Produce from seed 1, verify against seed 2: the very first value differs.
    const ring = SpscRingBuffer.create(16);
    const base = { buffer: ring.buffer as SharedArrayBuffer, count: 1000, mode: 'single' as const, blocking: true };
    const [, received] = await Promise.all([
      runRingJob({ ...base, role: 'produce', seed: 1 }),
      runRingJob({ ...base, role: 'consume', seed: 2 }),
    ]);
    expect(received.count).toBe(1000);
    expect(received.firstMismatch).toBe(0);
    expect(received.checksum).not.toBe(expectedChecksum(2, 1000));
  });

  for (const blocking of [true, false]) {
    it(`a ${blocking ? 'sleeping' : 'spinning'} consumer with nothing coming times out instead of hanging`, async () => {
      const ring = SpscRingBuffer.create(8);
      const buffer = ring.buffer as SharedArrayBuffer;
      const r = await runRingJob({ role: 'consume', buffer, count: 5, mode: 'single', blocking, timeoutMs: 50 });
      expect(r.timedOut).toBe(true);
      expect(r.count).toBe(0);
    });
  }
});
