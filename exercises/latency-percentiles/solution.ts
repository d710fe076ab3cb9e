/**
 * Exercise: latency-percentiles (reference solution).
 *
 * A latency log can hold millions of samples a minute; keeping them all to sort them
 * for each report costs memory that grows without bound and a sort per report. A
 * log-bucketed histogram keeps one counter per bucket instead, and the buckets grow
 * geometrically, so the relative error is the same at 100 ns as at 10 ms: the number
 * of buckets depends on the range of values (max / min), never on how many there are.
 * This is the idea behind HdrHistogram (log-linear buckets) and DDSketch (pure log
 * buckets, the scheme used here).
 */

// #region buckets
export class LogHistogram {
  /** Ratio between one bucket's upper bound and the next one down. */
  readonly #gamma: number;
  readonly #logGamma: number;
  // counts[i] = number of values in bucket i, which holds (gamma^(i-1), gamma^i].
  // Values are >= 1 ns, so i >= 0 and an array indexed by i is enough; it only grows
  // to the index of the largest value: about 1,400 entries for 1 ns .. 1e12 ns at 1%.
  readonly #counts: number[] = [];
  #count = 0;
  #sum = 0;
  #nonEmpty = 0;

  constructor(readonly relativeError = 0.01) {
    if (!(relativeError > 0 && relativeError < 1)) throw new RangeError(`relativeError must be in (0, 1), got ${relativeError}`);
    // With gamma = (1 + e) / (1 - e), the point 2·gamma^i / (gamma + 1) is within e of
    // every value in (gamma^(i-1), gamma^i]: 1 - e of the top, 1 + e of the bottom.
    this.#gamma = (1 + relativeError) / (1 - relativeError);
    this.#logGamma = Math.log(this.#gamma);
  }

  /** Bucket i holds (gamma^(i-1), gamma^i]: the smallest i with v <= gamma^i. */
  #indexOf(value: number): number {
    return Math.ceil(Math.log(value) / this.#logGamma);
  }

  /**
   * The value reported for bucket i. Not the lower bound gamma^(i-1) (up to 2e too low
   * for values near the top) nor the upper bound gamma^i (up to 2e too high near the
   * bottom), but the point whose relative distance to both ends is e.
   */
  #valueOf(index: number): number {
    return (2 * this.#gamma ** index) / (this.#gamma + 1);
  }

  record(ns: number): void {
    const i = this.#indexOf(ns);
    // Fill any gap with zeros so the array stays dense (holes would make `for` loops
    // and `+=` on undefined misbehave).
    while (this.#counts.length <= i) this.#counts.push(0);
    if (this.#counts[i] === 0) this.#nonEmpty += 1;
    this.#counts[i] = this.#counts[i]! + 1;
    this.#count += 1;
    this.#sum += ns;
  }
  // #endregion buckets

  get count(): number {
    return this.#count;
  }

  /** The arithmetic mean: exact, since the sum is kept beside the buckets. */
  get mean(): number {
    return this.#count === 0 ? 0 : this.#sum / this.#count;
  }

  /** Non-empty buckets: what the histogram's memory is proportional to. */
  get buckets(): number {
    return this.#nonEmpty;
  }

  // #region percentile
  percentile(p: number): number {
    if (this.#count === 0) return 0;
    // Nearest rank: the smallest value v such that at least p% of the values are <= v,
    // i.e. the first bucket where cumulative * 100 >= p * count. Comparing the products
    // keeps the rank exact: ceil((p / 100) * count) goes wrong when p / 100 rounds up
    // (99.9 / 100 * 1000 is 999.0000000000001, whose ceiling is 1000, one rank too far).
    // At least one value must be counted, so p = 0 gives the smallest value.
    const target = Math.max(1, p * this.#count);
    let cumulative = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      cumulative += this.#counts[i]!;
      if (cumulative > 0 && cumulative * 100 >= target) return this.#valueOf(i);
    }
    return this.#valueOf(this.#counts.length - 1);
  }
  // #endregion percentile

  // #region merge
  merge(other: LogHistogram): void {
    // Buckets only line up when both histograms use the same gamma.
    if (other.relativeError !== this.relativeError) {
      throw new RangeError(`cannot merge a histogram of relative error ${other.relativeError} into one of ${this.relativeError}`);
    }
    // Adding counts bucket by bucket gives exactly the histogram of all the samples
    // together, so its percentiles are right. Averaging each window's p99 instead
    // weighs a quiet window and a window with a stall alike, and the stall vanishes.
    // Walk every bucket of the other histogram: a bucket it has and we lack (the stall's)
    // is exactly the one that matters.
    const theirs = other.#counts;
    for (let i = 0; i < theirs.length; i++) {
      const c = theirs[i]!;
      if (c === 0) continue;
      while (this.#counts.length <= i) this.#counts.push(0);
      if (this.#counts[i] === 0) this.#nonEmpty += 1;
      this.#counts[i] = this.#counts[i]! + c;
    }
    this.#count += other.#count;
    this.#sum += other.#sum;
  }
  // #endregion merge
}
