/**
 * A lab in its own worker (engine/labs/lab-worker.ts through runLabInWorker), as the
 * page runs it: progress messages arrive, the result has the documented shape, and an
 * abort terminates the worker.
 */
import { describe, expect, it } from 'vitest';
import { labResultSchema } from '../../../content/schemas/lab.ts';
import { runLabInWorker } from '../../../engine/labs/host.ts';

describe('a lab in a worker', () => {
  it('runs, reports progress across the thread boundary, and returns a valid result', async () => {
    const notes: string[] = [];
    const result = await runLabInWorker('iterator-chain', { quick: true, onProgress: (_f, note) => notes.push(note) });
    expect(labResultSchema.safeParse(result).success, 'result shape').toBe(true);
    expect(notes.length, 'progress messages').toBeGreaterThan(0);
  });

  it('an abort stops the worker and rejects with an AbortError', async () => {
    const controller = new AbortController();
    const run = runLabInWorker('allocation', { quick: true, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run, 'aborted run').rejects.toMatchObject({ name: 'AbortError' });
  });
});
