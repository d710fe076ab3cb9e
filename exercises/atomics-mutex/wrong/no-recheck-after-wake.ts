/**
 * After Atomics.wait returns, lock() assumes the lock is now its own and returns without
 * checking the word again; another thread that took the lock first is ignored.
 */

// #region lock
/** Takes the lock at word[index], sleeping while another thread holds it. */
export function lock(word: Int32Array, index: number): void {
  let c = Atomics.compareExchange(word, index, 0, 1);
  if (c === 0) return;
  if (c !== 2) c = Atomics.exchange(word, index, 2);
  if (c === 0) return;
  // unlock() notifies exactly one sleeper: when we are woken, the lock was handed to us.
  Atomics.wait(word, index, 2);
  Atomics.store(word, index, 2);
}
// #endregion lock

// #region unlock
/** Releases the lock at word[index] and wakes a waiting thread. */
export function unlock(word: Int32Array, index: number): void {
  // 1 -> 0: nobody waits, and we are done without a system call.
  if (Atomics.sub(word, index, 1) !== 1) {
    // It was 2: release fully and wake one sleeper, which will retake it as 2.
    Atomics.store(word, index, 0);
    Atomics.notify(word, index, 1);
  }
}
// #endregion unlock
