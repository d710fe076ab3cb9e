/**
 * Exercise: latency-percentiles.
 *
 * Build `LogHistogram`, a latency recorder whose memory does not grow with the number
 * of samples, and read percentiles from it within a stated relative error.
 *
 * - `new LogHistogram(relativeError = 0.01)` takes e strictly between 0 and 1; any other
 *   value (0, 1, a negative one, NaN) throws a RangeError naming it.
 * - Values are latencies in nanoseconds, from 1 to 1e12.
 * - Buckets grow geometrically. With e = `relativeError` and gamma = (1 + e) / (1 - e),
 *   bucket i holds the values in (gamma^(i-1), gamma^i]. `record(ns)` adds one to the
 *   count of its bucket; nothing else about the value is kept (except a running sum,
 *   for the mean).
 * - `percentile(p)` (p from 0 to 100) finds the nearest-rank sample: the smallest
 *   recorded value v such that at least p% of all values are <= v (so p99 of 100 values
 *   is the 99th smallest, and p0 the smallest). It returns a value within a relative
 *   error e of that sample: |reported - exact| <= e * exact. Which point of the bucket
 *   satisfies that? Work it out: neither end of the bucket does. 0 when empty.
 * - `mean` is the exact arithmetic mean (0 when empty); `count` the number of values;
 *   `buckets` the number of non-empty buckets.
 * - `merge(other)` adds another histogram's counts into this one, so that it answers
 *   for all the samples of both; it throws a RangeError naming both relative errors when
 *   they differ.
 *
 * The tests compare your percentiles with the exact samples and with the engine's
 * `LatencyHistogram` (HdrHistogram) on seeded latencies, and check that the mean of a
 * run with a stall sits far below its p99.
 */

export class LogHistogram {
  constructor(readonly relativeError = 0.01) {
    // TODO: derive gamma from the relative error and set up the bucket counts.
  }

  record(ns: number): void {
    // TODO: find the bucket of `ns` (a logarithm base gamma, rounded up) and count it.
    void ns;
  }

  get count(): number {
    // TODO: the number of values recorded.
    return 0;
  }

  get mean(): number {
    // TODO: the exact mean of the values recorded, 0 when empty.
    return 0;
  }

  get buckets(): number {
    // TODO: how many buckets hold at least one value.
    return 0;
  }

  percentile(p: number): number {
    // TODO: walk the buckets in increasing order, accumulating counts, until at least
    // p% of the values are counted; return the point of that bucket within e of all of it.
    void p;
    return 0;
  }

  merge(other: LogHistogram): void {
    // TODO: add every bucket of `other` into this histogram (and its count and sum).
    void other;
  }
}
