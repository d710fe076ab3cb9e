import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RING_DATA_OFFSET, RING_HEAD_OFFSET, RING_TAIL_OFFSET, SpscRingBuffer, checksumOf, sequenceValue } from '#engine/spsc-ring-buffer';
import { runRingJob } from '#engine/ring-jobs';
import { RingConsumer, RingProducer } from './exercise.ts';

/*
 * How these tests see ordering on ONE thread (so they run in the browser too):
 * - While your tryPush/tryPop runs, Atomics' methods are wrapped: every atomic access of
 *   head or tail is logged, with what the slot held at that moment.
 * - Before a push, its slot holds POISON. When your Atomics.store publishes head, the
 *   slot must already hold the value: a consumer on another thread may read it at once.
 * - The moment your Atomics.store frees tail, the slot is overwritten with POISON, as a
 *   producer on another thread may do: a pop that reads the slot after freeing it gets POISON.
 * - head and tail are compared before and after each call with the logged Atomics
 *   writes: a counter that moved without Atomics was written with a plain store.
 * The cross-thread tests (Node only, a real worker) come after, as a stress test.
 */

/** What a free slot holds: no value the tests push. */
const POISON = -7.77e-77;
const HEAD = RING_HEAD_OFFSET;
const TAIL = RING_TAIL_OFFSET;

/** One atomic access of head or tail made by the student's code. */
interface Access {
  op: string;
  field: 'head' | 'tail';
  /** load: the value read; a write: the value stored (read back after the operation). */
  value: number;
  /** For a write of head: what the newly published slot held at that moment. */
  publishedSlot?: number;
}

interface Watched {
  buffer: ArrayBufferLike;
  words: Int32Array;
  data: Float64Array;
  mask: number;
}

const WRITES = ['store', 'add', 'sub', 'exchange', 'compareExchange', 'and', 'or', 'xor'] as const;
const atomics = Atomics as unknown as Record<string, (...args: unknown[]) => unknown>;
const originals = new Map<string, (...args: unknown[]) => unknown>();
const watched: Watched[] = [];
let log: Access[] | undefined; // set while the student's code runs

/** Which counter an Atomics call touches, if it is one of a watched ring's. */
function locate(ta: unknown, index: unknown): { ring: Watched; field: 'head' | 'tail' } | undefined {
  if (!ArrayBuffer.isView(ta) || !('BYTES_PER_ELEMENT' in ta)) return undefined;
  const byte = ta.byteOffset + Number(index) * (ta as Int32Array).BYTES_PER_ELEMENT;
  const ring = watched.find((r) => r.buffer === ta.buffer);
  if (!ring) return undefined;
  if (byte === HEAD) return { ring, field: 'head' };
  if (byte === TAIL) return { ring, field: 'tail' };
  return undefined;
}

function installWatch(): void {
  for (const op of ['load', ...WRITES]) {
    const original = atomics[op]!;
    originals.set(op, original);
    atomics[op] = function watchedAtomic(this: unknown, ta: unknown, index: unknown, ...rest: unknown[]) {
      const result = original.call(Atomics, ta, index, ...rest);
      const where = log ? locate(ta, index) : undefined;
      if (log && where) {
        const { ring, field } = where;
        const offset = field === 'head' ? HEAD >> 2 : TAIL >> 2;
        const now = ring.words[offset]!;
        if (op === 'load') {
          log.push({ op, field, value: result as number });
        } else if (field === 'head') {
          log.push({ op, field, value: now, publishedSlot: ring.data[(now - 1) & ring.mask]! });
        } else {
          log.push({ op, field, value: now });
          // The slot is free from this moment: a producer on another thread may overwrite it now.
          ring.data[(now - 1) & ring.mask] = POISON;
        }
      }
      return result;
    };
  }
}

function removeWatch(): void {
  for (const [op, original] of originals) atomics[op] = original;
  originals.clear();
  watched.length = 0;
  log = undefined;
}

