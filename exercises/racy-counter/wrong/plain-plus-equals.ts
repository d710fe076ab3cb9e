/**
 * The counter is incremented with a plain `counter[index] += 1`: a read, an add and a write
 * in three steps, so another thread's increment between them is lost. recordHigh is right.
 */

// #region increment
/** Adds `times` to counter[index], losing no update made by other threads meanwhile. */
export function increment(counter: Int32Array, index: number, times: number): void {
  // Int32Array elements are 32-bit integers: surely one increment is one instruction?
  for (let n = 0; n < times; n++) counter[index] = counter[index]! + 1;
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
