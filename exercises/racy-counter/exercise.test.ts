import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runInWorkers } from '#engine/run-in-workers';
import { increment, recordHigh } from './exercise.ts';

type AnyFn = (...args: unknown[]) => unknown;
/** Atomics operations that write (the read-modify-writes, and store). */
const WRITES = ['add', 'sub', 'and', 'or', 'xor', 'exchange', 'compareExchange', 'store'];
/** The ones that read and write in one indivisible step. */
const RMW = ['add', 'sub', 'and', 'or', 'xor', 'exchange', 'compareExchange'];

/**
 * Replaces the Atomics methods with wrappers that record each call and, before each
 * write, let `beforeWrite` act as another thread (it writes the array directly). Returns
 * the calls and `restore`, which puts the real methods back.
 */
function watchAtomics(beforeWrite?: (op: string) => void) {
  const table = Atomics as unknown as Record<string, AnyFn>;
  const saved = new Map<string, AnyFn>();
  const calls: string[] = [];
  for (const name of ['load', ...WRITES, 'wait', 'notify']) {
    const real = table[name]!;
    saved.set(name, real);
    table[name] = (...args: unknown[]) => {
      if (WRITES.includes(name)) beforeWrite?.(name);
      calls[calls.length] = name;
      return real.apply(Atomics, args);
    };
  }
  return {
    calls,
    restore() {
      for (const [name, real] of saved) table[name] = real;
    },
  };
}

/** Runs `f` with Atomics watched; always restores them. */
function watched<T>(f: () => T, beforeWrite?: (op: string) => void): { result: T; calls: string[] } {
  const w = watchAtomics(beforeWrite);
  try {
    return { result: f(), calls: w.calls };
  } finally {
    w.restore();
  }
}

const shared = (n: number) => new Int32Array(new SharedArrayBuffer(4 * n));

/** Runs a function of (buffer, iterations, workerIndex) in real workers, with a pointed message when it fails there. */
async function inWorkers(source: string, buffer: SharedArrayBuffer, iterations: number) {
  try {
    return await runInWorkers({ source, buffer, workers: 4, iterations, timeoutMs: 15_000 });
  } catch (error) {
    throw new Error(
      `your function failed inside a worker (it is rebuilt there from its source text, so it may use only its parameters and globals such as Atomics): ${(error as Error).message}`,
    );
  }
}

describe('increment, on one thread with every Atomics call watched', () => {
  it('adds times to counter[index] and touches no other element', () => {
    const counter = shared(4);
    counter[2] = 40;
    increment(counter, 2, 5);
    increment(counter, 2, 0);
    expect(Array.from(counter), 'the counters after adding 5 to index 2 (which held 40)').toEqual([0, 0, 45, 0]);
  });

  it('makes each update an atomic read-modify-write (counter[i] += 1, or a load then a store, is three steps)', () => {
    const counter = shared(2);
    const { calls } = watched(() => increment(counter, 1, 5));
    expect(counter[1], 'counter after increment(counter, 1, 5)').toBe(5);
    expect(calls.filter((c) => RMW.includes(c)).length, `atomic read-modify-writes among your Atomics calls [${calls.join(', ')}]`).toBeGreaterThan(0);
    expect(calls.filter((c) => c === 'store').length, 'Atomics.store calls (a store after a load loses what was written in between)').toBe(0);
  });

  it('loses no update when another thread writes between your read and your write', () => {
    const counter = shared(2);
    let writes = 0;
    let injected = 0;
    const { calls } = watched(
      () => increment(counter, 1, 30),
      () => {
        // Before every third write of yours, "another thread" increments the counter.
        if (writes++ % 3 === 0) {
          counter[1] = counter[1]! + 1;
          injected += 1;
        }
      },
    );
    expect(counter[1], `30 of yours and ${injected} from the other thread (your calls: ${calls.slice(0, 12).join(', ')}${calls.length > 12 ? ', ...' : ''})`).toBe(30 + injected);
  });
});

describe('recordHigh, on one thread with every Atomics call watched', () => {
  it('raises the cell to a higher value and never lowers it', () => {
    const cell = shared(2);
    cell[0] = 10;
    recordHigh(cell, 0, 25);
    expect(cell[0], 'after recording 25 over 10').toBe(25);
    recordHigh(cell, 0, 7);
    expect(cell[0], 'after recording 7 over 25').toBe(25);
    recordHigh(cell, 0, 25);
    expect(cell[0], 'after recording 25 over 25').toBe(25);
    cell[1] = -50;
    recordHigh(cell, 1, -20);
    expect(cell[1], 'after recording -20 over -50').toBe(-20);
    expect(cell[0], 'the other cell').toBe(25);
  });

  it('publishes a higher value with an atomic compare-and-swap, not a plain write', () => {
    const cell = shared(1);
    cell[0] = 3;
    const { calls } = watched(() => recordHigh(cell, 0, 9));
    expect(cell[0], 'after recording 9 over 3').toBe(9);
    expect(calls.filter((c) => RMW.includes(c)).length, `atomic read-modify-writes among your Atomics calls [${calls.join(', ')}]`).toBeGreaterThan(0);
  });

  it('keeps a higher value that another thread stores between your read and your write', () => {
    const cell = shared(1);
    cell[0] = 10;
    let first = true;
    const { calls } = watched(
      () => recordHigh(cell, 0, 50),
      () => {
        if (first) cell[0] = 100; // the other thread saw a deeper queue, just now
        first = false;
      },
    );
    expect(cell[0], `the cell after you recorded 50 while another thread recorded 100 (your calls: ${calls.join(', ')})`).toBe(100);
  });

  it('tries again when another thread raised the cell to a value still below yours', () => {
    const cell = shared(1);
    cell[0] = 10;
    let first = true;
    const { calls } = watched(
      () => recordHigh(cell, 0, 50),
      () => {
        if (first) cell[0] = 20; // higher than what you read, lower than yours
        first = false;
      },
    );
    expect(cell[0], `the cell after you recorded 50 while another thread recorded 20 (your calls: ${calls.join(', ')})`).toBe(50);
  });
});

