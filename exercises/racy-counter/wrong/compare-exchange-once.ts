/**
 * recordHigh tries compareExchange once and gives up when it fails, so a value that
 * another thread raised the cell to, still below ours, wins: our higher value is lost.
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
  const current = Atomics.load(cell, index);
  // If the swap fails, someone else just wrote a high-water mark: theirs will do.
  if (value > current) Atomics.compareExchange(cell, index, current, value);
}
// #endregion record-high
