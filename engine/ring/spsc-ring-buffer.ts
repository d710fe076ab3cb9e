/**
 * A lock-free single-producer single-consumer (SPSC) ring buffer of float64 values over a
 * SharedArrayBuffer: one thread pushes, one thread pops, and neither ever takes a lock.
 * It runs unchanged in Node's worker_threads and in Web Workers (no `node:` imports).
 *
 * The producer and the consumer each build their own `SpscRingBuffer` handle over the same
 * buffer: one side calls `SpscRingBuffer.create(capacity)` and posts `ring.buffer` to the
 * other, which attaches with `new SpscRingBuffer(buffer)`.
 *
 * ## Memory layout (byte offsets from the start of the buffer)
 *
 * ```
 *   0  META   magic 'SPSC' (u32) | layout version (u32) | capacity (u32) | reserved
 * 128  HEAD   head: int32, written only by the producer | consumerWaiting: int32
 * 256  TAIL   tail: int32, written only by the consumer | producerWaiting: int32
 * 384  GUARD  128 bytes of canary words (detects writes just before the data)
 * 512  DATA   capacity float64 slots
 * 512 + 8 * capacity  GUARD  128 bytes of canary words (detects writes just past it)
 * ```
 *
 * Head and tail sit on lines of their own, 128 bytes apart rather than 64: Intel's
 * adjacent-line (spatial) prefetcher fetches cache lines in 128-byte-aligned pairs, so two
 * hot fields in the same pair still interfere (see `engine/hardware/false-sharing.ts`, which
 * measures both spacings). Each waiting flag lives on the line of the side that *checks*
 * it after every operation, so that check is a hit in its own cache.
 *
 * JavaScript can neither choose nor see a buffer's address, and allocators only promise
 * 16-byte alignment (Node allocates with malloc), so offsets are from the buffer's start
 * and the layout does not rely on the buffer being line-aligned: whatever the alignment,
 * head and tail are 128 bytes apart, hence on different hardware lines and different
 * 128-byte pairs, each shares its line only with its flag and never-written padding, and
 * the data's first and last lines share only with the read-only guards.
 *
 * `head` and `tail` are free-running int32 counters (they wrap at 2^32, which a
 * power-of-two capacity divides): the slot of index `i` is `i & (capacity - 1)`, the
 * number of items is `(head - tail) | 0`, and a full ring (`capacity` items) and an empty
 * one (0 items) are told apart without sacrificing a slot.
 *
 * ## Ordering argument
 *
 * JavaScript's `Atomics` operations are sequentially consistent, which includes the
 * acquire/release pairing an SPSC ring needs:
 *
 * - Producer: write `data[head & mask]` (plain store), then `Atomics.store(head + 1)`
 *   (release). Consumer: `Atomics.load(head)` (acquire); if it sees `head + 1`, the store
 *   synchronizes-with the load, so the plain write of the slot happens-before the
 *   consumer's plain read of it: the consumer never reads a slot before it is written.
 * - Consumer: read `data[tail & mask]` (plain load), then `Atomics.store(tail + 1)`.
 *   Producer: `Atomics.load(tail)` before reusing that slot, so the consumer's read
 *   happens-before the producer's overwrite: a slot is never overwritten while unread.
 * - Cached indices: each side keeps a private copy of the *other* side's index and
 *   re-reads the shared one only when that copy says "empty" (consumer) or "full"
 *   (producer). The counters only grow, so a stale copy is a lower bound: it can only
 *   under-report items or free space, never over-report them. Re-reading rarely keeps
 *   the other side's cache line out of this core's way (no ping-pong per operation).
 * - Each side reads its *own* index back from shared memory with a plain read: it is that
 *   index's only writer, so the read races with no write (the other side only reads it),
 *   and a plain read costs a fraction of an `Atomics.load`, which V8 does not inline.
 *   Reading it from memory rather than keeping it in the handle lets a role move to a new
 *   handle, for instance a new worker, once the old one has stopped (the hand-over itself
 *   must be synchronized, e.g. by the message that starts the new worker).
 * - Blocking: a side that must sleep first sets its waiting flag, then calls
 *   `Atomics.wait(index, observedValue)`, which re-checks the index atomically with
 *   going to sleep. The other side stores its index and then loads the flag. Both are
 *   sequentially consistent, so either it sees the flag and notifies, or the sleeper's
 *   re-check sees the new index and does not sleep: no lost wake-up. (Sleeps are also
 *   cut into `WAIT_SLICE_MS` slices, for peers that never notify.)
 */

