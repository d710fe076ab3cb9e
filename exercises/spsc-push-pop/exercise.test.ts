import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SpscRingBuffer, checksumOf, sequenceValue } from '#engine/spsc-ring-buffer';
import { runRingJob } from '#engine/ring-jobs';
import { RingConsumer, RingProducer } from './exercise.ts';

/** A ring made by the engine, with the student's producer and consumer and the engine's own handle on it. */
function rig(capacity: number, startIndex = 0) {
  const engine = SpscRingBuffer.create(capacity, { startIndex });
  return { engine, producer: new RingProducer(engine.buffer), consumer: new RingConsumer(engine.buffer) };
}

describe('one thread', () => {
  it('pops nothing from an empty ring', () => {
    const { consumer } = rig(4);
    expect(consumer.tryPop()).toBeUndefined();
  });

  it('pushes values the engine pops, in order', () => {
    const { engine, producer } = rig(8);
    for (const v of [1.5, -2, 1e300]) expect(producer.tryPush(v)).toBe(true);
    expect(engine.size()).toBe(3);
    expect([engine.tryPop(), engine.tryPop(), engine.tryPop(), engine.tryPop()]).toEqual([1.5, -2, 1e300, undefined]);
  });

  it('pops values the engine pushed, in order', () => {
    const { engine, consumer } = rig(8);
    for (const v of [3, 1, 4, 1, 5]) engine.tryPush(v);
    expect([1, 2, 3, 4, 5, 6].map(() => consumer.tryPop())).toEqual([3, 1, 4, 1, 5, undefined]);
    expect(engine.size()).toBe(0);
  });

  it('refuses a push when full, changing nothing, and accepts one after a pop', () => {
    const { engine, producer } = rig(4);
    for (let i = 0; i < 4; i++) expect(producer.tryPush(i)).toBe(true);
    expect(producer.tryPush(99)).toBe(false);
    expect(engine.size()).toBe(4);
    expect(engine.tryPop()).toBe(0);
    expect(producer.tryPush(4)).toBe(true);
    expect([engine.tryPop(), engine.tryPop(), engine.tryPop(), engine.tryPop(), engine.tryPop()]).toEqual([1, 2, 3, 4, undefined]);
  });

  it('wraps around the slots many times, in a capacity of 2', () => {
    const { producer, consumer } = rig(2);
    for (let i = 0; i < 1000; i++) {
      expect(producer.tryPush(i)).toBe(true);
      expect(consumer.tryPop()).toBe(i);
    }
  });

  it('survives the int32 wrap of the counters', () => {
    for (const start of [2 ** 31 - 3, -2]) {
      const { engine, producer, consumer } = rig(4, start);
      for (let i = 0; i < 10; i++) {
        expect(producer.tryPush(i)).toBe(true);
        expect(engine.size()).toBe(1);
        expect(consumer.tryPop()).toBe(i);
      }
      for (let i = 0; i < 4; i++) producer.tryPush(i);
      expect(producer.tryPush(4)).toBe(false);
    }
  });

  it('never writes outside the data region (the engine\'s canaries stay intact)', () => {
    const { engine, producer, consumer } = rig(4);
    for (let i = 0; i < 50; i++) {
      producer.tryPush(i);
      producer.tryPush(i);
      consumer.tryPop();
    }
    expect(engine.canariesIntact()).toBe(true);
  });

  it('matches a queue on random interleavings against the engine\'s handles', () => {
    fc.assert(
      fc.property(fc.constantFrom(2, 4, 8), fc.array(fc.boolean(), { maxLength: 200 }), (capacity, ops) => {
        // Student producer -> engine consumer, and engine producer -> student consumer.
        const a = rig(capacity);
        const b = rig(capacity);
        const model: number[] = [];
        let next = 0;
        for (const push of ops) {
          if (push) {
            const fits = model.length < capacity;
            expect(a.producer.tryPush(next)).toBe(fits);
            expect(b.engine.tryPush(next)).toBe(fits);
            if (fits) model.push(next);
            next += 1;
          } else {
            const want = model.shift();
            expect(a.engine.tryPop()).toBe(want);
            expect(b.consumer.tryPop()).toBe(want);
          }
        }
      }),
      { seed: 5_2026, numRuns: 200 },
    );
  });
});

// Across threads: in Node, the engine's side runs in a real worker thread.
describe.skipIf(typeof process === 'undefined' || !process.versions?.node)('two threads', () => {
  // setImmediate, not setTimeout: a timer waits at least a millisecond.
  const yieldToWorker = () => new Promise((resolve) => setImmediate(resolve));
  /**
   * Before starting a worker, one value each way on this thread: if that fails, the
   * cross-thread test fails at once with a pointer, instead of waiting for a stall.
   */
  const sanity = (direction: 'push' | 'pop') => {
    const { engine, producer, consumer } = rig(4);
    const ok = direction === 'push' ? producer.tryPush(42) && engine.tryPop() === 42 : engine.tryPush(42) && consumer.tryPop() === 42;
    if (!ok) throw new Error(`one value does not get through on one thread yet (${direction}): fix the "one thread" tests first`);
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

  it('delivers 200,000 values to the engine\'s consumer in a worker, none lost or reordered', async () => {
    sanity('push');
    const { engine, producer } = rig(64);
    const values = Float64Array.from({ length: 200_000 }, (_, i) => sequenceValue(7, i));
    const consumer = runRingJob({ role: 'consume', buffer: engine.buffer as SharedArrayBuffer, count: values.length, mode: 'single', seed: 7, blocking: false, timeoutMs: 5_000 });
    const watch = stall();
    for (let i = 0; i < values.length; ) {
      if (producer.tryPush(values[i]!)) {
        i += 1;
        watch.progress();
      } else {
        watch.check('the ring stays full: is head published, and tail read with Atomics.load?');
        await yieldToWorker(); // full: let the consumer catch up
      }
    }
    const result = await consumer;
    expect(result.firstMismatch).toBe(-1);
    expect(result.count).toBe(values.length);
    expect(result.checksum).toBe(checksumOf(values));
    expect(engine.canariesIntact()).toBe(true);
  });

  it('receives 200,000 values from the engine\'s producer in a worker, in order', async () => {
    sanity('pop');
    const { engine, consumer } = rig(64);
    const values = Float64Array.from({ length: 200_000 }, (_, i) => sequenceValue(11, i));
    const producer = runRingJob({ role: 'produce', buffer: engine.buffer as SharedArrayBuffer, count: values.length, mode: 'batch', maxBatch: 17, seed: 11, blocking: false, timeoutMs: 5_000 });
    const got = new Float64Array(values.length);
    const watch = stall();
    for (let n = 0; n < values.length; ) {
      const v = consumer.tryPop();
      if (v === undefined) {
        watch.check(`received ${n} of ${values.length} values, then nothing: is tail published after each pop?`);
        await yieldToWorker();
      } else {
        got[n++] = v;
        watch.progress();
      }
    }
    await producer;
    expect(checksumOf(got)).toBe(checksumOf(values));
    expect(Array.from(got.subarray(0, 5))).toEqual(Array.from(values.subarray(0, 5)));
  });
});
