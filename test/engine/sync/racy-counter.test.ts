import { describe, expect, it } from 'vitest';
import { racyIncrement } from '../../../engine/sync/atomics-mutex.ts';
import { runCounterWorkers } from '../../fixtures/sync/counter-workers.ts';

describe('the racy counter (the lesson\'s before picture)', () => {
  it('is exact on one thread: the race needs two', () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    racyIncrement(counter, 0, 1000);
    expect(counter[0]).toBe(1000);
  });

  it('loses updates when two workers run it at once', async () => {
    // Each worker does 2,000,000 load/store pairs; losing none would need the two
    // workers never to overlap. On a busy shared machine they might, rarely, run one
    // after the other, so allow a few attempts: one short total proves the point.
    const times = 2_000_000;
    const totals: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const total = await runCounterWorkers('racy', 2, times);
      totals.push(total);
      expect(total).toBeLessThanOrEqual(2 * times);
      if (total < 2 * times) break;
    }
    expect(Math.min(...totals)).toBeLessThan(2 * times);
  });
});