beforeEach(installWatch);
afterEach(removeWatch);

const describeValue = (v: number | undefined) => (v === undefined ? 'undefined' : Object.is(v, POISON) ? 'POISON (the value a free slot holds)' : String(v));

/**
 * `expect(actual, message()).toBe(expected)`, paying for expect and the message only when
 * they fail: these checks run at every push and pop of every test (thousands of them in
 * the property test), and a passing expect costs tens of microseconds.
 */
function same<T>(actual: T, expected: T, message: () => string): void {
  if (!Object.is(actual, expected)) expect(actual, message()).toBe(expected);
}

/**
 * A ring made by the engine, with the student's producer and consumer and the engine's
 * own handle on it. `push`/`pop` call the student's code under watch and check how it
 * moved the counters; `enginePush`/`enginePop` are the other side.
 */
function rig(capacity: number, startIndex = 0) {
  const engine = SpscRingBuffer.create(capacity, { startIndex });
  const buffer = engine.buffer;
  const words = new Int32Array(buffer, 0, RING_DATA_OFFSET >> 2);
  const data = new Float64Array(buffer, RING_DATA_OFFSET, capacity);
  const mask = capacity - 1;
  data.fill(POISON);
  watched.push({ buffer, words, data, mask });
  const producer = new RingProducer(buffer);
  const consumer = new RingConsumer(buffer);
  const head = () => words[HEAD >> 2]!;
  const tail = () => words[TAIL >> 2]!;
  // What each side last learnt of the other's counter through Atomics (or at construction).
  let tailSeenByProducer = tail();
  let headSeenByConsumer = head();

  function watch<T>(call: () => T): { result: T; accesses: Access[] } {
    const accesses: Access[] = [];
    log = accesses;
    try {
      return { result: call(), accesses };
    } finally {
      log = undefined;
    }
  }

  /** The student's tryPush, checked step by step; returns what it returned. */
  function push(value: number): boolean {
    const h0 = head();
    const t0 = tail();
    const used = (h0 - t0) | 0;
    const fits = used < capacity;
    const slot = h0 & mask;
    if (fits) data[slot] = POISON;
    const { result: ok, accesses } = watch(() => producer.tryPush(value));
    const state = `(head ${h0}, tail ${t0}: ${used} of ${capacity} slots used)`;
    same(ok, fits, () => `tryPush(${value}) ${state}: true when there is room, false when full`);
    same(tail(), t0, () => `tail after tryPush(${value}) ${state} (only the consumer writes tail)`);
    const headWrites = accesses.filter((a) => a.field === 'head' && a.op !== 'load');
    const tailLoads = accesses.filter((a) => a.field === 'tail');
    if (!ok) {
      same(head(), h0, () => `head after a refused tryPush(${value}) ${state}`);
      same(headWrites.length, 0, () => `Atomics writes of head during a refused tryPush ${state}`);
      return ok;
    }
    same(head(), (h0 + 1) | 0, () => `head after tryPush(${value}) ${state}: head + 1, wrapped like int32 with | 0`);
    same(headWrites.length > 0 ? 'with Atomics' : 'with a plain write', 'with Atomics', () => `how head moved from ${h0} to ${head()}: publish it with Atomics.store, so that a consumer on another thread that sees the new head is sure to see the value`);
    const publish = headWrites.find((a) => a.value === ((h0 + 1) | 0));
    same(publish === undefined ? undefined : describeValue(publish.publishedSlot), describeValue(value), () => `what slot ${slot} held when Atomics published head = ${(h0 + 1) | 0}: write data[head & mask] first, then publish head, or a consumer on another thread can read the slot before the value is in it`);
    for (const a of tailLoads) tailSeenByProducer = a.value;
    if (tailLoads.length === 0) {
      same(((h0 - tailSeenByProducer) | 0) < capacity ? 'room by the tail it last loaded' : 'no Atomics.load of tail', 'room by the tail it last loaded', () => `how tryPush(${value}) ${state} knew there was room: the last tail it saw through Atomics or at construction (${tailSeenByProducer}) says full, so it read tail with a plain read; use Atomics.load`);
    }
    return ok;
  }

  /** The student's tryPop, checked step by step; returns what it returned. */
  function pop(): number | undefined {
    const h0 = head();
    const t0 = tail();
    const used = (h0 - t0) | 0;
    const slot = t0 & mask;
    const want = used > 0 ? data[slot]! : undefined;
    const { result: got, accesses } = watch(() => consumer.tryPop());
    const state = `(head ${h0}, tail ${t0}: ${used} of ${capacity} slots used)`;
    const tailWrites = accesses.filter((a) => a.field === 'tail' && a.op !== 'load');
    const headLoads = accesses.filter((a) => a.field === 'head');
    same(head(), h0, () => `head after tryPop ${state} (only the producer writes head)`);
    if (want === undefined) {
      same(describeValue(got), 'undefined', () => `tryPop on an empty ring ${state}`);
      same(tail(), t0, () => `tail after tryPop on an empty ring ${state}`);
      return got;
    }
    const poisoned = got !== undefined && Object.is(got, POISON);
    same(describeValue(got), describeValue(want), () => poisoned
        ? `tryPop ${state} read slot ${slot} after Atomics freed it (tail = ${(t0 + 1) | 0}): read the slot first, then store tail + 1, or the producer on another thread may already have overwritten it`
        : `tryPop ${state}: the oldest value, from slot ${slot}`);
    same(tail(), (t0 + 1) | 0, () => `tail after tryPop ${state}: tail + 1, wrapped like int32 with | 0`);
    same(tailWrites.length > 0 ? 'with Atomics' : 'with a plain write', 'with Atomics', () => `how tail moved from ${t0} to ${tail()}: free the slot with Atomics.store, so that the producer on another thread that sees the new tail is sure the read has finished`);
    for (const a of headLoads) headSeenByConsumer = a.value;
    if (headLoads.length === 0) {
      same(((headSeenByConsumer - t0) | 0) > 0 ? 'a value by the head it last loaded' : 'no Atomics.load of head', 'a value by the head it last loaded', () => `how tryPop ${state} knew there was a value: the last head it saw through Atomics or at construction (${headSeenByConsumer}) says empty, so it read head with a plain read; use Atomics.load`);
    }
    return got;
  }

  return {
    engine,
    push,
    pop,
    head,
    tail,
    enginePush: (value: number) => engine.tryPush(value),
    enginePop: () => {
      const t0 = tail();
      const value = engine.tryPop();
      if (value !== undefined) data[t0 & mask] = POISON; // freed: a producer may overwrite it
      return value;
    },
  };
}

