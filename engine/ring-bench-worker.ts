/**
 * Worker script for `ticklab bench ring`: one side (producer or consumer) of one
 * contestant moving the values 0, 1, ..., count - 1 between two workers:
 *
 * - `ours-single` / `ours-batch`: `SpscRingBuffer`, one value per call / `pushMany` and
 *   `popMany` in batches.
 * - `ringbuf-single` / `ringbuf-batch`: ringbuf.js's `RingBuffer` over a Float64Array, in
 *   the same two modes, each through its fastest call (`push`/`pop` on typed arrays).
 * - `postmessage`: the naive baseline, one `postMessage` per value over a MessagePort.
 *
 * Every contestant spins on a full/empty ring (no sleeping), starts at the same
 * `StartGate`, and the consumer returns the sum of what it received so the coordinator
 * can check that nothing was lost.
 */
import { RingBuffer } from 'ringbuf.js';
import { SpscRingBuffer } from './spsc-ring-buffer.ts';
import { StartGate, isWorkerThread, serveRequests } from './workers.ts';

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

function oursSingle(job: RingBenchJob, ring: SpscRingBuffer): number {
  const { count } = job;
  if (job.role === 'produce') {
    for (let i = 0; i < count; i++) while (!ring.tryPush(i));
    return 0;
  }
  let sum = 0;
  for (let got = 0; got < count; ) {
    const v = ring.tryPop();
    if (v !== undefined) {
      sum += v;
      got++;
    }
  }
  return sum;
}

function oursBatch(job: RingBenchJob, ring: SpscRingBuffer): number {
  const { count, batch } = job;
  if (job.role === 'produce') {
    const src = new Float64Array(batch);
    for (let base = 0; base < count; base += batch) {
      const n = Math.min(batch, count - base);
      for (let j = 0; j < n; j++) src[j] = base + j;
      for (let off = 0; off < n; ) off += ring.pushMany(src, off, n);
    }
    return 0;
  }
  const dst = new Float64Array(batch);
  let sum = 0;
  for (let got = 0; got < count; ) {
    const n = ring.popMany(dst);
    for (let j = 0; j < n; j++) sum += dst[j] as number;
    got += n;
  }
  return sum;
}

function ringbufSingle(job: RingBenchJob, rb: RingBuffer): number {
  const { count } = job;
  const one = new Float64Array(1);
  if (job.role === 'produce') {
    for (let i = 0; i < count; i++) {
      one[0] = i;
      while (rb.push(one, 1) === 0);
    }
    return 0;
  }
  let sum = 0;
  for (let got = 0; got < count; ) {
    if (rb.pop(one, 1) === 1) {
      sum += one[0] as number;
      got++;
    }
  }
  return sum;
}

function ringbufBatch(job: RingBenchJob, rb: RingBuffer): number {
  const { count, batch } = job;
  if (job.role === 'produce') {
    const src = new Float64Array(batch);
    for (let base = 0; base < count; base += batch) {
      const n = Math.min(batch, count - base);
      for (let j = 0; j < n; j++) src[j] = base + j;
      for (let off = 0; off < n; ) off += rb.push(src, n - off, off);
    }
    return 0;
  }
  const dst = new Float64Array(batch);
  let sum = 0;
  for (let got = 0; got < count; ) {
    const n = rb.pop(dst, batch);
    for (let j = 0; j < n; j++) sum += dst[j] as number;
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
