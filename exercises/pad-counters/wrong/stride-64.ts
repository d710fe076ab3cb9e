/**
 * Pads each counter to one 64-byte cache line, not to a 128-byte pair: counters 64 bytes apart.
 *
 * Each counter has its own line, which is the textbook fix; but on Intel cores the
 * spatial prefetcher fetches lines in aligned pairs, and whenever the buffer happens to
 * start on a multiple of 128, counters 0 and 1 are one pair and still contend.
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

// #region layout
export function layoutCounters(threads: number): CounterLayout {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`layoutCounters: threads must be a positive integer, got ${threads}`);
  }
  // One 128-byte block per counter, not one 64-byte line: Intel's spatial prefetcher
  // completes every line it fetches with its pair, so two hot counters in one aligned
  // 128-byte pair still disturb each other.
  const stride = CACHE_LINE_BYTES;
  // We cannot align the buffer (only 16 bytes are promised), so we cannot put a counter
  // at the start of a block. Instead, a whole block of padding before the first counter
  // and after the last one: whatever the buffer's start address, each counter's block
  // lies inside the buffer, away from memory that other code may be writing.
  const offsets = Array.from({ length: threads }, (_, i) => stride * (i + 1));
  const byteLength = stride * (threads + 1);
  return { offsets, byteLength };
}
// #endregion layout

// #region increment
/** What each worker runs: `n` increments of its own counter (the engine's lab does this). */
export function bumpCounter(buffer: SharedArrayBuffer, byteOffset: number, n: number): void {
  const counters = new Int32Array(buffer);
  const index = byteOffset / Int32Array.BYTES_PER_ELEMENT;
  for (let i = 0; i < n; i++) Atomics.add(counters, index, 1);
}
// #endregion increment