/** fc.check, failing with the assertion's own message next to the shrunk counterexample. */
function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts>): void {
  const run = fc.check(property, params);
  if (!run.failed) return;
  const cause = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
  throw new Error(`${cause}\n\nsmallest failing case: ${fc.stringify(run.counterexample)}\n(seed ${run.seed}, path "${run.counterexamplePath}", after ${run.numRuns} runs and ${run.numShrinks} shrinks)`);
}

/** Names of the one-thread rules broken so far: the cross-thread tests wait until there are none. */
const broken: string[] = [];
function rule(name: string, body: () => void): void {
  it(name, () => {
    try {
      body();
    } catch (error) {
      broken.push(name);
      throw error;
    }
  });
}

describe('one thread, every step watched', () => {
  rule('pops nothing from an empty ring', () => {
    const r = rig(4);
    expect(r.pop(), 'tryPop on a new ring').toBeUndefined();
  });

  rule('pushes values the engine pops, in order', () => {
    const r = rig(8);
    for (const v of [1.5, -2, 1e300]) r.push(v);
    expect(r.engine.size(), 'values in the ring after three pushes').toBe(3);
    expect([r.enginePop(), r.enginePop(), r.enginePop(), r.enginePop()], "the engine's pops").toEqual([1.5, -2, 1e300, undefined]);
  });

  rule('pops values the engine pushed, in order', () => {
    const r = rig(8);
    for (const v of [3, 1, 4, 1, 5]) r.enginePush(v);
    expect([1, 2, 3, 4, 5, 6].map(() => r.pop()), 'your pops').toEqual([3, 1, 4, 1, 5, undefined]);
    expect(r.engine.size(), 'values left in the ring').toBe(0);
  });

  rule('refuses a push when full, changing nothing, and accepts one after the consumer frees a slot', () => {
    const r = rig(4);
    for (let i = 0; i < 4; i++) r.push(i);
    r.push(99); // refused
    expect(r.enginePop(), "the engine's first pop").toBe(0);
    r.push(4); // must see the new tail
    expect([r.enginePop(), r.enginePop(), r.enginePop(), r.enginePop(), r.enginePop()], "the engine's pops").toEqual([1, 2, 3, 4, undefined]);
  });

  rule('returns undefined when empty, and pops a value the producer published after that', () => {
    const r = rig(4);
    expect(r.pop(), 'tryPop on an empty ring').toBeUndefined();
    r.enginePush(42);
    expect(r.pop(), 'tryPop after the engine pushed 42').toBe(42); // must see the new head
  });

  rule('wraps around the slots many times, in a capacity of 2', () => {
    const r = rig(2);
    for (let i = 0; i < 200; i++) {
      r.push(i);
      same(r.pop(), i, () => `pop number ${i}`);
    }
  });

  rule('fills and drains the ring across the int32 wrap of the counters', () => {
    // head passes 2^31 - 1 -> -2^31 while tail has not: (head - tail) needs | 0 there.
    for (const start of [2 ** 31 - 2, 2 ** 31 - 1, -2]) {
      const from = `counters started at ${start | 0}`;
      const a = rig(4, start); // your producer, the engine's consumer
      for (let lap = 0; lap < 2; lap++) {
        for (let i = 0; i < 4; i++) a.push(10 * lap + i);
        a.push(99); // full: must be refused
        for (let i = 0; i < 4; i++) expect(a.enginePop(), `the engine's pop ${i} in lap ${lap} (${from})`).toBe(10 * lap + i);
      }
      const b = rig(4, start); // the engine's producer, your consumer
      for (let lap = 0; lap < 2; lap++) {
        for (let i = 0; i < 4; i++) b.enginePush(10 * lap + i);
        for (let i = 0; i < 4; i++) expect(b.pop(), `your pop ${i} in lap ${lap} (${from})`).toBe(10 * lap + i);
        expect(b.pop(), `your pop from the drained ring in lap ${lap} (${from})`).toBeUndefined();
      }
    }
  });

  rule("never writes outside the data region (the engine's canaries stay intact)", () => {
    const a = rig(4); // your producer
    const b = rig(4); // your consumer
    for (let i = 0; i < 50; i++) {
      a.push(i);
      a.push(i + 0.5);
      a.enginePop();
      b.enginePush(i);
      b.enginePush(i + 0.5);
      b.pop();
    }
    expect(a.engine.canariesIntact(), 'canary words around the data, after your pushes').toBe(true);
    expect(b.engine.canariesIntact(), 'canary words around the data, after your pops').toBe(true);
  });

  rule("matches a queue on random interleavings against the engine's handles, across the wrap", () => {
    assertProperty(
      fc.property(
        fc.constantFrom(2, 4, 8),
        fc.constantFrom(0, 2 ** 31 - 5, -3),
        fc.array(fc.boolean(), { maxLength: 120 }),
        (capacity, start, ops) => {
          // Your producer -> the engine's consumer in ring a; the engine's producer -> your consumer in ring b.
          const a = rig(capacity, start);
          const b = rig(capacity, start);
          const model: number[] = [];
          let next = 0.5;
          for (const [step, push] of ops.entries()) {
            if (push) {
              const fits = model.length < capacity;
              a.push(next); // checks the answer against the ring's real state
              same(b.enginePush(next), fits, () => `the engine's push at step ${step}`);
              if (fits) model.push(next);
              next += 1;
            } else {
              const want = model.shift();
              same(a.enginePop(), want, () => `the engine's pop at step ${step}, of what you pushed`);
              same(b.pop(), want, () => `your pop at step ${step}`);
            }
          }
        },
      ),
      { seed: 5_2026, numRuns: 150 },
    );
  });
});

