/**
 * Exercise: atomics-mutex.
 *
 * A mutual-exclusion lock over one int32 of shared memory, `word[index]`, for threads
 * that share a SharedArrayBuffer. 0 means unlocked; any other value means locked (you
 * may use 1 for "locked" and 2 for "locked, and a thread may be waiting", as futex locks
 * do, or keep to 0 and 1).
 *
 * - `lock(word, index)`: take the lock. Take a free lock with one atomic compare-and-swap
 *   (`Atomics.compareExchange`). While it is held, do not spin: sleep with
 *   `Atomics.wait(word, index, v)`, where `v` is the locked value the word holds right
 *   now (wait returns at once if the word no longer holds `v`). When you wake up, you do
 *   not own the lock yet: another thread may have taken it first. Check again.
 * - `unlock(word, index)`: release it (the word becomes 0) with an atomic write, and wake
 *   a sleeping thread with `Atomics.notify(word, index, 1)` whenever one may be waiting.
 *
 * These functions run INSIDE worker threads: the tests send their source text
 * (`fn.toString()`) to real workers, which rebuild them with `new Function`. So they may
 * use only their parameters and globals such as `Atomics`: no imports, no constants or
 * helpers from this file (write the numbers 0, 1, 2 where you need them).
 *
 * The tests first run your lock on one thread with every Atomics call watched, playing
 * the other threads (a holder that releases while you sleep, a thread that steals the
 * lock as you wake, a thread that takes it between your check and your write); then four
 * real workers each take the lock 5,000 times around a plain, non-atomic increment.
 */

// #region lock
/** Takes the lock at word[index], sleeping while another thread holds it. */
export function lock(word: Int32Array, index: number): void {
  // TODO: compareExchange 0 -> locked; while held, Atomics.wait on the locked value, then check again.
  while (Atomics.compareExchange(word, index, 0, 1) !== 0) {
    // spin until the holder lets go
  }
}
// #endregion lock

// #region unlock
/** Releases the lock at word[index] and wakes a waiting thread. */
export function unlock(word: Int32Array, index: number): void {
  // TODO: release with an atomic write, and Atomics.notify a thread that may be waiting.
  Atomics.store(word, index, 0);
}
// #endregion unlock
