/**
 * Worker script for `ticklab bench ring`: one side (producer or consumer) of one
 * contestant moving float64 values between two workers (one value per call: 0, 1, ...,
 * count - 1; in batches: windows of 0 .. BATCH_VALUES-1, cycled):
 *
 * - `ours-single` / `ours-batch`: `SpscRingBuffer`, one value per call / `pushMany` and
 *   `popMany` in batches.
 * - `ringbuf-single` / `ringbuf-batch`: ringbuf.js's `RingBuffer` over a Float64Array, in
 *   the same two modes, each through its fastest call (`push`/`pop` on typed arrays).
 * - `postmessage`: the naive baseline, one `postMessage` per value over a MessagePort.
 *
 * Every contestant retries at once on a full/empty ring (see `backoff`), starts at the same
 * `StartGate`, and the consumer returns the sum of what it received so the coordinator
 * can check that nothing was lost.
 */
import { RingBuffer } from 'ringbuf.js';
import { SpscRingBuffer } from '../../engine/ring/spsc-ring-buffer.ts';
import { StartGate, isWorkerThread, serveRequests } from '../../engine/shared/workers.ts';

/** The ways of moving values that the benchmark compares. */
export type RingBenchContestant = 'ours-single' | 'ours-batch' | 'ringbuf-single' | 'ringbuf-batch' | 'postmessage';

/** One run of one contestant, for one side. */
export interface RingBenchJob {
  contestant: RingBenchContestant;
  role: 'produce' | 'consume';
  count: number;
  /** Values per batch in the batch modes. */
  batch: number;
  /** The ring's buffer (ring contestants). */
  buffer?: SharedArrayBuffer;
  /** This side's end of a MessageChannel (`postmessage`). */
  port?: MessagePort;
  /** A `StartGate` buffer both sides wait at. */
  gate: SharedArrayBuffer;
  /** Back off on a full/empty ring (default true; false = pure spinning, for experiments). */
  backoff?: boolean;
}

/** What one side reports. */
export interface RingBenchResult {
  count: number;
  /** Consumer: sum of the values received (0 for the producer). */
  sum: number;
  /** From the gate opening to the last value sent or received. */
  elapsedMs: number;
}

type TypedArrayCtor = ConstructorParameters<typeof RingBuffer>[1];

/** Private to this worker: a word to sleep on while backing off. */
const scratch = new Int32Array(new SharedArrayBuffer(4));
let backoffEnabled = true;

/**
 * What every contestant's loop does when the ring is full (producer) or empty (consumer),
 * identically for ours and ringbuf.js: retry at once, but after 1024 failures in a row
 * (tens of microseconds: the other worker is probably not running, on a busy shared
 * machine) sleep 50 us to give the core away instead of burning a whole time slice.
 * Longer pauses between retries were tried and only made every contestant slower.
 */
function backoff(failures: number): void {
  if (backoffEnabled && failures >= 1024) Atomics.wait(scratch, 0, 0, 0.05);
}

/** Values a batch producer cycles through (so value i is `i % BATCH_VALUES`): `BATCH_VALUES` distinct values, 0, 1, 2, ... */
export const BATCH_VALUES = 1 << 16;

/**
 * The batch producers' source: `BATCH_VALUES / batch` windows of `batch` values over
 * 0 .. BATCH_VALUES-1, made once before the clock starts, so that the producer's loop
 * measures the ring and not the generating of data. Each window is its own array at
 * offset 0, which is ringbuf.js's fastest push (one `set` when it fits).
 */
function batchViews(batch: number): Float64Array[] {
  if (BATCH_VALUES % batch !== 0) throw new RangeError(`batch ${batch} must divide ${BATCH_VALUES}`);
  const all = Float64Array.from({ length: BATCH_VALUES }, (_, i) => i);
  const views: Float64Array[] = [];
  for (let off = 0; off + batch <= BATCH_VALUES; off += batch) views.push(all.slice(off, off + batch));
  return views;
}

/** Sum of `a[0..n)` with four accumulators: the consumers' check, cheap next to the ring. */
function sumOf(a: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    s0 += a[j] as number;
    s1 += a[j + 1] as number;
    s2 += a[j + 2] as number;
    s3 += a[j + 3] as number;
  }
  for (; j < n; j++) s0 += a[j] as number;
  return s0 + s1 + s2 + s3;
}

function oursSingle(job: RingBenchJob, ring: SpscRingBuffer): number {
  const { count } = job;
  if (job.role === 'produce') {
    for (let i = 0; i < count; i++) for (let f = 0; !ring.tryPush(i); f++) backoff(f);
    return 0;
  }
  let sum = 0;
  for (let got = 0, f = 0; got < count; ) {
    const v = ring.tryPop();
    if (v !== undefined) {
      sum += v;
      got++;
      f = 0;
    } else backoff(f++);
  }
  return sum;
}

