/**
 * Exercise: spsc-push-pop.
 *
 * Write the two halves of a single-producer single-consumer ring over shared memory laid
 * out exactly as the engine's `SpscRingBuffer` (`engine/ring/spsc-ring-buffer.ts`):
 *
 * - `head` (an int32 at byte RING_HEAD_OFFSET) counts values ever pushed; only the
 *   producer writes it. `tail` (at RING_TAIL_OFFSET) counts values ever popped; only the
 *   consumer writes it. Both wrap around at 2^32 like int32 arithmetic, so the number of
 *   values in the ring is `(head - tail) | 0`, even when head has wrapped and tail not.
 * - The value number `i` lives in the float64 slot `i & (capacity - 1)` of the data region.
 * - `tryPush(value)` writes the slot, then publishes it by storing head + 1 with
 *   `Atomics.store`; it returns false, changing nothing, when the ring is full.
 * - `tryPop()` reads the slot, then frees it by storing tail + 1 with `Atomics.store`; it
 *   returns undefined when the ring is empty.
 * - Read the other side's counter with `Atomics.load`.
 *
 * The tests run your producer against the engine's consumer and your consumer against
 * the engine's producer. On one thread (in the browser too) they watch every step: they
 * wrap `Atomics.load`/`Atomics.store` while your code runs (so call them as
 * `Atomics.store(...)`, not through a saved reference), check that a slot holds its value
 * when head is published, overwrite a slot the moment tail frees it, and fill the ring
 * across the int32 wrap. Then, in Node, across a real worker thread.
 *
 * Where the analogy with Rust ends: here "one producer, one consumer" is a promise you
 * keep. In Rust an SPSC ring (the rtrb crate, for one) returns a Producer and a Consumer
 * handle, each movable into one thread and impossible to copy, so a second producer is a
 * compile error.
 */
import { RING_CAPACITY_OFFSET, RING_DATA_OFFSET, RING_HEAD_OFFSET, RING_TAIL_OFFSET } from '#engine/spsc-ring-buffer';

// #region ring-view
/** Views of one ring's shared memory, laid out as `engine/ring/spsc-ring-buffer.ts` defines. */
class RingView {
  readonly indices: Int32Array;
  readonly data: Float64Array;
  readonly capacity: number;
  readonly mask: number;

  constructor(buffer: SharedArrayBuffer | ArrayBuffer) {
    this.indices = new Int32Array(buffer);
    this.capacity = new Uint32Array(buffer)[RING_CAPACITY_OFFSET >> 2]!;
    this.mask = this.capacity - 1;
    this.data = new Float64Array(buffer, RING_DATA_OFFSET, this.capacity);
  }
}

const HEAD = RING_HEAD_OFFSET >> 2; // index of head in the Int32Array
const TAIL = RING_TAIL_OFFSET >> 2;
// #endregion ring-view

/** The producer's side: only it writes `head`. */
export class RingProducer {
  readonly #ring: RingView;

  constructor(buffer: SharedArrayBuffer | ArrayBuffer) {
    this.#ring = new RingView(buffer);
  }

  /** Appends `value` if there is room; false when the ring is full. */
  tryPush(value: number): boolean {
    // TODO: refuse when full; write the slot; then publish head + 1 with Atomics.store.
    const ring = this.#ring;
    const head = ring.indices[HEAD]!;
    ring.data[head & ring.mask] = value;
    return true;
  }
}

/** The consumer's side: only it writes `tail`. */
export class RingConsumer {
  readonly #ring: RingView;

  constructor(buffer: SharedArrayBuffer | ArrayBuffer) {
    this.#ring = new RingView(buffer);
  }

  /** Removes and returns the oldest value, or undefined when the ring is empty. */
  tryPop(): number | undefined {
    // TODO: return undefined when empty; read the slot; then free it by storing tail + 1.
    void this.#ring;
    void TAIL;
    return undefined;
  }
}
