/**
 * Exercise: racy-counter (reference solution).
 *
 * A lost update is a read and a write of the same location with another thread's write
 * in between. Atomics.add does the read, the add and the write as one indivisible step.
 * Where no single atomic operation does what you need (a maximum), compareExchange turns
 * "read, decide, write" into "write only if nobody wrote since I read", and a loop retries
 * with the newer value when somebody did. That loop is the core of every lock-free
 * algorithm.
 */

// #region increment
/** Adds `times` to counter[index], losing no update made by other threads meanwhile. */
export function increment(counter: Int32Array, index: number, times: number): void {
  // One read-modify-write: no other thread's write can come between its read and its write.
  // (A loop of Atomics.add(counter, index, 1) is just as correct, `times` times slower.)
  Atomics.add(counter, index, times);
}
// #endregion increment

// #region record-high
/** Raises cell[index] to `value` if it is higher, never lowering it, never losing a higher value. */
export function recordHigh(cell: Int32Array, index: number, value: number): void {
  let current = Atomics.load(cell, index);
  while (value > current) {
    // Store `value` only if the cell still holds what we read; otherwise learn what it
    // holds now and decide again: it may already be higher than ours.
    const seen = Atomics.compareExchange(cell, index, current, value);
    if (seen === current) return;
    current = seen;
  }
}
// #endregion record-high
