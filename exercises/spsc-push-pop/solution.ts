/**
 * Exercise: spsc-push-pop (reference solution).
 *
 * The ring's two counters only ever grow (wrapping at 2^32): `head` counts values ever
 * pushed, `tail` values ever popped. Each has exactly one writer: the producer owns head,
 * the consumer owns tail. That single-writer rule is what lets the ring work without a
 * lock.
 *
 * Where the TypeScript analogy ends: here "single producer" is a promise the caller
 * keeps; nothing stops two threads from each building a RingProducer over one buffer.
 * Rust makes it a type rule. An SPSC crate such as rtrb hands out the ring as two
 * handles, `let (mut producer, mut consumer) = RingBuffer::new(capacity);`. `push` takes
 * `&mut self` on the Producer and `pop` on the Consumer; neither handle is `Clone`; each
 * is `Send` (it can be moved into another thread, `thread::spawn(move || ...)`) but not
 * `Sync` (two threads cannot share one). So exactly one thread owns each side, and code
 * that tries to push from a second thread does not compile: the handle was moved into
 * the first thread, and using it again is E0382 (use of moved value). The atomics
 * inside are the same as below: a Release store of the index after the slot is written,
 * an Acquire load of the other side's index.
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
    this.mask = this.capacity - 1; // capacity is a power of two: `i & mask` is `i % capacity`
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

  // #region push
  /** Appends `value` if there is room; false when the ring is full. */
  tryPush(value: number): boolean {
    const ring = this.#ring;
    // Our own counter: we are its only writer, so a plain read cannot race with a write.
    const head = ring.indices[HEAD]!;
    // The consumer's counter: an atomic (acquire) load, so that once we see a slot freed,
    // the consumer's read of that slot has finished and we may overwrite it.
    const tail = Atomics.load(ring.indices, TAIL);
    // `| 0` keeps the difference right when head has wrapped past 2^31 and tail has not.
    if (((head - tail) | 0) >= ring.capacity) return false;
    ring.data[head & ring.mask] = value;
    // Publish after writing the slot: the atomic (release) store orders the slot's write
    // before the new head, so a consumer that sees the new head sees the value too.
    Atomics.store(ring.indices, HEAD, (head + 1) | 0);
    return true;
  }
  // #endregion push
}

/** The consumer's side: only it writes `tail`. */
export class RingConsumer {
  readonly #ring: RingView;

  constructor(buffer: SharedArrayBuffer | ArrayBuffer) {
    this.#ring = new RingView(buffer);
  }

  // #region pop
  /** Removes and returns the oldest value, or undefined when the ring is empty. */
  tryPop(): number | undefined {
    const ring = this.#ring;
    const tail = ring.indices[TAIL]!;
    // Acquire the producer's head: seeing head > tail guarantees the slot is written.
    const head = Atomics.load(ring.indices, HEAD);
    if (((head - tail) | 0) <= 0) return undefined;
    const value = ring.data[tail & ring.mask]!;
    // Release the slot only after reading it: the producer may overwrite it from now on.
    Atomics.store(ring.indices, TAIL, (tail + 1) | 0);
    return value;
  }
  // #endregion pop
}
