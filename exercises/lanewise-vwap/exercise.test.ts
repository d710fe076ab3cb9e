import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSimd, vwapBound, type Kernels } from '#engine/kernels';
import { vwapLanewise } from './exercise.ts';

const f64 = (values: number[]) => Float64Array.from(values);

let simd: Kernels;
beforeAll(async () => {
  simd = await loadSimd();
});

describe('the rules', () => {
  it('is 0 for no trades', () => {
    expect(vwapLanewise(f64([]), f64([]))).toBe(0);
  });

  it('is 0 when the total volume is 0, not NaN', () => {
    expect(vwapLanewise(f64([101, 102, 103]), f64([0, 0, 0]))).toBe(0);
  });

  it('is the price of a single trade', () => {
    expect(vwapLanewise(f64([100.25]), f64([300]))).toBe(100.25);
  });

  it('weights prices by volume', () => {
    // (100*1 + 110*3) / 4 = 107.5
    expect(vwapLanewise(f64([100, 110]), f64([1, 3]))).toBe(107.5);
  });

  it('includes the last element of an odd length', () => {
    // (10*1 + 20*1 + 30*2) / 4 = 22.5
    expect(vwapLanewise(f64([10, 20, 30]), f64([1, 1, 2]))).toBe(22.5);
  });

  it('throws a RangeError naming both lengths', () => {
    expect(() => vwapLanewise(f64([1, 2, 3]), f64([1, 2]))).toThrow(RangeError);
    expect(() => vwapLanewise(f64([1, 2, 3]), f64([1, 2]))).toThrow(/3[\s\S]*2/);
  });
});

describe('the lane order', () => {
  // Near 2^53 the gap between doubles is 2, so 2^53 + 1 rounds back to 2^53: the order
  // of additions decides which small terms survive. These inputs make it visible.
  const big = 2 ** 53;

  it('sums even and odd indices in separate lanes', () => {
    const prices = f64([1, 3, 1, 3]);
    const volumes = f64([big, 1, -big, 1]);
    // Lanes: pv0 = big - big = 0, pv1 = 3 + 3 = 6; v0 = 0, v1 = 2; vwap = 6 / 2 = 3.
    // Left to right instead: pv = ((big + 3) - big) + 3 = 7 (big + 3 rounds to big + 4), v = 1.
    expect(vwapLanewise(prices, volumes)).toBe(3);
  });

  it('adds the tail after folding the lanes', () => {
    const prices = f64([1, 1, 1]);
    const volumes = f64([big, 1, -big]);
    // Fold, then tail: (big + 1) - big = big - big = 0 for both sums: zero volume, so 0.
    // Tail into lane 0 before folding: (big - big) + 1 = 1 for both sums: 1 / 1 = 1.
    expect(vwapLanewise(prices, volumes)).toBe(0);
  });
});

describe('against the engine\'s WebAssembly SIMD kernel', () => {
  const trade = fc.record({
    price: fc.double({ min: 1, max: 1e5, noNaN: true }),
    volume: fc.double({ min: 0, max: 1e6, noNaN: true }),
  });

  it('agrees within the reassociation bound on random trades', () => {
    fc.assert(
      fc.property(fc.array(trade, { maxLength: 300 }), (trades) => {
        const prices = f64(trades.map((t) => t.price));
        const volumes = f64(trades.map((t) => t.volume));
        const ours = vwapLanewise(prices, volumes);
        const engine = simd.vwap(prices, volumes);
        // Both are within vwapBound of the exact value, so within twice it of each other.
        const bound = 2 * vwapBound(prices, volumes);
        expect(Math.abs(ours - engine)).toBeLessThanOrEqual(bound);
      }),
      { seed: 61_2026, numRuns: 400 },
    );
  });

  it('agrees on a large array of 100,001 trades', () => {
    const n = 100_001;
    const prices = new Float64Array(n);
    const volumes = new Float64Array(n);
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0; // a small seeded LCG: the same data every run
      prices[i] = 100 + (s % 1000) / 100;
      volumes[i] = 1 + (s >>> 20);
    }
    expect(Math.abs(vwapLanewise(prices, volumes) - simd.vwap(prices, volumes))).toBeLessThanOrEqual(2 * vwapBound(prices, volumes));
  });
});
