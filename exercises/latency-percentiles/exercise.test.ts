import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LatencyHistogram } from '#engine/latency-histogram';
import { mulberry32 } from '#engine/random';
import { LogHistogram } from './exercise.ts';

/** The nearest-rank percentile of sorted values: the smallest v with at least p% of values <= v. */
function exactPercentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1]!;
}

/** Relative distance of `reported` from `exact`. */
const relErr = (reported: number, exact: number) => Math.abs(reported - exact) / exact;

/** Room for the rounding of a logarithm at a bucket edge: far below any real mistake. */
const SLACK = 1e-9;

/**
 * Seeded latencies shaped like a trading path's: most near 800 ns, a shoulder of
 * slower ones at 20-50 µs (cache misses, a queue), and a rare tail at 1-5 ms (a GC
 * pause, a preemption). Integers, as a nanosecond clock gives them.
 */
function latencies(seed: number, n: number): number[] {
  const rnd = mulberry32(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = rnd();
    let v: number;
    if (u < 0.97) {
      // Log-normal around 800 ns (Box-Muller on two uniforms).
      const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
      v = 800 * Math.exp(0.35 * z);
    } else if (u < 0.999) {
      v = 20_000 + 30_000 * rnd();
    } else {
      v = 1_000_000 + 4_000_000 * rnd();
    }
    out.push(Math.max(1, Math.round(v)));
  }
  return out;
}

/** What `f` threw, or undefined when it returned. */
function thrownBy(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
}

function histogramOf(values: readonly number[], relativeError = 0.01): LogHistogram {
  const h = new LogHistogram(relativeError);
  for (const v of values) h.record(v);
  return h;
}

describe('reading a percentile by nearest rank', () => {
  it('p50 of 1..100 µs is the 50th value, within the stated error', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) * 1000);
    const h = histogramOf(values);
    expect(h.count, 'count after 100 values').toBe(100);
    expect(relErr(h.percentile(50), 50_000), `relative error of p50 (reported ${h.percentile(50)}, exact 50000)`).toBeLessThanOrEqual(0.01 + SLACK);
  });

  it('p99 of 100 samples is the 99th smallest, not the largest', () => {
    const values = Array.from({ length: 99 }, (_, i) => (i + 1) * 1000);
    values.push(1_000_000); // one outlier: the 100th value
    const h = histogramOf(values);
    const p99 = h.percentile(99);
    expect(relErr(p99, 99_000), `p99 of 100 samples should be near the 99th value (99000), got ${p99}`).toBeLessThanOrEqual(0.01 + SLACK);
  });

  it('p99.9 of 1,000 samples is the 999th smallest, not the largest', () => {
    const values = Array.from({ length: 999 }, (_, i) => 1000 + i);
    values.push(5_000_000);
    const h = histogramOf(values);
    const p999 = h.percentile(99.9);
    expect(relErr(p999, 1998), `p99.9 of 1000 samples should be near the 999th value (1998), got ${p999}`).toBeLessThanOrEqual(0.01 + SLACK);
  });

  it('p0 is the smallest value and p100 the largest, within the stated error', () => {
    const h = histogramOf([700, 3, 250_000, 42]);
    expect(relErr(h.percentile(0), 3), `p0 (reported ${h.percentile(0)}, smallest 3)`).toBeLessThanOrEqual(0.01 + SLACK);
    expect(relErr(h.percentile(100), 250_000), `p100 (reported ${h.percentile(100)}, largest 250000)`).toBeLessThanOrEqual(0.01 + SLACK);
  });

  it('an empty histogram reports 0 for a percentile and for the mean', () => {
    const h = new LogHistogram();
    expect(h.count, 'count of an empty histogram').toBe(0);
    expect(h.percentile(99), 'p99 of an empty histogram').toBe(0);
    expect(h.mean, 'mean of an empty histogram').toBe(0);
  });

  it('every percentile of seeded samples is within the stated relative error of the exact sample at its rank', () => {
    const ps = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 400 }),
        fc.constantFrom(0.001, 0.01, 0.02, 0.05),
        (values, e) => {
          const h = histogramOf(values, e);
          const sorted = [...values].sort((a, b) => a - b);
          for (const p of ps) {
            const exact = exactPercentile(sorted, p);
            const reported = h.percentile(p);
            expect(relErr(reported, exact), `p${p} with relative error ${e}: reported ${reported}, exact sample ${exact}`).toBeLessThanOrEqual(e * (1 + SLACK) + SLACK);
          }
        },
      ),
      { seed: 20261125, numRuns: 150 },
    );
  });
});

