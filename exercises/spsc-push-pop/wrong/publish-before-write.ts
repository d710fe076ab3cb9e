/**
 * Publishes head before writing the value into its slot.
 *
 * The moment head moves, a consumer on another thread may read the slot: it finds the
 * value that was there before (an old one, popped already) instead of the new one. On one
 * thread nothing runs in between, so only a test that looks at the slot when head is
 * stored can see it.
 */
import { RING_CAPACITY_OFFSET, RING_DATA_OFFSET, RING_HEAD_OFFSET, RING_TAIL_OFFSET } from '#engine/spsc-ring-buffer';

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

/** The producer's side: only it writes `head`. */
export class RingProducer {
  readonly #ring: RingView;

  constructor(buffer: SharedArrayBuffer | ArrayBuffer) {
    this.#ring = new RingView(buffer);
  }

  /** Appends `value` if there is room; false when the ring is full. */
  tryPush(value: number): boolean {
    const ring = this.#ring;
    const head = ring.indices[HEAD]!;
    const tail = Atomics.load(ring.indices, TAIL);
    if (((head - tail) | 0) >= ring.capacity) return false;
    // Claim the slot, then fill it.
    Atomics.store(ring.indices, HEAD, (head + 1) | 0);
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
    const ring = this.#ring;
    const tail = ring.indices[TAIL]!;
    const head = Atomics.load(ring.indices, HEAD);
    if (((head - tail) | 0) <= 0) return undefined;
    const value = ring.data[tail & ring.mask]!;
    Atomics.store(ring.indices, TAIL, (tail + 1) | 0);
    return value;
  }
}
