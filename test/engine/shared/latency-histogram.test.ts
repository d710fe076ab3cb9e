import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../../engine/shared/latency-histogram.ts';

describe('latency histogram', () => {
  it('reports percentiles within 0.1% and the exact max', () => {
    const h = new LatencyHistogram();
    for (let v = 1; v <= 10_000; v++) h.record(v * 10); // 10 ns .. 100 µs, uniform
    const s = h.summary();
    expect(s.count).toBe(10_000);
    expect(s.p50_ns).toBeGreaterThanOrEqual(49_950);
    expect(s.p50_ns).toBeLessThanOrEqual(50_060);
    expect(s.p99_ns).toBeGreaterThanOrEqual(98_900);
    expect(s.p99_ns).toBeLessThanOrEqual(99_100);
    expect(s.p999_ns).toBeGreaterThanOrEqual(99_800);
    expect(s.p999_ns).toBeLessThanOrEqual(s.max_ns);
    expect(s.max_ns).toBe(100_000);
  });

  it('clamps out-of-range values and resets', () => {
    const h = new LatencyHistogram(1e6);
    h.record(0.2);
    h.record(5e9);
    expect(h.summary().max_ns).toBe(1e6);
    expect(h.percentile(0)).toBeLessThanOrEqual(1);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.summary().max_ns).toBe(0);
  });
});