/** Bytes in one cache line on x86-64 and most ARM cores. */
export const CACHE_LINE_BYTES = 64;
/** Spacing of hot fields: two lines, because of the adjacent-line prefetcher. */
export const RING_FIELD_SPACING_BYTES = 128;

/** `'SPSC'` as a little-endian u32: marks a buffer as a ring. */
export const RING_MAGIC = 0x43535053;
/** Bumped when the layout changes, so an old buffer is refused rather than misread. */
export const RING_LAYOUT_VERSION = 1;

/** Byte offset of the magic number (u32). */
export const RING_MAGIC_OFFSET = 0;
/** Byte offset of the layout version (u32). */
export const RING_VERSION_OFFSET = 4;
/** Byte offset of the capacity in slots (u32). */
export const RING_CAPACITY_OFFSET = 8;
/** Byte offset of `head` (int32): the next index the producer writes. Producer-owned. */
export const RING_HEAD_OFFSET = 128;
/** Byte offset of the consumer's "I am asleep on head" flag (int32); on the producer's line. */
export const RING_CONSUMER_WAITING_OFFSET = 132;
/** Byte offset of `tail` (int32): the next index the consumer reads. Consumer-owned. */
export const RING_TAIL_OFFSET = 256;
/** Byte offset of the producer's "I am asleep on tail" flag (int32); on the consumer's line. */
export const RING_PRODUCER_WAITING_OFFSET = 260;
/** Byte offset of the canary region just before the data. */
export const RING_GUARD_BEFORE_OFFSET = 384;
/** Size of each canary region, before and after the data. */
export const RING_GUARD_BYTES = 128;
/** Byte offset of slot 0 of the data (float64 slots); also the header's size. */
export const RING_DATA_OFFSET = 512;
/** Bytes per slot. */
export const RING_SLOT_BYTES = 8;
/** The u32 word that fills both canary regions. */
export const RING_CANARY_WORD = 0xdeadc0de;

/** Smallest capacity: one slot would make every push wait for a pop. */
export const RING_MIN_CAPACITY = 2;
/** Largest capacity: indices are int32 counters, so the distance must stay below 2^31. */
export const RING_MAX_CAPACITY = 2 ** 30;

/** Total bytes of a ring's buffer for `capacity` slots (header, data, trailing guard). */
export function ringByteLength(capacity: number): number {
  return RING_DATA_OFFSET + capacity * RING_SLOT_BYTES + RING_GUARD_BYTES;
}

/** True if `n` is an integer power of two in the allowed capacity range. */
export function isValidRingCapacity(n: number): boolean {
  return Number.isInteger(n) && n >= RING_MIN_CAPACITY && n <= RING_MAX_CAPACITY && (n & (n - 1)) === 0;
}

/** Options of `SpscRingBuffer.create`. */
export interface RingCreateOptions {
  /**
   * Allocate a SharedArrayBuffer (default when the platform has one). `false` gives a plain
   * ArrayBuffer, usable on one thread only: a page without cross-origin isolation has no
   * SharedArrayBuffer, and single-thread lessons still work there.
   */
  shared?: boolean;
  /**
   * Initial value of both counters (default 0). For tests: starting near 2^31 or 2^32
   * exercises the int32 wrap-around of the indices without pushing two billion values.
   */
  startIndex?: number;
}

/** Spin iterations before a blocking call parks its thread with `Atomics.wait`. */
const SPIN_BEFORE_WAIT = 128;
/**
 * Longest single sleep of a blocking call before it re-checks the ring. The other side
 * notifies, so this only matters when it does not: for instance a student's push or pop
 * written against the layout without the waiting flags. Then a sleeper still sees the
 * change within this long, instead of sleeping to its timeout.
 */
