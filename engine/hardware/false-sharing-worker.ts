/**
 * Worker script of the false-sharing lab (`engine/hardware/false-sharing.ts`): waits at the start
 * gate, then increments one int32 counter `iterations` times and reports how long it took.
 */
import { StartGate, isWorkerThread, serveRequests } from '../shared/workers.ts';
import type { FalseSharingJob, FalseSharingJobResult, IncrementMode } from './false-sharing-types.ts';

export type { FalseSharingJob, FalseSharingJobResult } from './false-sharing-types.ts';

/**
 * Increments the counter. `atomic`: `Atomics.add` (a locked read-modify-write); `plain`:
 * an ordinary `view[i] = view[i] + 1` (the counter is private to this worker, so that is
 * not a race; the JIT may forward the loaded value, but each iteration still stores).
 */
export function incrementCounter(view: Int32Array, index: number, iterations: number, mode: IncrementMode): void {
  if (mode === 'atomic') {
    for (let i = 0; i < iterations; i++) Atomics.add(view, index, 1);
  } else {
    for (let i = 0; i < iterations; i++) view[index] = (view[index] as number) + 1;
  }
}

function run(job: FalseSharingJob): FalseSharingJobResult {
  const view = new Int32Array(job.buffer);
  new StartGate(job.gate).arriveAndWait();
  const t0 = performance.now();
  incrementCounter(view, job.byteOffset >> 2, job.iterations, job.mode);
  return { elapsedMs: performance.now() - t0 };
}

if (await isWorkerThread()) await serveRequests<FalseSharingJob, FalseSharingJobResult>(run);
