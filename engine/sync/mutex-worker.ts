/**
 * Worker script for the mutex lesson and tests: waits at the start gate, then increments
 * a shared counter `times` times in the requested way (`racy`, `locked`, `atomic`).
 */
import { AtomicsMutex, atomicIncrement, lockedIncrement, racyIncrement } from './atomics-mutex.ts';
import { StartGate, isWorkerThread, serveRequests } from '../shared/workers.ts';

/** One run: the counter, the mutex (for `locked`), how many increments and how. */
export interface MutexJob {
  mode: 'racy' | 'locked' | 'atomic';
  /** Holds the int32 counter at `counterByteOffset`. */
  counterBuffer: SharedArrayBuffer;
  counterByteOffset: number;
  /** The mutex's buffer and offset (`locked` mode). */
  mutexBuffer?: SharedArrayBuffer;
  mutexByteOffset?: number;
  times: number;
  gate: SharedArrayBuffer;
}

/** How long this worker's increments took. */
export interface MutexJobResult {
  elapsedMs: number;
}

/** Runs one job on this thread (the worker's handler). */
export function runMutexJob(job: MutexJob): MutexJobResult {
  const counter = new Int32Array(job.counterBuffer);
  const index = job.counterByteOffset >> 2;
  const mutex = job.mutexBuffer ? new AtomicsMutex(job.mutexBuffer, job.mutexByteOffset ?? 0) : undefined;
  new StartGate(job.gate).arriveAndWait();
  const t0 = performance.now();
  if (job.mode === 'racy') racyIncrement(counter, index, job.times);
  else if (job.mode === 'atomic') atomicIncrement(counter, index, job.times);
  else {
    if (!mutex) throw new Error('locked mode needs mutexBuffer');
    lockedIncrement(mutex, counter, index, job.times);
  }
  return { elapsedMs: performance.now() - t0 };
}

if (await isWorkerThread()) await serveRequests<MutexJob, MutexJobResult>(runMutexJob);
