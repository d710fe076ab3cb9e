/**
 * Exercise: atomics-mutex (reference solution).
 *
 * After Ulrich Drepper's "mutex, take 2" from "Futexes Are Tricky": three states, so that
 * an unlock with nobody waiting costs one atomic instruction and no wake-up call.
 *
 *   0 = unlocked   1 = locked, nobody waiting   2 = locked, someone may be waiting
 *
 * Atomics.wait is the futex: it checks that the word still holds the expected value and
 * goes to sleep in one atomic step, so a release that happens between our last look and
 * our sleep is never missed (wait sees the new value and returns at once).
 */

// #region lock
/** Takes the lock at word[index], sleeping while another thread holds it. */
export function lock(word: Int32Array, index: number): void {
  // Fast path: a free lock is taken by one compare-and-swap, 0 -> 1.
  if (Atomics.compareExchange(word, index, 0, 1) === 0) return;
  // Held. From now on we may sleep, so the word must say "someone may be waiting" (2),
  // or the holder's unlock would skip the notify and we would sleep forever. exchange
  // writes 2 and returns what the word held: 0 means the holder let go in the meantime and
  // the lock is ours (marked 2, which costs the next unlock one needless notify, never a
  // lost one).
  while (Atomics.exchange(word, index, 2) !== 0) {
    // Sleeps only if the word is still 2; returns at once if it changed. Woken is not
    // owning: another thread may have taken the lock first, so the loop tries again, and
    // keeps the word at 2, because other sleepers may remain.
    Atomics.wait(word, index, 2);
  }
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
