/**
 * Worker script: one side of an `SpscRingBuffer`, for the cross-thread stress tests and
 * for graders (a student's producer on one thread, this consumer on another). Each
 * request runs one job and replies with a `RingJobResult` (see `serveRequests`).
 *
 * Start it with `startWorker(new URL('./ring-worker.ts', import.meta.url))`, or use
 * `runRingJob` from `engine/shared/workers.ts`, which does that and stops the worker afterwards.
 */
import { CHECKSUM_SEED, SpscRingBuffer, checksumStep, sequenceValue } from './spsc-ring-buffer.ts';
import { StartGate, isWorkerThread, serveRequests } from '../shared/workers.ts';
import { mulberry32 } from '../shared/random.ts';

/** One job for a ring worker: produce or consume `count` values over `buffer`. */
export interface RingJob {
  role: 'produce' | 'consume';
  /** The ring's `buffer`. */
  buffer: SharedArrayBuffer;
  /** How many values to move. */
  count: number;
  /**
   * `single`: one value per call; `batch`: `pushMany`/`popMany` with sizes drawn from
   * 1..maxBatch by a PRNG seeded with `batchSeed` (so runs are reproducible).
   */
  mode: 'single' | 'batch';
  maxBatch?: number;
  batchSeed?: number;
  /** Producer: sends `sequenceValue(seed, i)`; consumer: checks each value against it. */
  seed?: number;
  /** Producer: sends exactly these values instead (`count` of them). */
  values?: Float64Array;
  /** Use the blocking calls (Atomics.wait) instead of spinning on the try-calls. */
  blocking?: boolean;
  /** Give up after this long (default 30 s); the result then has `timedOut: true`. */
  timeoutMs?: number;
  /** A `StartGate` buffer to wait at before starting the clock. */
  gate?: SharedArrayBuffer;
}

/** What a ring worker reports after a job. */
export interface RingJobResult {
  /** Values moved. */
  count: number;
  /** `checksumStep` folded over the values in the order moved. */
  checksum: number;
  /** Consumer with `seed`: index of the first value that differed, or -1. */
  firstMismatch: number;
  /** Time from the start (after the gate) to the last value. */
  elapsedMs: number;
  /** True if the job stopped at its timeout before moving `count` values. */
  timedOut: boolean;
}

/**
 * What a spinning side does when the ring is full or empty: retry at once, but every 1024
 * failures in a row check the deadline and sleep 50 us, so that on a busy machine (the
 * other side descheduled) it gives the core away instead of burning its time slice.
 */
class Spinner {
  private failures = 0;
  private readonly scratch = new Int32Array(new SharedArrayBuffer(4));
  constructor(private readonly deadline: number) {}
  /** Records a failed try; false once the deadline has passed. */
  fail(): boolean {
    if ((++this.failures & 1023) !== 0) return true;
    if (performance.now() > this.deadline) return false;
    Atomics.wait(this.scratch, 0, 0, 0.05);
    return true;
  }
  succeed(): void {
    this.failures = 0;
  }
}

const remaining = (deadline: number): number => Math.max(0, deadline - performance.now());

function produce(job: RingJob, ring: SpscRingBuffer, deadline: number, t0: number): RingJobResult {
  const { count, seed = 0, values } = job;
  const valueAt = values ? (i: number) => values[i] as number : (i: number) => sequenceValue(seed, i);
  const spinner = new Spinner(deadline);
  let hash = CHECKSUM_SEED;
  let sent = 0;
  let timedOut = false;
  if (job.mode === 'single') {
    for (; sent < count; sent++) {
      const v = valueAt(sent);
      if (job.blocking) {
        if (!ring.pushBlocking(v, remaining(deadline))) timedOut = true;
      } else {
        while (!ring.tryPush(v)) {
          if (!spinner.fail()) {
            timedOut = true;
            break;
          }
        }
        spinner.succeed();
      }
      if (timedOut) break;
      hash = checksumStep(hash, v);
    }
  } else {
    const maxBatch = job.maxBatch ?? 256;
    const next = mulberry32(job.batchSeed ?? 1); // batch sizes: reproducible from the seed
    const src = new Float64Array(maxBatch);
    while (sent < count && !timedOut) {
      const size = Math.min(1 + Math.floor(next() * maxBatch), count - sent);
      for (let i = 0; i < size; i++) src[i] = valueAt(sent + i);
      let done = 0;
      if (job.blocking) {
        done = ring.pushManyBlocking(src, remaining(deadline), 0, size);
      } else {
        while (done < size) {
          const n = ring.pushMany(src, done, size);
          done += n;
          if (n > 0) spinner.succeed();
          else if (!spinner.fail()) break;
        }
      }
      if (done < size) timedOut = true;
      for (let i = 0; i < done; i++) hash = checksumStep(hash, src[i] as number);
      sent += done;
    }
  }
  return { count: sent, checksum: hash, firstMismatch: -1, elapsedMs: performance.now() - t0, timedOut };
}

function consume(job: RingJob, ring: SpscRingBuffer, deadline: number, t0: number): RingJobResult {
  const { count, seed } = job;
  const spinner = new Spinner(deadline);
  let hash = CHECKSUM_SEED;
  let got = 0;
  let firstMismatch = -1;
  let timedOut = false;
  const check = (v: number): void => {
    if (seed !== undefined && firstMismatch < 0 && v !== sequenceValue(seed, got)) firstMismatch = got;
    hash = checksumStep(hash, v);
    got++;
  };
  if (job.mode === 'single') {
    while (got < count) {
      const v = job.blocking ? ring.popBlocking(remaining(deadline)) : ring.tryPop();
      if (v !== undefined) {
        spinner.succeed();
        check(v);
      } else if (job.blocking ? performance.now() >= deadline : !spinner.fail()) {
        timedOut = true;
        break;
      }
    }
  } else {
    const maxBatch = job.maxBatch ?? 256;
    const next = mulberry32(job.batchSeed ?? 2);
    const dst = new Float64Array(maxBatch);
    while (got < count) {
      const want = Math.min(1 + Math.floor(next() * maxBatch), count - got);
      const n = job.blocking ? ring.popManyBlocking(dst, remaining(deadline), 0, want) : ring.popMany(dst, 0, want);
      if (n > 0) {
        spinner.succeed();
        for (let i = 0; i < n; i++) check(dst[i] as number);
      } else if (job.blocking ? performance.now() >= deadline : !spinner.fail()) {
        timedOut = true;
        break;
      }
    }
  }
  return { count: got, checksum: hash, firstMismatch, elapsedMs: performance.now() - t0, timedOut };
}

/** Runs one job on this thread (the worker's handler; also usable directly). */
export function runJob(job: RingJob): RingJobResult {
  const ring = new SpscRingBuffer(job.buffer);
  if (job.gate) new StartGate(job.gate).arriveAndWait();
  const t0 = performance.now();
  const deadline = t0 + (job.timeoutMs ?? 30_000);
  return job.role === 'produce' ? produce(job, ring, deadline, t0) : consume(job, ring, deadline, t0);
}

// Only serve when loaded as a worker: importing this module for its types or `runJob`
// on a main thread must not take over that thread's messages.
if (await isWorkerThread()) await serveRequests<RingJob, RingJobResult>(runJob);
