/**
 * A mutex over one int32 of shared memory, built on `Atomics.compareExchange`, `wait` and
 * `notify` (Drepper's "futex mutex", take 2, from "Futexes Are Tricky"), and the counter
 * functions the concurrency lesson contrasts: racy, locked and atomic.
 *
 * ## Layout
 *
 * The lock word is one int32 at `byteOffset` (a multiple of 4) of a SharedArrayBuffer.
 * `AtomicsMutex.create()` gives it a cache line of its own, so threads spinning on the
 * lock do not slow down unrelated data next to it (and vice versa): a 128-byte buffer with
 * the word at byte 64. JavaScript cannot align a buffer (allocators give 16 bytes), but
 * with 64 bytes of padding on each side the word's line holds nothing else, however the
 * buffer is aligned.
 *
 * ## States and ordering
 *
 * ```
 * 0 = unlocked    1 = locked, nobody waiting    2 = locked, maybe someone waiting
 * ```
 *
 * - `lock`: `compareExchange(0 -> 1)` takes a free lock with one atomic instruction. If
 *   it is taken, the thread marks it contended (`exchange(2)`) and sleeps with
 *   `Atomics.wait(word, 2)`, which re-checks the word atomically with going to sleep, so a
 *   release between the check and the sleep is never missed. It retries with
 *   `exchange(2)` (not 1), because it cannot know whether other sleepers remain.
 * - `unlock`: `sub(1)`; if the word was 1 nobody waits and it is now 0: no system call.
 *   Otherwise it stores 0 and wakes one sleeper.
 * - Atomics are sequentially consistent: the read-modify-write that takes the lock
 *   synchronizes-with the one that released it, so everything the previous holder wrote
 *   inside the critical section happens-before everything the next holder reads.
 *
 * `lock()` blocks the thread: use it in workers. A browser's main thread cannot call
 * `Atomics.wait`; it can use `lockAsync()`, which waits with `Atomics.waitAsync` (or polls
 * where that is missing) without blocking.
 */
import type { WaitAsync } from '../shared/workers.ts';

const UNLOCKED = 0;
const LOCKED = 1;
const CONTENDED = 2;

/** Spins on a taken lock before sleeping: short critical sections often end meanwhile. */
const SPIN_BEFORE_WAIT = 64;

/** Bytes `AtomicsMutex.create()` allocates: the lock word at byte 64, padded on both sides. */
export const MUTEX_BYTES = 128;


/** A mutual-exclusion lock shared between threads through a SharedArrayBuffer. */
export class AtomicsMutex {
  /** The shared memory holding the lock word; post it (with `byteOffset`) to other threads. */
  readonly buffer: SharedArrayBuffer;
  /** Byte offset of the lock word in `buffer`. */
  readonly byteOffset: number;
  private readonly word: Int32Array;
  private readonly index: number;

  /** A new, unlocked mutex on a cache line of its own (`buffer`, `byteOffset` 64). */
  static create(): AtomicsMutex {
    return new AtomicsMutex(new SharedArrayBuffer(MUTEX_BYTES), MUTEX_BYTES / 2);
  }

  /**
   * Attaches to the lock word at `byteOffset` of `buffer` (created elsewhere, or any
   * zeroed int32 of shared memory: 0 means unlocked).
   */
  constructor(buffer: SharedArrayBuffer, byteOffset = 0) {
    if (!Number.isInteger(byteOffset) || byteOffset < 0 || byteOffset % 4 !== 0 || byteOffset + 4 > buffer.byteLength) {
      throw new RangeError(`AtomicsMutex: byteOffset ${byteOffset} is not an aligned int32 inside the buffer`);
    }
    this.buffer = buffer;
    this.byteOffset = byteOffset;
    this.word = new Int32Array(buffer);
    this.index = byteOffset >> 2;
  }

  /** Takes the lock if it is free, without waiting; returns whether it did. */
  tryLock(): boolean {
    return Atomics.compareExchange(this.word, this.index, UNLOCKED, LOCKED) === UNLOCKED;
  }

