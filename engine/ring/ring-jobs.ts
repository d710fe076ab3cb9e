/**
 * Runs one side of the engine's ring on another thread, for graders and tests: the
 * ring's own use of the generic worker starter (which knows nothing of rings).
 */
import { runInWorker } from '../shared/workers.ts';
import type { RingJob, RingJobResult } from './ring-worker.ts';

export type { RingJob, RingJobResult } from './ring-worker.ts';

/**
 * Runs one side of an `SpscRingBuffer` in a fresh worker (`engine/ring/ring-worker.ts`): for
 * instance a grader pushes a student's values on this thread while
 * `runRingJob({ role: 'consume', buffer, count, mode: 'single' })` pops them on another,
 * then compares the returned count and checksum with `checksumOf(values)`. Start it
 * before producing (do not await it first): the ring may be smaller than `count`.
 */
export function runRingJob(job: RingJob): Promise<RingJobResult> {
  return runInWorker<RingJob, RingJobResult>(new URL('./ring-worker.ts', import.meta.url), job, { name: `ring-${job.role}` });
}
