import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpscRingBuffer } from '../../../engine/ring/spsc-ring-buffer.ts';

/** A command against both the ring and a plain array model of a bounded FIFO. */
type Op = { kind: 'push'; n: number } | { kind: 'pop'; n: number } | { kind: 'pushMany'; n: number } | { kind: 'popMany'; n: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('pop' as const), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('pushMany' as const), n: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('popMany' as const), n: fc.integer({ min: 0, max: 40 }) }),
);

function runAgainstModel(capacity: number, startIndex: number, ops: Op[]): void {
  const ring = SpscRingBuffer.create(capacity, { startIndex });
  const model: number[] = [];
  let next = 0;
  for (const o of ops) {
    if (o.kind === 'push') {
      for (let i = 0; i < o.n; i++) {
        const ok = ring.tryPush(next);
        expect(ok).toBe(model.length < capacity);
        if (ok) model.push(next++);
      }
    } else if (o.kind === 'pop') {
      for (let i = 0; i < o.n; i++) expect(ring.tryPop()).toBe(model.shift());
    } else if (o.kind === 'pushMany') {
      const src = Float64Array.from({ length: o.n }, (_, i) => next + i);
      const written = ring.pushMany(src);
      expect(written).toBe(Math.min(o.n, capacity - model.length));
      for (let i = 0; i < written; i++) model.push(next++);
    } else {
      const dst = new Float64Array(o.n);
      const read = ring.popMany(dst);
      expect(read).toBe(Math.min(o.n, model.length));
      expect(Array.from(dst.subarray(0, read))).toEqual(model.splice(0, read));
    }
    expect(ring.size()).toBe(model.length);
  }
  expect(ring.canariesIntact()).toBe(true);
}

describe('SpscRingBuffer: wrap-around', () => {
  it('keeps FIFO order over many laps of a small ring', () => {
    const ring = SpscRingBuffer.create(4);
    let expected = 0;
    for (let i = 0; i < 10_000; i++) {
      expect(ring.tryPush(i)).toBe(true);
      if (i % 3 === 2) {
        // Drain to one left every third push, so the slots in use keep shifting.
        while (ring.size() > 1) expect(ring.tryPop()).toBe(expected++);
      }
    }
    while (ring.size() > 0) expect(ring.tryPop()).toBe(expected++);
    expect(expected).toBe(10_000);
  });

  it('behaves like a bounded FIFO for any sequence of operations (model-based)', () => {
    fc.assert(
      fc.property(fc.constantFrom(2, 4, 8, 32), fc.array(op, { maxLength: 120 }), (capacity, ops) =>
        runAgainstModel(capacity, 0, ops),
      ),
      { seed: 20241125, numRuns: 300 },
    );
  });

  it('survives the int32 wrap of its indices (counters starting near 2^31 and 2^32)', () => {
    for (const start of [2 ** 31 - 7, -9, -1, 2 ** 31 - 1]) {
      fc.assert(
        fc.property(fc.constantFrom(2, 8, 16), fc.array(op, { minLength: 40, maxLength: 120 }), (capacity, ops) =>
          runAgainstModel(capacity, start, ops),
        ),
        { seed: 7 + start, numRuns: 60 },
      );
    }
  });
});
