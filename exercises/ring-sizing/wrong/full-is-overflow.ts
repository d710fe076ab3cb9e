/**
 * A ring that ends the burst exactly full is counted as overflowing (>= instead of >),
 * as if one slot had to stay empty; the engine's ring holds `capacity` messages.
 */

// #region burst
/** A burst on a feed; rates in messages per millisecond (2,500 per ms is 2.5 million a second). */
export interface Burst {
  /** Messages per millisecond outside the burst. */
  baseRate: number;
  /** Messages per millisecond during the burst. */
  burstRate: number;
  /** How long the burst lasts, in milliseconds. */
  burstMs: number;
  /** Messages per millisecond the consumer handles. */
  consumeRate: number;
}
// #endregion burst

/** The engine's ring bounds: a power of two between 2 and 2^30. */
const MIN_CAPACITY = 2;
const MAX_CAPACITY = 2 ** 30;

/** Little's law: the average number of messages in the system, L = lambda * W. */
export function inFlight(ratePerMs: number, waitMs: number): number {
  return ratePerMs * waitMs;
}

// #region peak
/** Messages queued at the end of the burst (Infinity if the consumer is slower than the base rate). */
export function peakBacklog(burst: Burst): number {
  // A consumer slower than the steady flow never catches up: no finite ring suffices.
  if (burst.consumeRate <= burst.baseRate) return Infinity;
  // During the burst the queue grows by the excess only: the consumer keeps draining.
  const excess = burst.burstRate - burst.consumeRate;
  return excess > 0 ? excess * burst.burstMs : 0;
}
// #endregion peak

// #region capacity
/** The smallest power-of-two ring (at least 2) that holds the peak backlog. */
export function capacityFor(burst: Burst): number {
  const peak = Math.ceil(peakBacklog(burst)); // a fraction of a message still needs a slot
  if (!(peak <= MAX_CAPACITY)) {
    throw new RangeError(`no ring holds a backlog of ${peak} messages (the engine's ring holds at most 2^30)`);
  }
  // Double up from the minimum: exact for every power of two, where log2 and rounding
  // tricks are easy to get off by one power (a backlog of exactly 1024 needs 1024 slots).
  let capacity = MIN_CAPACITY;
  while (capacity < peak) capacity *= 2;
  return capacity;
}
// #endregion capacity

// #region drain
/** Milliseconds after the burst until the queue is empty again. */
export function drainMs(burst: Burst): number {
  const peak = peakBacklog(burst);
  if (peak === Infinity) return Infinity;
  // Arrivals do not stop when the burst does: the backlog shrinks only at the difference.
  return peak / (burst.consumeRate - burst.baseRate);
}
// #endregion drain

/** Whether a ring of `capacity` messages overflows during the burst. */
export function overflows(burst: Burst, capacity: number): boolean {
  // A ring of N slots holds N messages (head - tail counts them): full is not overflow.
  return peakBacklog(burst) >= capacity;
}