describe('against the engine\'s HdrHistogram (LatencyHistogram, 3 significant digits)', () => {
  it('p50, p99 and p99.9 of 100,000 seeded latencies agree with it within both errors', () => {
    const values = latencies(7, 100_000);
    const ours = histogramOf(values, 0.01);
    const engine = new LatencyHistogram();
    for (const v of values) engine.record(v);
    // The engine reports the top of a bucket 0.1% wide; yours is within 1% of the sample.
    for (const p of [50, 99, 99.9]) {
      const theirs = engine.percentile(p);
      const mine = ours.percentile(p);
      expect(Math.abs(mine - theirs), `p${p}: yours ${mine.toFixed(1)} ns, the engine's ${theirs} ns`).toBeLessThanOrEqual((0.01 + 0.001) * theirs + SLACK);
    }
  });
});

describe('memory grows with the range of values, not with their number', () => {
  it('100,000 samples from 1 ns to 5 ms fill at most log(max)/log(gamma) + 2 buckets', () => {
    const values = latencies(11, 100_000);
    const h = histogramOf(values, 0.01);
    const gamma = 1.01 / 0.99;
    const largest = values.reduce((m, v) => (v > m ? v : m), 0);
    const bound = Math.ceil(Math.log(largest) / Math.log(gamma)) + 2;
    expect(h.count, 'count after 100,000 values').toBe(100_000);
    expect(h.buckets, `non-empty buckets (at most ${bound} for this range; a bucket per distinct value would be far more)`).toBeLessThanOrEqual(bound);
  });

  it('one value recorded 10,000 times fills one bucket', () => {
    const h = new LogHistogram(0.01);
    for (let i = 0; i < 10_000; i++) h.record(1234);
    expect(h.buckets, 'non-empty buckets after recording one value many times').toBe(1);
  });
});

describe('the mean hides the tail', () => {
  it('a run with a 1.5% stall has a mean 59 times below its p99', () => {
    // 985 orders at 100 ns, 15 caught behind a 50 µs stall.
    const values = [...Array<number>(985).fill(100), ...Array<number>(15).fill(50_000)];
    const h = histogramOf(values);
    expect(h.mean, 'mean: (985 * 100 + 15 * 50000) / 1000').toBeCloseTo(848.5, 6);
    expect(relErr(h.percentile(50), 100), `p50 (reported ${h.percentile(50)})`).toBeLessThanOrEqual(0.01 + SLACK);
    expect(relErr(h.percentile(99), 50_000), `p99 (reported ${h.percentile(99)}): 1.5% of the orders waited 50 µs`).toBeLessThanOrEqual(0.01 + SLACK);
  });
});

describe('combining windows: merge the counts, never average the percentiles', () => {
  it('merging per-second histograms gives the percentiles of all the samples together', () => {
    const windows = [latencies(1, 5000), latencies(2, 5000), latencies(3, 5000)];
    // A fourth second with a 30 ms stall: 2% of its orders waited.
    const stalled = latencies(4, 5000).map((v, i) => (i % 50 === 0 ? 30_000_000 : v));
    windows.push(stalled);
    const merged = new LogHistogram(0.01);
    for (const w of windows) merged.merge(histogramOf(w, 0.01));
    const all = windows.flat().sort((a, b) => a - b);
    expect(merged.count, 'count after merging four windows of 5,000').toBe(20_000);
    for (const p of [50, 99, 99.9]) {
      const exact = exactPercentile(all, p);
      expect(relErr(merged.percentile(p), exact), `merged p${p}: reported ${merged.percentile(p)}, exact ${exact}`).toBeLessThanOrEqual(0.01 + SLACK);
    }
    expect(merged.mean, 'merged mean').toBeCloseTo(all.reduce((s, v) => s + v, 0) / all.length, 3);
  });

  it('a bucket that only the merged-in window has is kept (the stall\'s bucket)', () => {
    const quiet = histogramOf(Array<number>(990).fill(500));
    const stall = histogramOf([...Array<number>(990).fill(500), ...Array<number>(20).fill(9_000_000)]);
    quiet.merge(stall);
    // 2,000 values, 20 of them 9 ms: p99.5 is the 1,990th value, a 9 ms one.
    expect(quiet.count, 'count after merging').toBe(2000);
    expect(relErr(quiet.percentile(99.5), 9_000_000), `p99.5 after merging (reported ${quiet.percentile(99.5)})`).toBeLessThanOrEqual(0.01 + SLACK);
    expect(quiet.buckets, 'buckets after merging: 500 ns and 9 ms').toBe(2);
  });

  it('merging histograms of different relative errors throws a RangeError naming both', () => {
    const a = new LogHistogram(0.01);
    const b = new LogHistogram(0.02);
    b.record(10);
    const thrown = thrownBy(() => a.merge(b));
    expect(thrown, 'merge of 0.02 into 0.01').toBeInstanceOf(RangeError);
    expect((thrown as Error).message, 'the RangeError of merging 0.02 into 0.01 names both relative errors').toContain('0.02');
    expect((thrown as Error).message, 'the RangeError of merging 0.02 into 0.01 names both relative errors').toContain('0.01');
  });
});

