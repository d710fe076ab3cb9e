import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { onDistinctLines } from '#engine/false-sharing';
import { BUFFER_ALIGNMENT, PREFETCH_PAIR_BYTES, bumpCounter, layoutCounters, type CounterLayout } from './exercise.ts';

const COUNTER_BYTES = 4;

/** Every start address the buffer may have, modulo 128: JavaScript promises only 16-byte alignment. */
const BASES = Array.from({ length: PREFETCH_PAIR_BYTES / BUFFER_ALIGNMENT }, (_, i) => i * BUFFER_ALIGNMENT);

type Rule = 'apart' | 'before' | 'after';

/**
 * The first way `layout` breaks "each counter alone in its `block`-byte aligned block,
 * inside the buffer", over every base address the buffer may have; undefined if none.
 * `rules` picks what is checked: counters apart from each other, clear of the bytes
 * before the buffer, clear of the bytes after it.
 */
function firstViolation(layout: CounterLayout, block: number, rules: readonly Rule[] = ['apart', 'before', 'after']): string | undefined {
  const { offsets, byteLength } = layout;
  for (const base of BASES) {
    const where = `when the buffer starts at an address that is ${base} more than a multiple of 128`;
    const blocks = offsets.map((o) => Math.floor((base + o) / block));
    for (let i = 0; i < offsets.length; i++) {
      const start = blocks[i]! * block;
      if (rules.includes('before') && start < base) return `counter ${i} (offset ${offsets[i]}) shares its ${block}-byte block with the ${base - start} bytes before the buffer ${where}`;
      if (rules.includes('after') && start + block > base + byteLength) return `counter ${i} (offset ${offsets[i]}) shares its ${block}-byte block with ${start + block - base - byteLength} bytes past the buffer's end (byteLength ${byteLength}) ${where}`;
      for (let j = 0; j < i; j++) {
        if (rules.includes('apart') && blocks[i] === blocks[j]) return `counters ${j} and ${i} (offsets ${offsets[j]} and ${offsets[i]}, ${offsets[i]! - offsets[j]!} bytes apart) share a ${block}-byte block ${where}`;
      }
    }
  }
  return undefined;
}

const THREAD_COUNTS = [1, 2, 3, 4, 8, 16, 64];

describe('the shape of the layout', () => {
  it('gives one offset per thread, each a multiple of 4, in increasing order, inside the buffer', () => {
    for (const threads of THREAD_COUNTS) {
      const { offsets, byteLength } = layoutCounters(threads);
      expect(offsets.length, `offsets for ${threads} threads`).toBe(threads);
      offsets.forEach((o, i) => {
        expect(Number.isInteger(o) && o % COUNTER_BYTES === 0, `offset ${o} of counter ${i} is a multiple of 4 (an Int32Array index)`).toBe(true);
        expect(o + COUNTER_BYTES, `counter ${i} at ${o} fits in the ${byteLength}-byte buffer`).toBeLessThanOrEqual(byteLength);
        if (i > 0) expect(o, `counter ${i} comes after counter ${i - 1}`).toBeGreaterThan(offsets[i - 1]!);
      });
    }
  });

  it('rejects a thread count that is not a positive integer with a RangeError', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => layoutCounters(bad), `layoutCounters(${bad})`).toThrow(RangeError);
    }
  });

  it('wastes no more than 128 * (threads + 2) bytes', () => {
    for (const threads of THREAD_COUNTS) {
      expect(layoutCounters(threads).byteLength, `byteLength for ${threads} threads`).toBeLessThanOrEqual(PREFETCH_PAIR_BYTES * (threads + 2));
    }
  });
});

