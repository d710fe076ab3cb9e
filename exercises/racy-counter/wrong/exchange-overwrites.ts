/**
 * recordHigh checks with a load and then writes with Atomics.exchange, which stores
 * unconditionally: a higher value written by another thread after the check is overwritten.
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
  // exchange is an atomic read-modify-write, so this cannot race.
  if (value > Atomics.load(cell, index)) Atomics.exchange(cell, index, value);
}
// #endregion record-high
