/**
 * The false-sharing lab: two workers each increment their *own* counter, so no value is
 * shared, yet when the two counters sit on the same 64-byte cache line every increment
 * must pull the line away from the other core ("false" sharing: the data is private, the
 * line is not). Padding the counters apart removes the contention.
 *
 * Layouts compared (byte distance between the two int32 counters, the first at byte 0 of a
 * fresh SharedArrayBuffer):
 *
 * ```
 * stride   8: |c0 c1 ..............|                          same line: false sharing
 * stride  64: |c0 ..... line 0 ....|c1 ..... line 1 ....|      own lines, same 128-byte pair
 * stride 128: |c0 ... lines 0-1 .......................|c1 ...  own line pairs
 * ```
 *
 * The 128-byte stride matters on Intel cores, whose adjacent-line (spatial) prefetcher
 * fetches lines in 128-byte-aligned pairs: counters 64 bytes apart can still disturb each
 * other a little, which is why `SpscRingBuffer` spaces head and tail 128 bytes apart.
 * (JavaScript cannot align a buffer; allocators give 16 bytes, so 8 apart is always one
 * line, 64 apart always two lines, in the same 128-byte pair only when the buffer happens
 * to be 128-aligned; 128 apart is always two lines in two pairs.)
 *
 * The lab needs two cores free to show anything: on one core the two workers take turns
 * and never contend. Results are medians of interleaved rounds, reported as ratios.
 */
import type { FalseSharingJob, FalseSharingJobResult, IncrementMode } from './false-sharing-types.ts';
import { StartGate, startWorker } from '../shared/workers.ts';
import { median } from '../shared/stats.ts';

/** The strides (bytes between two counters) the lab compares: same line, 64, 128. */
export const FALSE_SHARING_STRIDES = [8, 64, 128] as const;

export type { IncrementMode } from './false-sharing-types.ts';

/** Byte offsets of `count` int32 counters placed `stride` bytes apart. */
export function counterOffsets(stride: number, count: number): number[] {
  if (!Number.isInteger(stride) || stride < 4 || stride % 4 !== 0) {
    throw new RangeError(`stride must be a positive multiple of 4 bytes, got ${stride}`);
  }
  return Array.from({ length: count }, (_, i) => i * stride);
}

/** True if no two of the byte offsets fall on the same `lineBytes`-byte line. */
export function onDistinctLines(offsets: readonly number[], lineBytes = 64): boolean {
  const lines = new Set(offsets.map((o) => Math.floor(o / lineBytes)));
  return lines.size === offsets.length;
}

/** Options of `measureFalseSharing`. */
export interface FalseSharingOptions {
  /** Increments per worker per run. */
  iterations: number;
  /** Interleaved rounds; each layout's figure is the median over them. */
  rounds: number;
  /** Layouts to compare (default `FALSE_SHARING_STRIDES`). */
  strides?: readonly number[];
  /** `atomic` (default): `Atomics.add`; `plain`: `view[i] = view[i] + 1`. */
  mode?: IncrementMode;
}

/** Timings of one layout. */
export interface FalseSharingLayoutResult {
  stride: number;
  /** Median over the rounds of the slower worker's time. */
  medianMs: number;
  samplesMs: number[];
}

/** What `measureFalseSharing` reports. */
export interface FalseSharingReport {
  mode: IncrementMode;
  iterations: number;
  layouts: FalseSharingLayoutResult[];
  /** Median time with the counters on one line / with them 64 bytes apart. */
  ratio64: number;
  /** Median time with the counters on one line / with them 128 bytes apart. */
  ratio128: number;
}


/**
 * Runs the lab: two workers increment counters `stride` bytes apart, for each stride,
 * in interleaved rounds after one warm-up round. Needs workers (Node or a browser).
 */
export async function measureFalseSharing(options: FalseSharingOptions): Promise<FalseSharingReport> {
  const strides = options.strides ?? FALSE_SHARING_STRIDES;
  const mode = options.mode ?? 'atomic';
  const url = new URL('./false-sharing-worker.ts', import.meta.url);
  const workers = await Promise.all([startWorker(url, { name: 'false-sharing-0' }), startWorker(url, { name: 'false-sharing-1' })]);
  const samples = new Map<number, number[]>(strides.map((s) => [s, []]));
  try {
    for (let round = -1; round < options.rounds; round++) {
      // Rotate the order each round so no layout always runs first (or last) in a round.
      const order = strides.map((_, i) => strides[(i + Math.max(round, 0)) % strides.length] as number);
      for (const stride of order) {
        const offsets = counterOffsets(stride, 2);
        const buffer = new SharedArrayBuffer(Math.max(256, (offsets[1] as number) + 128));
        const gate = StartGate.create();
        const replies = workers.map((w, i) =>
          w.request<FalseSharingJobResult>({
            buffer,
            byteOffset: offsets[i] as number,
            iterations: options.iterations,
            mode,
            gate: gate.buffer,
          } satisfies FalseSharingJob),
        );
        await gate.allArrived(2);
        gate.open();
        const results = await Promise.all(replies);
        const counters = new Int32Array(buffer);
        for (const o of offsets) {
          if (counters[o >> 2] !== options.iterations) throw new Error(`false-sharing: counter at ${o} lost increments`);
        }
        if (round >= 0) samples.get(stride)?.push(Math.max(...results.map((r) => r.elapsedMs)));
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const layouts = strides.map((stride) => {
    const s = samples.get(stride) ?? [];
    return { stride, medianMs: median(s), samplesMs: s };
  });
  const at = (stride: number): number => layouts.find((l) => l.stride === stride)?.medianMs ?? Number.NaN;
  const shared = at(Math.min(...strides));
  return { mode, iterations: options.iterations, layouts, ratio64: shared / at(64), ratio128: shared / at(128) };
}