function oursBatch(job: RingBenchJob, ring: SpscRingBuffer): number {
  const { count, batch } = job;
  if (job.role === 'produce') {
    const views = batchViews(batch);
    for (let base = 0, b = 0; base < count; base += batch, b++) {
      const n = Math.min(batch, count - base);
      const src = views[b % views.length] as Float64Array;
      for (let off = 0, f = 0; off < n; ) {
        const k = ring.pushMany(src, off, n);
        if (k === 0) backoff(f++);
        off += k;
      }
    }
    return 0;
  }
  const dst = new Float64Array(batch);
  let sum = 0;
  for (let got = 0, f = 0; got < count; ) {
    const n = ring.popMany(dst);
    if (n === 0) backoff(f++);
    else f = 0;
    sum += sumOf(dst, n);
    got += n;
  }
  return sum;
}

function ringbufSingle(job: RingBenchJob, rb: RingBuffer): number {
  const { count } = job;
  const one = new Float64Array(1);
  if (job.role === 'produce') {
    // writeCallbackWithOffset is ringbuf.js's fastest single-value write (it skips push's
    // copy helper: measured ~20% faster than push(one, 1)); pop(one, 1) is its only read.
    let value = 0;
    const write = (storage: Float64Array, offset: number): number => {
      storage[offset] = value;
      return 1;
    };
    for (let i = 0; i < count; i++) {
      value = i;
      for (let f = 0; rb.writeCallbackWithOffset(1, write as never) === 0; f++) backoff(f);
    }
    return 0;
  }
  let sum = 0;
  for (let got = 0, f = 0; got < count; ) {
    if (rb.pop(one, 1) === 1) {
      sum += one[0] as number;
      got++;
      f = 0;
    } else backoff(f++);
  }
  return sum;
}

function ringbufBatch(job: RingBenchJob, rb: RingBuffer): number {
  const { count, batch } = job;
  if (job.role === 'produce') {
    const views = batchViews(batch);
    for (let base = 0, b = 0; base < count; base += batch, b++) {
      const n = Math.min(batch, count - base);
      const src = views[b % views.length] as Float64Array;
      for (let off = 0, f = 0; off < n; ) {
        const k = rb.push(src, n - off, off);
        if (k === 0) backoff(f++);
        off += k;
      }
    }
    return 0;
  }
  const dst = new Float64Array(batch);
  let sum = 0;
  for (let got = 0, f = 0; got < count; ) {
    const n = rb.pop(dst, batch);
    if (n === 0) backoff(f++);
    else f = 0;
    sum += sumOf(dst, n);
    got += n;
  }
  return sum;
}

function postMessageSide(job: RingBenchJob): number | Promise<number> {
  const port = job.port;
  if (!port) throw new Error('postmessage job without a port');
  const { count } = job;
  if (job.role === 'produce') {
    for (let i = 0; i < count; i++) port.postMessage(i);
    port.close();
    return 0;
  }
  return new Promise<number>((resolve) => {
    let sum = 0;
    let got = 0;
    port.onmessage = (e: MessageEvent<number>) => {
      sum += e.data;
      if (++got === count) {
        port.onmessage = null;
        port.close();
        resolve(sum);
      }
    };
  });
}

/** Runs one side of one contestant (the worker's handler). */
export async function runBenchJob(job: RingBenchJob): Promise<RingBenchResult> {
  const gate = new StartGate(job.gate);
  backoffEnabled = job.backoff ?? true;
  let work: (() => number) | undefined;
  if (job.contestant === 'ours-single' || job.contestant === 'ours-batch') {
    if (!job.buffer) throw new Error('ring job without a buffer');
    const ring = new SpscRingBuffer(job.buffer);
    work = job.contestant === 'ours-single' ? () => oursSingle(job, ring) : () => oursBatch(job, ring);
  } else if (job.contestant === 'ringbuf-single' || job.contestant === 'ringbuf-batch') {
    if (!job.buffer) throw new Error('ring job without a buffer');
    const rb = new RingBuffer(job.buffer, Float64Array as unknown as TypedArrayCtor);
    work = job.contestant === 'ringbuf-single' ? () => ringbufSingle(job, rb) : () => ringbufBatch(job, rb);
  }
  gate.arriveAndWait();
  const t0 = performance.now();
  const sum = work ? work() : await postMessageSide(job);
  return { count: job.count, sum, elapsedMs: performance.now() - t0 };
}

if (await isWorkerThread()) await serveRequests<RingBenchJob, RingBenchResult>(runBenchJob);
