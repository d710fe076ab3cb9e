/**
 * Exercise: pad-counters.
 *
 * Several worker threads each count messages in their own int32 counter, all kept in
 * one SharedArrayBuffer. Write `layoutCounters(threads)`: the byte offset of each
 * thread's counter and the buffer's byte length, such that no two counters disturb each
 * other through the cache (false sharing). The rule graded:
 *
 * - JavaScript cannot align a buffer: assume only that it starts at some multiple of 16
 *   bytes (`BUFFER_ALIGNMENT`), any one of them.
 * - Wherever it starts, no two counters may lie in the same 128-byte-aligned block of
 *   memory (`PREFETCH_PAIR_BYTES`: a pair of 64-byte lines, which Intel's spatial
 *   prefetcher fetches together), and each counter's block must lie entirely inside the
 *   buffer (the bytes around the buffer belong to other allocations, which other threads
 *   may be writing).
 * - Offsets are multiples of 4 (an Int32Array index is offset / 4), in thread order.
 * - Waste no more than needed: at most 128 * (threads + 2) bytes.
 * - `threads` that is not a positive integer is a RangeError, with a message saying why.
 *
 * `bumpCounter` (given) is what each worker runs on its counter.
 *
 * Run `ticklab hint pad-counters` if you are stuck.
 */

/** Bytes in a cache line on x86-64 and most ARM cores. */
export const CACHE_LINE_BYTES = 64;

/** Bytes the Intel spatial prefetcher fetches together: an aligned pair of lines. */
export const PREFETCH_PAIR_BYTES = 128;

/** JavaScript promises no more than this alignment for the start of a buffer. */
export const BUFFER_ALIGNMENT = 16;

/** Where the counters go in a SharedArrayBuffer of `byteLength` bytes. */
export interface CounterLayout {
  /** Byte offset of thread i's int32 counter. */
  offsets: number[];
  /** Bytes to allocate. */
  byteLength: number;
}

// #region starter
export function layoutCounters(threads: number): CounterLayout {
  // TODO: reject a bad thread count, then space the counters so that each has a
  // 128-byte block to itself wherever the buffer starts (a multiple of 16).
  // As given, the counters sit side by side: all of them in one cache line.
  const offsets = Array.from({ length: threads }, (_, i) => i * Int32Array.BYTES_PER_ELEMENT);
  return { offsets, byteLength: threads * Int32Array.BYTES_PER_ELEMENT };
}
// #endregion starter

// #region increment
/** What each worker runs: `n` increments of its own counter (the engine's lab does this). */
export function bumpCounter(buffer: SharedArrayBuffer, byteOffset: number, n: number): void {
  const counters = new Int32Array(buffer);
  const index = byteOffset / Int32Array.BYTES_PER_ELEMENT;
  for (let i = 0; i < n; i++) Atomics.add(counters, index, 1);
}
// #endregion increment