const WAIT_SLICE_MS = 2;
/** Below this many values a plain loop beats `set(subarray())`, which allocates a view. */
const COPY_LOOP_MAX = 32;

const HEAD_I = RING_HEAD_OFFSET >> 2;
const TAIL_I = RING_TAIL_OFFSET >> 2;
const CONSUMER_WAITING_I = RING_CONSUMER_WAITING_OFFSET >> 2;
const PRODUCER_WAITING_I = RING_PRODUCER_WAITING_OFFSET >> 2;

/**
 * A handle on an SPSC ring of float64 values. Exactly one thread may call the producer
 * methods (`tryPush`, `pushMany`, `pushBlocking`, `pushManyBlocking`) and exactly one the
 * consumer methods (`tryPop`, `popMany`, `popBlocking`, `popManyBlocking`); the two may be
 * the same thread. Every operation is O(1) apart from the copy of a batch.
 */
export class SpscRingBuffer {
  /** The shared memory holding the whole ring; post it to the other thread. */
  readonly buffer: SharedArrayBuffer | ArrayBuffer;
  /** Number of slots (a power of two): how many values the ring holds when full. */
  readonly capacity: number;
  private readonly mask: number;
  private readonly indices: Int32Array;
  private readonly data: Float64Array;
  /** Producer's copy of `tail`: a lower bound of the real one. */
  private cachedTail: number;
  /** Consumer's copy of `head`: a lower bound of the real one. */
  private cachedHead: number;

  /**
   * Allocates a new, empty ring of `capacity` slots.
   * @throws RangeError unless `capacity` is a power of two between 2 and 2^30.
   */
  static create(capacity: number, options: RingCreateOptions = {}): SpscRingBuffer {
    if (!isValidRingCapacity(capacity)) {
      throw new RangeError(
        `SpscRingBuffer capacity must be a power of two between ${RING_MIN_CAPACITY} and 2^30, got ${String(capacity)}`,
      );
    }
    const shared = options.shared ?? typeof SharedArrayBuffer !== 'undefined';
    const bytes = ringByteLength(capacity);
    const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
    const words = new Uint32Array(buffer);
    words[RING_MAGIC_OFFSET >> 2] = RING_MAGIC;
    words[RING_VERSION_OFFSET >> 2] = RING_LAYOUT_VERSION;
    words[RING_CAPACITY_OFFSET >> 2] = capacity;
    const start = (options.startIndex ?? 0) | 0;
    words[HEAD_I] = start;
    words[TAIL_I] = start;
    words.fill(RING_CANARY_WORD, RING_GUARD_BEFORE_OFFSET >> 2, RING_DATA_OFFSET >> 2);
    words.fill(RING_CANARY_WORD, (bytes - RING_GUARD_BYTES) >> 2);
    // Construction happens before the buffer is posted anywhere; postMessage orders these
    // plain writes before the receiving thread's first read.
    return new SpscRingBuffer(buffer);
  }

