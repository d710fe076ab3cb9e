/**
 * Worker script: one side of an `SpscRingBuffer`, for the cross-thread stress tests and
 * for graders (a student's producer on one thread, this consumer on another). Each
 * request runs one job and replies with a `RingJobResult` (see `serveRequests`).
 *
 * Start it with `startWorker(new URL('./ring-worker.ts', import.meta.url))`, or use
 * `runRingJob` below, which does that and stops the worker afterwards.
 */
import { CHECKSUM_SEED, SpscRingBuffer, checksumStep, sequenceValue } from './spsc-ring-buffer.ts';
import { StartGate, isWorkerThread, serveRequests } from './workers.ts';

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

/** mulberry32: a small seeded PRNG for batch sizes. */
function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function produce(job: RingJob, ring: SpscRingBuffer, deadline: number, t0: number): RingJobResult {
  const { count, seed = 0, values } = job;
  const valueAt = values ? (i: number) => values[i] as number : (i: number) => sequenceValue(seed, i);
  let hash = CHECKSUM_SEED;
  let sent = 0;
  let timedOut = false;
  let spins = 0;
  const expired = (): boolean => ((++spins & 1023) === 0 && performance.now() > deadline ? (timedOut = true) : false);
  if (job.mode === 'single') {
    for (; sent < count && !timedOut; sent++) {
      const v = valueAt(sent);
      if (job.blocking) {
        if (!ring.pushBlocking(v, Math.max(0, deadline - performance.now()))) {
          timedOut = true;
          break;
        }
      } else {
        while (!ring.tryPush(v)) if (expired()) break;
        if (timedOut) break;
      }
      hash = checksumStep(hash, v);
    }
  } else {
    const maxBatch = job.maxBatch ?? 256;
    const next = prng(job.batchSeed ?? 1);
    const src = new Float64Array(maxBatch);
    while (sent < count && !timedOut) {
      const size = Math.min(1 + (next() % maxBatch), count - sent);
      for (let i = 0; i < size; i++) src[i] = valueAt(sent + i);
      let done = 0;
      if (job.blocking) {
        done = ring.pushManyBlocking(src, Math.max(0, deadline - performance.now()), 0, size);
        if (done < size) timedOut = true;
      } else {
        while (done < size) {
          done += ring.pushMany(src, done, size);
          if (done < size && expired()) break;
        }
      }
      for (let i = 0; i < done; i++) hash = checksumStep(hash, src[i] as number);
      sent += done;
    }
  }
  return { count: sent, checksum: hash, firstMismatch: -1, elapsedMs: performance.now() - t0, timedOut };
}

function consume(job: RingJob, ring: SpscRingBuffer, deadline: number, t0: number): RingJobResult {
  const { count, seed } = job;
  let hash = CHECKSUM_SEED;
  let got = 0;
  let firstMismatch = -1;
  let timedOut = false;
  let spins = 0;
  const check = (v: number): void => {
    if (seed !== undefined && firstMismatch < 0 && v !== sequenceValue(seed, got)) firstMismatch = got;
    hash = checksumStep(hash, v);
    got++;
  };
  if (job.mode === 'single') {
    while (got < count) {
      const v = job.blocking ? ring.popBlocking(Math.max(0, deadline - performance.now())) : ring.tryPop();
      if (v === undefined) {
        if (job.blocking || ((++spins & 1023) === 0 && performance.now() > deadline)) {
          timedOut = job.blocking ? performance.now() >= deadline : true;
          if (timedOut) break;
        }
        continue;
      }
      check(v);
    }
  } else {
    const maxBatch = job.maxBatch ?? 256;
    const next = prng(job.batchSeed ?? 2);
    const dst = new Float64Array(maxBatch);
    while (got < count) {
      const want = Math.min(1 + (next() % maxBatch), count - got);
      const n = job.blocking
        ? ring.popManyBlocking(dst, Math.max(0, deadline - performance.now()), 0, want)
        : ring.popMany(dst, 0, want);
      if (n === 0) {
        if (job.blocking || ((++spins & 1023) === 0 && performance.now() > deadline)) {
          timedOut = performance.now() >= deadline;
          if (timedOut) break;
        }
        continue;
      }
      for (let i = 0; i < n; i++) check(dst[i] as number);
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
