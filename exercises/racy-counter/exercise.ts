/**
 * Exercise: racy-counter.
 *
 * Two functions that update shared memory (an Int32Array over a SharedArrayBuffer) while
 * other threads update it too. Both are racy as given: fix them so that no update is
 * ever lost, whatever the other threads do between your read and your write.
 *
 * 1. `increment(counter, index, times)`: add 1 to `counter[index]`, `times` times (or add
 *    `times` at once). `counter[index] += 1` is three steps (read, add, write): another
 *    thread's write can land between the read and the write and be overwritten. Make
 *    each update one atomic read-modify-write.
 * 2. `recordHigh(cell, index, value)`: a high-water mark (say, the deepest queue any thread
 *    has seen). Raise `cell[index]` to `value` if `value` is greater; never lower it; and
 *    never overwrite a higher value another thread stored meanwhile. There is no
 *    `Atomics.max`: read the current value, and publish yours with
 *    `Atomics.compareExchange`, trying again with what it returns if another thread got
 *    there first.
 *
 * These functions run INSIDE worker threads: the tests send their source text
 * (`fn.toString()`) to real workers, which rebuild them with `new Function`. So each may
 * use only its parameters and globals such as `Atomics`: no imports, no constants or
 * helpers from this file.
 *
 * The tests watch every Atomics call on one thread first, and play "another thread"
 * writing between your read and your write; then they run your functions in four real
 * workers at once and count.
 */

// #region increment
/** Adds `times` to counter[index], losing no update made by other threads meanwhile. */
export function increment(counter: Int32Array, index: number, times: number): void {
  // TODO: one atomic read-modify-write per update (Atomics.add), not counter[index] += 1.
  for (let n = 0; n < times; n++) counter[index] = counter[index]! + 1;
}
// #endregion increment

// #region record-high
/** Raises cell[index] to `value` if it is higher, never lowering it, never losing a higher value. */
export function recordHigh(cell: Int32Array, index: number, value: number): void {
  // TODO: read, then Atomics.compareExchange in a loop until your value is in or a higher one is.
  if (value > cell[index]!) cell[index] = value;
}
// #endregion record-high