describe('no false sharing, wherever the buffer starts (any multiple of 16)', () => {
  it('no two counters share a 64-byte cache line, and no counter shares its line with memory outside the buffer', () => {
    for (const threads of THREAD_COUNTS) {
      expect(firstViolation(layoutCounters(threads), 64), `${threads} threads, 64-byte lines`).toBeUndefined();
    }
  });

  it('no two counters share a 128-byte prefetch pair: counters 64 bytes apart are one pair whenever the buffer starts on a multiple of 128', () => {
    for (const threads of [2, 3, 4, 8, 16, 64]) {
      expect(firstViolation(layoutCounters(threads), 128, ['apart']), `${threads} threads, 128-byte pairs (counters against each other)`).toBeUndefined();
    }
  });

  it('no counter shares its 128-byte pair with the bytes before the buffer', () => {
    for (const threads of THREAD_COUNTS) {
      expect(firstViolation(layoutCounters(threads), 128, ['before']), `${threads} threads, padding before the first counter`).toBeUndefined();
    }
  });

  it('no counter shares its 128-byte pair with the bytes after the buffer', () => {
    for (const threads of THREAD_COUNTS) {
      expect(firstViolation(layoutCounters(threads), 128, ['after']), `${threads} threads, padding after the last counter`).toBeUndefined();
    }
  });

  it('agrees with the engine\'s false-sharing lab: the counters are on distinct 128-byte blocks from a 128-aligned start', () => {
    for (const threads of THREAD_COUNTS) {
      expect(onDistinctLines(layoutCounters(threads).offsets, 128), `onDistinctLines(offsets, 128) for ${threads} threads`).toBe(true);
    }
  });
});

describe('the layout in use', () => {
  it('each thread\'s increments land in its own counter and nowhere else', () => {
    const threads = 4;
    const { offsets, byteLength } = layoutCounters(threads);
    const buffer = new SharedArrayBuffer(byteLength);
    offsets.forEach((o, i) => bumpCounter(buffer, o, 1000 * (i + 1)));
    const words = new Int32Array(buffer);
    offsets.forEach((o, i) => expect(words[o / COUNTER_BYTES], `counter ${i} at offset ${o}`).toBe(1000 * (i + 1)));
    const total = words.reduce((s, w) => s + w, 0);
    expect(total, 'sum of every word in the buffer (nothing landed outside the counters)').toBe(10_000);
  });
});

// ------------------------------------------------------------------ the whole domain
describe('the whole domain', () => {
  it('every thread count from 1 to 600 meets every rule, from every start the buffer may have', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 130 }), fc.integer({ min: 1, max: 600 }), fc.constantFrom(1, 2, 127, 128, 129, 600)), (threads) => {
        const layout = layoutCounters(threads);
        const { offsets, byteLength } = layout;
        if (offsets.length !== threads) expect.fail(`layoutCounters(${threads}) gave ${offsets.length} offsets`);
        for (let i = 0; i < threads; i++) {
          const o = offsets[i]!;
          if (!Number.isInteger(o) || o % 4 !== 0 || o < 0 || o + COUNTER_BYTES > byteLength || (i > 0 && o <= offsets[i - 1]!)) {
            expect.fail(`layoutCounters(${threads}): offset ${i} is ${o} (multiples of 4, increasing, inside ${byteLength} bytes)`);
          }
        }
        if (byteLength > PREFETCH_PAIR_BYTES * (threads + 2)) expect.fail(`layoutCounters(${threads}): ${byteLength} bytes, more than 128 * (threads + 2)`);
        // firstViolation compares every pair; with offsets increasing, neighbours are enough (O(n) per start).
        for (const base of BASES) {
          let previous = -1;
          for (let i = 0; i < threads; i++) {
            const block = Math.floor((base + offsets[i]!) / PREFETCH_PAIR_BYTES);
            const clash = block === previous || block * PREFETCH_PAIR_BYTES < base || (block + 1) * PREFETCH_PAIR_BYTES > base + byteLength;
            if (clash) expect.fail(`layoutCounters(${threads}): ${firstViolation({ offsets: offsets.slice(Math.max(0, i - 1), i + 1), byteLength }, PREFETCH_PAIR_BYTES) ?? `counter ${i} is not alone in its 128-byte block inside the buffer`} (buffer starting ${base} past a multiple of 128)`);
            previous = block;
          }
        }
      }),
      { seed: 20261203, numRuns: 150 },
    );
  });

  it('every thread count that is not a positive integer is a RangeError: 0, -0, negatives, fractions, NaN and the infinities', () => {
    for (const bad of [0, -0, -1, -(2 ** 31), 0.5, 1 + 2 ** -52, 2.5, Number.NaN, Infinity, -Infinity]) {
      let thrown: unknown;
      try {
        layoutCounters(bad);
      } catch (error) {
        thrown = error;
      }
      if (!(thrown instanceof RangeError)) expect.fail(`layoutCounters(${bad}) did not throw a RangeError`);
      // Only that there is a message: its wording is yours.
      if (!/\S/.test(thrown.message)) expect.fail(`layoutCounters(${bad}) threw a RangeError with an empty message`);
    }
  });
});
