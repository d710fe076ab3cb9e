/**
 * A small latency recorder over hdr-histogram-js, shared by the benchmarks: record
 * nanoseconds, read p50 / p99 / p99.9 / max. Values are kept with 3 significant digits
 * from 1 ns up to one minute, so percentiles are within 0.1% of the recorded values.
 */
import * as hdr from 'hdr-histogram-js';

/** A percentile summary in nanoseconds. */
export interface LatencySummary {
  count: number;
  mean_ns: number;
  p50_ns: number;
  p99_ns: number;
  p999_ns: number;
  max_ns: number;
}

/** Records latencies in nanoseconds and summarises them. */
export class LatencyHistogram {
  private readonly h: hdr.Histogram;
  // The exact maximum: the histogram's own is rounded to its bucket.
  private max = 0;

  /** `highestNs` bounds what is tracked exactly (larger values are clamped to it). */
  constructor(private readonly highestNs = 60e9) {
    this.h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: highestNs, numberOfSignificantValueDigits: 3, autoResize: false });
  }

  /** Records one latency in nanoseconds (rounded; below 1 counts as 1 ns, above the bound as the bound). */
  record(ns: number): void {
    const v = ns < 1 ? 1 : ns > this.highestNs ? this.highestNs : Math.round(ns);
    if (v > this.max) this.max = v;
    this.h.recordValue(v);
  }

  /** Number of values recorded. */
  get count(): number {
    return this.h.totalCount;
  }

  /** The value at a percentile in [0, 100], in nanoseconds (to 3 significant digits). */
  percentile(p: number): number {
    // The histogram answers with the top of the value's bucket: never report above the max.
    return Math.min(this.h.getValueAtPercentile(p), this.max);
  }

  /** p50, p99, p99.9, max and mean, in nanoseconds. */
  summary(): LatencySummary {
    return {
      count: this.h.totalCount,
      mean_ns: Math.round(this.h.mean),
      p50_ns: this.percentile(50),
      p99_ns: this.percentile(99),
      p999_ns: this.percentile(99.9),
      max_ns: this.max,
    };
  }

  /** Forgets every recorded value. */
  reset(): void {
    this.h.reset();
    this.max = 0;
  }
}