describe('the relative error a histogram is made with', () => {
  it('takes any e strictly between 0 and 1, and refuses the others with a RangeError naming the value', () => {
    for (const e of [1e-6, 0.0005, 0.5, 0.999]) {
      const thrown = thrownBy(() => new LogHistogram(e));
      expect(thrown, `new LogHistogram(${e}) should be accepted`).toBeUndefined();
    }
    for (const e of [0, 1, -0.01, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const thrown = thrownBy(() => new LogHistogram(e));
      expect(thrown, `new LogHistogram(${e}) should throw a RangeError`).toBeInstanceOf(RangeError);
      expect((thrown as Error).message, `the RangeError of new LogHistogram(${e}) names the value`).toContain(String(e));
    }
  });
});

// ------------------------------------------------------------------ the whole domain
// The whole range the text allows, 1 ns to 1e12 ns, spread evenly on a log scale, with
// its ends, bucket boundaries (powers of gamma) and repeated values biased in; relative
// errors from 0.0005 to 0.3; percentiles from p0 to p100, the tail ones included. Memory is
// bounded by the range, not the samples, and merging two halves answers exactly as one
// histogram of all the samples does; the mean is exact.

describe('the whole domain', () => {
  const errors = fc.constantFrom(0.0005, 0.001, 0.01, 0.05, 0.1, 0.3);
  // Each percentile walks the buckets from the bottom (some 27,000 of them at e = 0.0005),
  // so a spread of ranks and the tail ones, not all 101 integers: the run stays short
  // under mutation testing's instrumented code too.
  const ps = [0, 1, 5, 10, 25, 33, 50, 66.6, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100];
  const sampleOf = (e: number) => {
    const gamma = (1 + e) / (1 - e);
    return fc.oneof(
      fc.double({ min: 0, max: 12, noNaN: true }).map((x) => Math.min(1e12, Math.max(1, Math.round(10 ** x)))),
      fc.integer({ min: 0, max: Math.floor(Math.log(1e12) / Math.log(gamma)) }).map((k) => Math.min(1e12, Math.max(1, gamma ** k))),
      fc.constantFrom(1, 2, 3, 1e12, 1e12 - 1, 2 ** 31, 2 ** 32),
    );
  };

  it('every percentile of samples from 1 ns to 1e12 ns is within the relative error, for errors from 0.0005 to 0.3', () => {
    fc.assert(
      fc.property(errors.chain((e) => fc.tuple(fc.constant(e), fc.array(sampleOf(e), { minLength: 1, maxLength: 300 }))), ([e, values]) => {
        const h = histogramOf(values, e);
        const sorted = [...values].sort((a, b) => a - b);
        for (const p of ps) {
          const exact = exactPercentile(sorted, p);
          const reported = h.percentile(p);
          if (!(relErr(reported, exact) <= e * (1 + SLACK) + SLACK)) expect.fail(`p${p} of ${values.length} samples, relative error ${e}: reported ${reported}, the exact sample is ${exact}`);
        }
        const bound = Math.ceil(Math.log(1e12) / Math.log((1 + e) / (1 - e))) + 2;
        if (h.buckets > bound || h.buckets > values.length) expect.fail(`${h.buckets} non-empty buckets for ${values.length} samples (at most ${Math.min(bound, values.length)})`);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        if (Math.abs(h.mean - mean) > 1e-12 * mean) expect.fail(`mean ${h.mean}, the exact mean is ${mean}`);
        if (h.count !== values.length) expect.fail(`count ${h.count}, not ${values.length}`);
      }),
      { seed: 20261203, numRuns: 150 },
    );
  });

  it('two halves merged answer every percentile exactly as one histogram of all the samples', () => {
    fc.assert(
      fc.property(errors.chain((e) => fc.tuple(fc.constant(e), fc.array(sampleOf(e), { maxLength: 200 }), fc.array(sampleOf(e), { maxLength: 200 }))), ([e, a, b]) => {
        const merged = histogramOf(a, e);
        merged.merge(histogramOf(b, e));
        const whole = histogramOf([...a, ...b], e);
        for (const p of ps) {
          if (merged.percentile(p) !== whole.percentile(p)) expect.fail(`p${p}, relative error ${e}: merged ${merged.percentile(p)}, one histogram of all ${a.length + b.length} samples ${whole.percentile(p)}`);
        }
        if (merged.count !== whole.count || merged.buckets !== whole.buckets) expect.fail(`merged count ${merged.count} / buckets ${merged.buckets}, one histogram ${whole.count} / ${whole.buckets}`);
      }),
      { seed: 20261203, numRuns: 60 },
    );
  });
});
