/**
 * lock() checks that the word is 0 and then stores 1 as two separate steps: another thread
 * can take the lock between the check and the store, and both then hold it.
 */

// #region lock
/** Takes the lock at word[index], sleeping while another thread holds it. */
export function lock(word: Int32Array, index: number): void {
  // Wait while it is held, then take it.
  for (let c = Atomics.load(word, index); c !== 0; c = Atomics.load(word, index)) {
    Atomics.wait(word, index, c);
  }
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