/** Says how `got` departs from `want`: the first value that went missing or came twice, and after what. */
function firstDivergence(got: ArrayLike<number>, want: ArrayLike<number>): string | undefined {
  const n = Math.min(got.length, want.length);
  for (let i = 0; i < n; i++) {
    if (Object.is(got[i], want[i])) continue;
    const after = i === 0 ? 'at the very start' : `after value #${i - 1} (${want[i - 1]})`;
    const g = got[i]!;
    const k = Math.floor(g); // sequenceValue(seed, k) is k plus a fraction: the value says where it belongs
    const known = k >= 0 && k < want.length && Object.is(want[k], g);
    if (known && k < i) return `value #${k} (${g}) came twice: ${after}, the next value received was #${k} again instead of #${i} (${want[i]})`;
    if (known && k > i) return `value #${i} (${want[i]}) went missing: ${after}, the next value received was #${k} (${g})`;
    return `${after}, received ${describeValue(g)} instead of value #${i} (${want[i]}): a slot read before its value was written, or after it was overwritten`;
  }
  return got.length === want.length ? undefined : `received ${got.length} values instead of ${want.length}`;
}

// Across threads: in Node, the engine's side runs in a real worker thread.
describe.skipIf(typeof process === 'undefined' || !process.versions?.node)('two threads (Node only), after the one-thread rules hold', () => {
  // setImmediate, not setTimeout: a timer waits at least a millisecond.
  const yieldToWorker = () => new Promise((resolve) => setImmediate(resolve));
  const COUNT = 50_000;

  /** Stops here, at once, if a one-thread rule failed: fix those first, they say exactly what is wrong. */
  const oneThreadFirst = () => {
    if (broken.length > 0) throw new Error(`not run: a one-thread rule fails first ("${broken[0]}"); fix that, it names the mistake exactly`);
  };

  /** Fails the test, instead of hanging it, when the other side makes no progress for 5 s. */
  const stall = () => {
    let last = Date.now();
    return {
      progress: () => (last = Date.now()),
      check: (what: string) => {
        if (Date.now() - last > 5_000) throw new Error(`no progress for 5 s: ${what}`);
      },
    };
  };

  it("delivers 50,000 values to the engine's consumer in a worker, none lost, repeated or reordered", async () => {
    oneThreadFirst();
    removeWatch(); // full speed: the one-thread tests have watched every step already
    const engine = SpscRingBuffer.create(64);
    const producer = new RingProducer(engine.buffer);
    const values = Float64Array.from({ length: COUNT }, (_, i) => sequenceValue(7, i));
    const consumer = runRingJob({ role: 'consume', buffer: engine.buffer as SharedArrayBuffer, count: values.length, mode: 'single', seed: 7, blocking: false, timeoutMs: 8_000 });
    const watch = stall();
    for (let i = 0; i < values.length; ) {
      if (producer.tryPush(values[i]!)) {
        i += 1;
        watch.progress();
      } else {
        watch.check(`pushed ${i} of ${values.length} values, then the ring stayed full: is tail read with Atomics.load?`);
        await yieldToWorker(); // full: let the consumer catch up
      }
    }
    const result = await consumer;
    const k = result.firstMismatch;
    expect(
      k,
      k < 0
        ? 'position of the first value the consumer received wrong'
        : `the engine's consumer received values #0..#${k - 1} in order, then something other than value #${k} (${values[k]}) ${k > 0 ? `after #${k - 1} (${values[k - 1]})` : 'first'}: #${k} went missing, or its slot was read before you wrote it (an old value came again)`,
    ).toBe(-1);
    expect(result.count, `values the engine's consumer received${result.timedOut ? ' before its 8 s timeout: some never arrived (is head published after each push?)' : ''}`).toBe(values.length);
    expect(result.checksum, "checksum of the received sequence against the sent one (a lost, repeated or swapped value changes it)").toBe(checksumOf(values));
    expect(engine.canariesIntact(), 'canary words before and after the data').toBe(true);
  });

  it("receives 50,000 values from the engine's producer in a worker, in order", async () => {
    oneThreadFirst();
    removeWatch();
    const engine = SpscRingBuffer.create(64);
    const consumer = new RingConsumer(engine.buffer);
    const values = Float64Array.from({ length: COUNT }, (_, i) => sequenceValue(11, i));
    const producer = runRingJob({ role: 'produce', buffer: engine.buffer as SharedArrayBuffer, count: values.length, mode: 'batch', maxBatch: 17, batchSeed: 3, seed: 11, blocking: false, timeoutMs: 8_000 });
    const got = new Float64Array(values.length);
    const watch = stall();
    let n = 0;
    for (; n < values.length; ) {
      const v = consumer.tryPop();
      if (v === undefined) {
        watch.check(`received ${n} of ${values.length} values, then nothing: is head read with Atomics.load, and tail published after each pop?`);
        await yieldToWorker();
      } else {
        got[n++] = v;
        watch.progress();
      }
    }
    await producer;
    const divergence = firstDivergence(got, values);
    expect(divergence === undefined ? 'in order' : 'not in order', `the values received, against the values sent${divergence ? `: ${divergence}` : ''}`).toBe('in order');
  });
});