  /**
   * Attaches to a ring created elsewhere (typically a `buffer` posted to this thread).
   * @throws TypeError if `buffer` is not an ArrayBuffer/SharedArrayBuffer laid out as a ring.
   */
  constructor(buffer: SharedArrayBuffer | ArrayBuffer) {
    const isBuffer =
      buffer instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer);
    if (!isBuffer) throw new TypeError('SpscRingBuffer: expected a SharedArrayBuffer (or ArrayBuffer) holding a ring');
    if (buffer.byteLength < RING_DATA_OFFSET + RING_GUARD_BYTES) {
      throw new TypeError(`SpscRingBuffer: buffer of ${buffer.byteLength} bytes is too small to be a ring`);
    }
    const words = new Uint32Array(buffer, 0, RING_DATA_OFFSET >> 2);
    if (words[RING_MAGIC_OFFSET >> 2] !== RING_MAGIC) {
      throw new TypeError('SpscRingBuffer: buffer is not a ring (bad magic number); create one with SpscRingBuffer.create');
    }
    const version = words[RING_VERSION_OFFSET >> 2];
    if (version !== RING_LAYOUT_VERSION) {
      throw new TypeError(`SpscRingBuffer: ring layout version ${String(version)}, expected ${RING_LAYOUT_VERSION}`);
    }
    const capacity = words[RING_CAPACITY_OFFSET >> 2] ?? 0;
    if (!isValidRingCapacity(capacity)) {
      throw new TypeError(`SpscRingBuffer: header capacity ${capacity} is not a power of two in range`);
    }
    if (buffer.byteLength !== ringByteLength(capacity)) {
      throw new TypeError(
        `SpscRingBuffer: a ring of capacity ${capacity} takes ${ringByteLength(capacity)} bytes, buffer has ${buffer.byteLength}`,
      );
    }
    this.buffer = buffer;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.indices = new Int32Array(buffer, 0, RING_DATA_OFFSET >> 2);
    this.data = new Float64Array(buffer, RING_DATA_OFFSET, capacity);
    this.cachedTail = Atomics.load(this.indices, TAIL_I);
    this.cachedHead = Atomics.load(this.indices, HEAD_I);
  }

  /**
   * Number of values in the ring. Exact when the other side is idle; while it runs the
   * result is approximate: head and tail are two loads, not one snapshot, and the other
   * side can move between them. Reading tail first keeps the result >= 0; it is clamped
   * to the capacity. From the producer it may over-count (pops not yet seen), from the
   * consumer it may under-count (pushes not yet seen).
   */
  size(): number {
    const tail = Atomics.load(this.indices, TAIL_I);
    const head = Atomics.load(this.indices, HEAD_I);
    const n = (head - tail) | 0;
    return n < 0 ? 0 : n > this.capacity ? this.capacity : n;
  }

  // #region push
  /** Producer: appends `value` unless the ring is full; returns whether it did. */
  tryPush(value: number): boolean {
    const indices = this.indices;
    const head = indices[HEAD_I] as number; // own index: plain read (see the ordering notes)
    if (((head - this.cachedTail) | 0) >= this.capacity) {
      // Looks full: refresh the copy of tail (the only read of the consumer's line).
      this.cachedTail = Atomics.load(indices, TAIL_I);
      if (((head - this.cachedTail) | 0) >= this.capacity) return false;
    }
    this.data[head & this.mask] = value;
    Atomics.store(indices, HEAD_I, (head + 1) | 0); // release: publishes the slot
    if (Atomics.load(indices, CONSUMER_WAITING_I) !== 0) Atomics.notify(indices, HEAD_I);
    return true;
  }
  // #endregion push

  /** Consumer: removes and returns the oldest value, or `undefined` if the ring is empty. */
  tryPop(): number | undefined {
    const indices = this.indices;
    const tail = indices[TAIL_I] as number; // own index: plain read
    if (tail === this.cachedHead) {
      // Looks empty: refresh the copy of head (the only read of the producer's line).
      this.cachedHead = Atomics.load(indices, HEAD_I);
      if (tail === this.cachedHead) return undefined;
    }
    const value = this.data[tail & this.mask] as number;
    Atomics.store(indices, TAIL_I, (tail + 1) | 0); // release: frees the slot
    if (Atomics.load(indices, PRODUCER_WAITING_I) !== 0) Atomics.notify(indices, TAIL_I);
    return value;
  }

  /**
   * Producer: appends as many of `src[start..end)` as fit, in order, with one index
   * update; returns how many were written (0 when full).
   */
  pushMany(src: Float64Array, start = 0, end = src.length): number {
    const wanted = end - start;
    if (wanted <= 0) return 0;
    const indices = this.indices;
    const capacity = this.capacity;
    const head = indices[HEAD_I] as number;
    let free = capacity - ((head - this.cachedTail) | 0);
    if (free < wanted) {
      this.cachedTail = Atomics.load(indices, TAIL_I);
      free = capacity - ((head - this.cachedTail) | 0);
      if (free === 0) return 0;
    }
    const n = wanted < free ? wanted : free;
    const slot = head & this.mask;
    const first = n < capacity - slot ? n : capacity - slot; // up to the end of the data
    const data = this.data;
    if (n <= COPY_LOOP_MAX) {
      for (let i = 0; i < first; i++) data[slot + i] = src[start + i] as number;
      for (let i = first; i < n; i++) data[i - first] = src[start + i] as number;
    } else {
      data.set(start === 0 && first === src.length ? src : src.subarray(start, start + first), slot);
      if (n > first) data.set(src.subarray(start + first, start + n), 0);
    }
    Atomics.store(indices, HEAD_I, (head + n) | 0);
    if (Atomics.load(indices, CONSUMER_WAITING_I) !== 0) Atomics.notify(indices, HEAD_I);
    return n;
  }

  /**
   * Consumer: moves up to `end - start` of the oldest values into `dst[start..end)`, in
   * order, with one index update; returns how many were moved (0 when empty).
   */
  popMany(dst: Float64Array, start = 0, end = dst.length): number {
    const wanted = end - start;
    if (wanted <= 0) return 0;
    const indices = this.indices;
    const tail = indices[TAIL_I] as number;
    let available = (this.cachedHead - tail) | 0;
    if (available < wanted) {
      this.cachedHead = Atomics.load(indices, HEAD_I);
      available = (this.cachedHead - tail) | 0;
      if (available === 0) return 0;
    }
    const n = wanted < available ? wanted : available;
    const slot = tail & this.mask;
    const capacity = this.capacity;
    const first = n < capacity - slot ? n : capacity - slot;
    const data = this.data;
    if (n <= COPY_LOOP_MAX) {
      for (let i = 0; i < first; i++) dst[start + i] = data[slot + i] as number;
      for (let i = first; i < n; i++) dst[start + i] = data[i - first] as number;
    } else {
      dst.set(data.subarray(slot, slot + first), start);
      if (n > first) dst.set(data.subarray(0, n - first), start + first);
    }
    Atomics.store(indices, TAIL_I, (tail + n) | 0);
    if (Atomics.load(indices, PRODUCER_WAITING_I) !== 0) Atomics.notify(indices, TAIL_I);
    return n;
  }

  /**
   * Producer, worker threads only: like `tryPush`, but when the ring is full waits (spin,
   * then `Atomics.wait`) up to `timeoutMs` for room. Returns false on timeout. Not for a
   * browser's main thread, where `Atomics.wait` throws.
   */
  pushBlocking(value: number, timeoutMs = Infinity): boolean {
    if (this.tryPush(value)) return true;
    const deadline = deadlineOf(timeoutMs);
    while (this.waitForRoom(deadline)) {
      if (this.tryPush(value)) return true;
    }
    return false;
  }

  /**
   * Consumer, worker threads only: like `tryPop`, but when the ring is empty waits up to
   * `timeoutMs` for a value. Returns `undefined` on timeout. Not for a browser's main thread.
   */
  popBlocking(timeoutMs = Infinity): number | undefined {
    let value = this.tryPop();
    if (value !== undefined) return value;
    const deadline = deadlineOf(timeoutMs);
    while (this.waitForData(deadline)) {
      value = this.tryPop();
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /**
   * Producer, worker threads only: pushes all of `src[start..end)`, waiting for room as
   * needed, up to `timeoutMs` in total; returns how many were pushed (fewer on timeout).
   */
  pushManyBlocking(src: Float64Array, timeoutMs = Infinity, start = 0, end = src.length): number {
    let done = start + this.pushMany(src, start, end);
    if (done >= end) return end - start;
    const deadline = deadlineOf(timeoutMs);
    while (done < end && this.waitForRoom(deadline)) done += this.pushMany(src, done, end);
    return done - start;
  }

  /**
   * Consumer, worker threads only: waits up to `timeoutMs` until at least one value is
   * there, then pops up to `end - start` into `dst[start..end)`; returns how many (0 on timeout).
   */
  popManyBlocking(dst: Float64Array, timeoutMs = Infinity, start = 0, end = dst.length): number {
    let n = this.popMany(dst, start, end);
    if (n > 0 || end <= start) return n;
    const deadline = deadlineOf(timeoutMs);
    while (this.waitForData(deadline)) {
      n = this.popMany(dst, start, end);
      if (n > 0) return n;
    }
    return 0;
  }

  /** True if both canary regions around the data are untouched (no out-of-bounds write). */
  canariesIntact(): boolean {
    const words = new Uint32Array(this.buffer);
    const before = RING_GUARD_BEFORE_OFFSET >> 2;
    const after = (this.buffer.byteLength - RING_GUARD_BYTES) >> 2;
    for (let i = 0; i < RING_GUARD_BYTES >> 2; i++) {
      if (words[before + i] !== RING_CANARY_WORD || words[after + i] !== RING_CANARY_WORD) return false;
    }
    return true;
  }

  /** Waits until the ring is not full or the deadline passes; false on timeout. */
  private waitForRoom(deadline: number): boolean {
    const indices = this.indices;
    const head = Atomics.load(indices, HEAD_I);
    for (let spin = 0; spin < SPIN_BEFORE_WAIT; spin++) {
      if (((head - Atomics.load(indices, TAIL_I)) | 0) < this.capacity) return true;
    }
    for (;;) {
      Atomics.store(indices, PRODUCER_WAITING_I, 1);
      const tail = Atomics.load(indices, TAIL_I);
      if (((head - tail) | 0) < this.capacity) break;
      const remaining = deadline - now();
      if (remaining <= 0) {
        Atomics.store(indices, PRODUCER_WAITING_I, 0);
        return false;
      }
      Atomics.wait(indices, TAIL_I, tail, Math.min(remaining, WAIT_SLICE_MS)); // returns at once if tail moved
    }
    Atomics.store(indices, PRODUCER_WAITING_I, 0);
    return true;
  }

  /** Waits until the ring is not empty or the deadline passes; false on timeout. */
  private waitForData(deadline: number): boolean {
    const indices = this.indices;
    const tail = Atomics.load(indices, TAIL_I);
    for (let spin = 0; spin < SPIN_BEFORE_WAIT; spin++) {
      if (Atomics.load(indices, HEAD_I) !== tail) return true;
    }
    for (;;) {
      Atomics.store(indices, CONSUMER_WAITING_I, 1);
      const head = Atomics.load(indices, HEAD_I);
      if (head !== tail) break;
      const remaining = deadline - now();
      if (remaining <= 0) {
        Atomics.store(indices, CONSUMER_WAITING_I, 0);
        return false;
      }
      Atomics.wait(indices, HEAD_I, head, Math.min(remaining, WAIT_SLICE_MS));
    }
    Atomics.store(indices, CONSUMER_WAITING_I, 0);
    return true;
  }
}

function now(): number {
  return performance.now();
}

function deadlineOf(timeoutMs: number): number {
  if (!(timeoutMs >= 0)) throw new RangeError(`timeoutMs must be >= 0, got ${String(timeoutMs)}`);
  return now() + timeoutMs;
}

// ---------------------------------------------------------------------------------------
// Verification helpers shared by the stress tests, the benchmark's workers and the
// `spsc-push-pop` grader, so that both sides of a ring agree on what was sent.

/** Initial value of `checksumStep`'s running hash (the FNV-1a offset basis). */
export const CHECKSUM_SEED = 0x811c9dc5;

const checksumScratch = new Float64Array(1);
const checksumWords = new Uint32Array(checksumScratch.buffer);

/**
 * Folds one value into an order-sensitive 32-bit hash (FNV-1a over the value's two
 * 32-bit halves): a lost, duplicated or swapped value changes the result.
 */
export function checksumStep(hash: number, value: number): number {
  checksumScratch[0] = value;
  hash = Math.imul(hash ^ (checksumWords[0] as number), 0x01000193);
  hash = Math.imul(hash ^ (checksumWords[1] as number), 0x01000193);
  return hash >>> 0;
}

/** The checksum of a whole sequence, as `checksumStep` computes it value by value. */
export function checksumOf(values: ArrayLike<number>): number {
  let hash = CHECKSUM_SEED;
  for (let i = 0; i < values.length; i++) hash = checksumStep(hash, values[i] as number);
  return hash;
}

/**
 * The `index`-th value of the seeded test sequence: `index` plus a seeded fraction in
 * [0, 1), so the value itself says where it belongs and is unique per index (up to 2^32).
 */
export function sequenceValue(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index | 0, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return index + (h >>> 0) / 4294967296;
}