  /**
   * Takes the lock, sleeping while another thread holds it; with a `timeoutMs`, gives up
   * after that long and returns false. Blocks the thread: not for a browser's main thread.
   */
  lock(timeoutMs = Infinity): boolean {
    const word = this.word;
    const i = this.index;
    let c = Atomics.compareExchange(word, i, UNLOCKED, LOCKED);
    if (c === UNLOCKED) return true;
    for (let spin = 0; spin < SPIN_BEFORE_WAIT; spin++) {
      // Read before trying: a failing compareExchange still takes the line exclusive.
      if (Atomics.load(word, i) === UNLOCKED) {
        c = Atomics.compareExchange(word, i, UNLOCKED, LOCKED);
        if (c === UNLOCKED) return true;
      }
    }
    // A stale `c` is harmless below: exchange(2) returning 0 means we got the lock, and
    // wait(word, 2) returns at once if the word is no longer 2.
    const deadline = performance.now() + timeoutMs;
    // From here on we may be sleeping, so the word says "contended" whenever we hold it.
    if (c !== CONTENDED) c = Atomics.exchange(word, i, CONTENDED);
    while (c !== UNLOCKED) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) return false;
      Atomics.wait(word, i, CONTENDED, remaining);
      c = Atomics.exchange(word, i, CONTENDED);
    }
    return true;
  }

  /**
   * Takes the lock without blocking the thread (for a browser's main thread): waits with
   * `Atomics.waitAsync` where available, else polls every millisecond.
   */
  async lockAsync(): Promise<void> {
    const word = this.word;
    const i = this.index;
    let c = Atomics.compareExchange(word, i, UNLOCKED, LOCKED);
    if (c === UNLOCKED) return;
    if (c !== CONTENDED) c = Atomics.exchange(word, i, CONTENDED);
    const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
    while (c !== UNLOCKED) {
      if (waitAsync) {
        const r = waitAsync(word, i, CONTENDED);
        if (r.async) await r.value;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      c = Atomics.exchange(word, i, CONTENDED);
    }
  }

  /** Releases the lock; call it only from the thread holding it. */
  unlock(): void {
    const word = this.word;
    const i = this.index;
    if (Atomics.sub(word, i, 1) !== LOCKED) {
      // Was CONTENDED: someone may be asleep in wait(); release fully and wake one.
      Atomics.store(word, i, UNLOCKED);
      Atomics.notify(word, i, 1);
    }
  }

  /** Runs `fn` holding the lock, and releases it even if `fn` throws. */
  withLock<T>(fn: () => T): T {
    this.lock();
    try {
      return fn();
    } finally {
      this.unlock();
    }
  }

  /** True if some thread holds the lock right now (a snapshot, for tests and displays). */
  isLocked(): boolean {
    return Atomics.load(this.word, this.index) !== UNLOCKED;
  }
}

/**
 * The lesson's racy counter: `times` increments of `counter[index]` with an atomic load
 * and an atomic store. Each access is atomic, the increment is not: another thread's
 * store can land between this thread's load and store, and one of the two increments is
 * lost. Run it from two workers at once and the total comes out short.
 */
export function racyIncrement(counter: Int32Array, index: number, times: number): void {
  for (let n = 0; n < times; n++) {
    const v = Atomics.load(counter, index);
    Atomics.store(counter, index, v + 1);
  }
}

/**
 * The fix with a lock: exactly `racyIncrement`'s load and store, inside `mutex`'s
 * critical section, where no other thread's store can come between them.
 */
export function lockedIncrement(mutex: AtomicsMutex, counter: Int32Array, index: number, times: number): void {
  for (let n = 0; n < times; n++) {
    mutex.lock();
    const v = Atomics.load(counter, index);
    Atomics.store(counter, index, v + 1);
    mutex.unlock();
  }
}

/** The fix without a lock: one atomic read-modify-write per increment. */
export function atomicIncrement(counter: Int32Array, index: number, times: number): void {
  for (let n = 0; n < times; n++) Atomics.add(counter, index, 1);
}