// ------------------------------------------------------------------ interleavings inside each call
// One thread still, but the other side now acts INSIDE your tryPush and tryPop: just
// before any of your Atomics calls on head or tail, the engine's handle may pop (while you
// push) or push (while you pop), as a thread on another core may at that moment. A slot
// the engine frees is poisoned at once; a value the engine publishes is in its slot from
// then on. Over random schedules (start indices across the int32 wrap, capacities 2 to 8),
// every value must come out once, in order, and never as POISON.

/** Runs `call` with `other()` run before each of its Atomics calls on `buffer`'s counters when `when()` says so. */
function interleaved<T>(buffer: ArrayBufferLike, when: () => boolean, other: () => void, call: () => T): T {
  const saved = new Map<string, (...args: unknown[]) => unknown>();
  let inOther = false;
  for (const op of ['load', ...WRITES]) {
    const inner = atomics[op]!;
    saved.set(op, inner);
    atomics[op] = function interleavedAtomic(this: unknown, ta: unknown, ...rest: unknown[]) {
      const ours = ArrayBuffer.isView(ta) && ta.buffer === buffer;
      if (ours && !inOther && when()) {
        inOther = true;
        try {
          other();
        } finally {
          inOther = false;
        }
      }
      return inner.call(Atomics, ta, ...rest);
    };
  }
  try {
    return call();
  } finally {
    for (const [op, inner] of saved) atomics[op] = inner;
  }
}

