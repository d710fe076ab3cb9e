import { describe, expect, it } from 'vitest';
import { AtomicsMutex } from '../../../engine/sync/atomics-mutex.ts';
import { runCounterWorkers } from '../../fixtures/sync/counter-workers.ts';

describe('AtomicsMutex across real workers', () => {
  it('4 workers x 100,000 locked increments of one counter: none lost', async () => {
    // More workers than cores: holders get preempted, so waiters really sleep in
    // Atomics.wait and are woken by notify, not just spin their way in.
    const mutex = AtomicsMutex.create();
    expect(await runCounterWorkers('locked', 4, 100_000, mutex)).toBe(400_000);
    expect(mutex.isLocked()).toBe(false);
  });

  it('works on a lock word inside a larger buffer, at an offset', async () => {
    const buffer = new SharedArrayBuffer(256);
    const mutex = new AtomicsMutex(buffer, 192);
    expect(await runCounterWorkers('locked', 3, 100_000, mutex)).toBe(300_000);
    expect(new Int32Array(buffer).every((w) => w === 0)).toBe(true);
  });

  it('Atomics.add needs no lock at all', async () => {
    expect(await runCounterWorkers('atomic', 4, 50_000)).toBe(200_000);
  });
});
