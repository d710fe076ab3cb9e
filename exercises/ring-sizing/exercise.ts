/**
 * Exercise: ring-sizing.
 *
 * Size an SPSC ring for a burst, on the back of an envelope. A feed normally sends
 * `baseRate` messages per millisecond; during a burst of `burstMs` milliseconds it sends
 * `burstRate`; the consumer handles `consumeRate` messages per millisecond. Model the
 * queue as a fluid: it grows at (arrivals - departures) while arrivals are faster, and
 * shrinks at (departures - arrivals) afterwards. The queue is empty when the burst starts.
 *
 * Write:
 *
 * 1. `inFlight(ratePerMs, waitMs)`: Little's law, L = lambda * W: the average number of
 *    messages in a system that `ratePerMs` messages enter each millisecond and each stays
 *    `waitMs` milliseconds in.
 * 2. `peakBacklog(burst)`: the messages queued when the burst ends; 0 when the consumer
 *    keeps up with the burst. Infinity when the consumer cannot keep up with the base
 *    rate (`consumeRate <= baseRate`): the queue then grows without end.
 * 3. `capacityFor(burst)`: the smallest ring that holds the peak backlog: a power of two
 *    (the ring indexes with a mask), at least 2 (the engine's minimum), and a ring of
 *    capacity N holds N messages. A RangeError, with a message saying why, when no ring
 *    can (the peak is Infinity, or above 2^30, the engine's maximum).
 * 4. `drainMs(burst)`: milliseconds from the end of the burst until the queue is empty
 *    again, while the base rate keeps arriving; 0 with no backlog; Infinity when the
 *    consumer cannot keep up with the base rate.
 * 5. `overflows(burst, capacity)`: whether a ring of `capacity` runs out of room.
 *
 * The tests check hand-worked scenarios, seeded random ones against a reference, and the
 * capacity you choose against the engine's SpscRingBuffer fed message by message.
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

/** Little's law: the average number of messages in the system, L = lambda * W. */
export function inFlight(ratePerMs: number, waitMs: number): number {
  // TODO: L = lambda * W.
  void ratePerMs;
  void waitMs;
  return NaN;
}

/** Messages queued at the end of the burst (Infinity if the consumer is slower than the base rate). */
export function peakBacklog(burst: Burst): number {
  // TODO: the queue grows at burstRate - consumeRate for burstMs.
  void burst;
  return NaN;
}

/** The smallest power-of-two ring (at least 2) that holds the peak backlog. */
export function capacityFor(burst: Burst): number {
  // TODO: round the peak up to a power of two; RangeError when no ring can hold it.
  void burst;
  return 0;
}

/** Milliseconds after the burst until the queue is empty again. */
export function drainMs(burst: Burst): number {
  // TODO: the backlog shrinks at consumeRate - baseRate.
  void burst;
  return NaN;
}

/** Whether a ring of `capacity` messages overflows during the burst. */
export function overflows(burst: Burst, capacity: number): boolean {
  // TODO: compare the peak backlog with the capacity.
  void burst;
  void capacity;
  return false;
}
