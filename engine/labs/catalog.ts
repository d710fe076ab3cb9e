/**
 * What each lab is, without its measuring code: the name, title, what it measures and
 * what to expect, whether it needs shared memory, and the lesson that embeds it. Small and
 * dependency-free, so that the site can render a lab's box at build time and the CLI can
 * list the labs without loading any of them.
 */
import type { LabInfo, LabName } from './result.ts';

export type { LabInfo } from './result.ts';

/** Every lab, by name. */
export const LAB_CATALOG: Record<LabName, LabInfo> = {
  'false-sharing': {
    name: 'false-sharing',
    title: 'False sharing: two counters, one cache line',
    description:
      'Two workers each add 1 to their own counter, millions of times, with the counters 8, 64 and 128 bytes apart. ' +
      'Nothing is shared, yet 8 bytes apart both counters sit on one 64-byte cache line, and every add must pull the line ' +
      'from the other core. Expect the 8-byte layout to be several times slower than the other two when two cores are free, ' +
      'and no difference at all on a machine that gives the lab one core.',
    needsSharedMemory: true,
    lesson: 'hardware/false-sharing',
  },
  simd: {
    name: 'simd',
    title: 'SIMD against scalar: sum and VWAP by array size',
    description:
      'Sums a column of prices, and computes a VWAP over prices and volumes, with a plain loop, the engine’s scalar kernel ' +
      '(four accumulators) and its WebAssembly SIMD kernel (two lanes), for arrays from 1 K to 16 M numbers. ' +
      'Expect SIMD well ahead while the arrays fit in the caches, steps down where each cache ends, and all three ' +
      'close together at 16 M, where memory bandwidth, not arithmetic, sets the pace. The full run needs about 300 MB of memory.',
    needsSharedMemory: false,
    lesson: 'hardware/simd',
  },
  'iterator-chain': {
    name: 'iterator-chain',
    title: 'Iterator chain against loop against struct of arrays',
    description:
      'Computes the notional traded in one symbol among eight, over 1 K to 1 M trades, four ways: an iterator chain ' +
      '(filter, map, reduce) over objects, a for loop over the same objects, and the engine’s struct-of-arrays kernel in ' +
      'TypeScript and in WebAssembly SIMD. Expect the chain to cost a few times the loop in V8 (in Rust both compile to ' +
      'the same loop), and the columns to beat both, most of all once the objects no longer fit in the caches.',
    needsSharedMemory: false,
    lesson: 'zero-cost/iterators-and-loops',
  },
  allocation: {
    name: 'allocation',
    title: 'Allocation and the tail: a hot loop that allocates against a pool',
    description:
      'Handles a stream of order messages two ways: one creates a new order object per message and lets the collector ' +
      'reclaim it once 100,000 newer orders have arrived; the other overwrites orders from a pool made once. It times batches of ' +
      'messages and plots the percentiles of those times, from the median (p50) to the worst one in ten thousand (p99.99). ' +
      'Expect the two medians to be close and the allocating loop’s tail to be many times longer: that tail is the collector’s pauses.',
    needsSharedMemory: false,
    lesson: 'ownership/gc-pauses',
  },
  'order-book': {
    name: 'order-book',
    title: 'The order book: cost per command as the book grows',
    description:
      'Keeps a book at 100, 1,000, 10,000 and 100,000 resting orders while it cancels a random order and places a new one, ' +
      'again and again, in the engine’s book and in a naive book that keeps each side as one sorted array. It measures commands ' +
      'per second and the latency of single commands (p50 and p99). Expect the engine’s cost per command to stay about flat and the ' +
      'sorted array’s to grow with the book, about tenfold per tenfold more orders once the arrays outgrow the caches.',
    needsSharedMemory: false,
    lesson: 'order-book/price-levels',
  },
};