describe('four real workers at once', () => {
  // Long enough (a few milliseconds a worker) that the workers' loops overlap even when
  // the scheduler wakes them one by one; a racy increment then loses updates on almost
  // every run. Almost: this test races real threads, so meta.json lists it in racyTests,
  // and the verdict on a racy increment rests on the watched tests above.
  it('lose no increment: 4 workers x 250,000 increments make 1,000,000', async () => {
    const buffer = new SharedArrayBuffer(64);
    await inWorkers(`(buffer, n) => (${increment.toString()})(new Int32Array(buffer), 3, n)`, buffer, 250_000);
    expect(new Int32Array(buffer)[3], 'the counter after four workers added 250,000 each (fewer: updates were lost)').toBe(1_000_000);
  });

  it('keep the highest value any of them recorded', async () => {
    const buffer = new SharedArrayBuffer(64);
    const n = 10_000;
    // Each worker records a different pseudo-random sequence; the test knows the maximum.
    const value = (k: number, w: number) => ((k * 7_919 + w * 104_729) % 1_000_003) - 500_000;
    let max = -Infinity;
    for (let w = 0; w < 4; w++) for (let k = 0; k < n; k++) max = Math.max(max, value(k, w));
    const cell = new Int32Array(buffer);
    cell[5] = -1_000_000;
    await inWorkers(
      `(buffer, n, w) => { const record = (${recordHigh.toString()}); const cell = new Int32Array(buffer); ` +
        `for (let k = 0; k < n; k++) record(cell, 5, ((k * 7919 + w * 104729) % 1000003) - 500000); }`,
      buffer,
      n,
    );
    expect(cell[5], 'the high-water mark after four workers recorded 10,000 values each').toBe(max);
  });
});

// ------------------------------------------------------------------ the whole domain
// The whole int32 range (INT32_MIN, -1, 0, INT32_MAX, and the wrap of a counter past
// INT32_MAX), and another thread acting before ANY of your Atomics calls, loads included:
// it adds to the counter, or raises the mark (as its own recordHigh would, atomically).

const INT32 = fc.oneof(fc.constantFrom(-(2 ** 31), -(2 ** 31) + 1, -1, 0, 1, 2 ** 31 - 2, 2 ** 31 - 1), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));

/** Runs f with `other` acting, when the schedule says so, before each Atomics call. */
function everyCall<T>(f: () => T, schedule: boolean[], other: () => void): T {
  let at = 0;
  const table = Atomics as unknown as Record<string, AnyFn>;
  const saved = new Map<string, AnyFn>();
  let inOther = false;
  for (const name of ['load', ...WRITES]) {
    const real = table[name]!;
    saved.set(name, real);
    table[name] = (...args: unknown[]) => {
      if (!inOther && schedule[at++ % schedule.length]) {
        inOther = true;
        try {
          other();
        } finally {
          inOther = false;
        }
      }
      return real.apply(Atomics, args);
    };
  }
  try {
    return f();
  } finally {
    for (const [name, real] of saved) table[name] = real;
  }
}

describe('the whole domain, another thread acting before any of your Atomics calls', () => {
  it('recordHigh ends at the highest value anyone recorded and never lowers the mark, over the whole int32 range', () => {
    fc.assert(
      fc.property(INT32, INT32, fc.array(INT32, { maxLength: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (start, value, others, schedule) => {
        const cell = shared(4);
        cell[2] = start;
        let high = start;
        const pending = [...others];
        let lowered = '';
        const other = () => {
          const v = pending.shift();
          if (v === undefined) return;
          if (v > cell[2]!) cell[2] = v;
          high = Math.max(high, v);
        };
        everyCall(() => recordHigh(cell, 2, value), schedule, () => {
          const before = cell[2]!;
          other();
          if (cell[2]! < before) lowered = `${before} -> ${cell[2]}`;
        });
        while (pending.length > 0) other();
        const want = Math.max(high, value);
        if (lowered) expect.fail(`recordHigh lowered the mark (${lowered})`);
        if (cell[2] !== want) {
          expect.fail(`recordHigh(cell, 2, ${value}) on a mark of ${start}, other threads recording ${JSON.stringify(others)}: the mark is ${cell[2]}, not ${want}`);
        }
        if (cell[1] !== 0 || cell[3] !== 0) expect.fail('recordHigh wrote outside cell[index]');
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });

  it('increment adds times (0 included) and the other thread\'s adds, wrapping like int32, from any start', () => {
    fc.assert(
      fc.property(INT32, fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 200 }), fc.constantFrom(40_000, 70_000)), fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (start, times, adds, schedule) => {
        const counter = shared(4);
        counter[2] = start;
        const pending = [...adds];
        const other = () => {
          const k = pending.shift();
          if (k !== undefined) counter[2] = (counter[2]! + k) | 0;
        };
        everyCall(() => increment(counter, 2, times), schedule, other);
        while (pending.length > 0) other();
        const want = (start + times + adds.reduce((a, b) => a + b, 0)) | 0;
        if (counter[2] !== want) expect.fail(`increment(counter, 2, ${times}) from ${start}, another thread adding ${JSON.stringify(adds)}: ${counter[2]}, not ${want}`);
        if (counter[1] !== 0 || counter[3] !== 0) expect.fail('increment wrote outside counter[index]');
      }),
      { seed: 20261203, numRuns: 150 },
    );
  });
});