describe('one thread, the other side acting inside each of your calls', () => {
  const schedule = fc.tuple(fc.constantFrom(2, 4, 8), fc.constantFrom(0, 2 ** 31 - 3, -2, 2 ** 32 - 1), fc.array(fc.boolean(), { minLength: 1, maxLength: 160 }));

  it("your producer, the engine's consumer popping at any of your Atomics calls: every value once, in order, never POISON", () => {
    assertProperty(
      fc.property(schedule, ([capacity, start, flips]) => {
        const engine = SpscRingBuffer.create(capacity, { startIndex: start });
        const data = new Float64Array(engine.buffer, RING_DATA_OFFSET, capacity);
        const words = new Int32Array(engine.buffer, 0, RING_DATA_OFFSET >> 2);
        data.fill(POISON);
        const producer = new RingProducer(engine.buffer);
        const sent: number[] = [];
        const got: number[] = [];
        let at = 0;
        const flip = () => flips[at++ % flips.length]!;
        const enginePop = () => {
          const v = engine.tryPop();
          if (v === undefined) return;
          got.push(v);
          data[((words[TAIL >> 2]! - 1) | 0) & (capacity - 1)] = POISON; // freed: another producer may overwrite it
        };
        for (let step = 0; step < 60; step++) {
          const value = step + 0.25;
          const usedBefore = sent.length - got.length;
          const ok = interleaved(engine.buffer, flip, enginePop, () => producer.tryPush(value));
          if (!ok && usedBefore < capacity) expect.fail(`tryPush(${value}) refused with ${usedBefore} of ${capacity} slots used (start index ${start})`);
          if (ok) sent.push(value);
          if (flip()) enginePop();
        }
        while (got.length < sent.length) {
          const before = got.length;
          enginePop();
          if (got.length === before) break;
        }
        const wrong = got.findIndex((v, i) => !Object.is(v, sent[i]));
        if (wrong >= 0 || got.length !== sent.length) {
          expect.fail(`capacity ${capacity}, start index ${start}: the engine popped ${got.length} values, ${wrong >= 0 ? `#${wrong} was ${describeValue(got[wrong])}, not ${sent[wrong]}` : `not the ${sent.length} you pushed`}`);
        }
      }),
      { seed: 20261203, numRuns: 100 },
    );
  });

  it("your consumer, the engine's producer pushing at any of your Atomics calls: every value once, in order, never POISON", () => {
    assertProperty(
      fc.property(schedule, ([capacity, start, flips]) => {
        const engine = SpscRingBuffer.create(capacity, { startIndex: start });
        const data = new Float64Array(engine.buffer, RING_DATA_OFFSET, capacity);
        data.fill(POISON);
        const consumer = new RingConsumer(engine.buffer);
        const sent: number[] = [];
        const got: number[] = [];
        let at = 0;
        let next = 0.5;
        let draining = false;
        const flip = () => !draining && flips[at++ % flips.length]!;
        const enginePush = () => {
          if (engine.tryPush(next)) sent.push(next);
          next += 1;
        };
        const popOnce = () => {
          const queued = sent.length - got.length;
          const v = interleaved(engine.buffer, flip, enginePush, () => consumer.tryPop());
          if (v === undefined) {
            if (queued > 0) expect.fail(`tryPop() gave undefined with ${queued} values queued (capacity ${capacity}, start index ${start})`);
            return false;
          }
          got.push(v);
          // The slot is free now: poison it, as a producer on another core may overwrite it.
          const words = new Int32Array(engine.buffer, 0, RING_DATA_OFFSET >> 2);
          data[((words[TAIL >> 2]! - 1) | 0) & (capacity - 1)] = POISON;
          return true;
        };
        for (let step = 0; step < 60; step++) {
          if (flip()) enginePush();
          popOnce();
        }
        draining = true; // the engine stops pushing: what is queued must all come out
        while (popOnce());
        const wrong = got.findIndex((v, i) => !Object.is(v, sent[i]));
        if (wrong >= 0 || got.length !== sent.length) {
          expect.fail(`capacity ${capacity}, start index ${start}: you popped ${got.length} values, ${wrong >= 0 ? `#${wrong} was ${describeValue(got[wrong])}, not ${sent[wrong]}` : `not the ${sent.length} the engine pushed`}`);
        }
      }),
      { seed: 20261203, numRuns: 100 },
    );
  });
});
