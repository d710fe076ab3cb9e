// The error bounds the kernel tests (and the exercises) rely on: reassociationBound
// holds for any order of additions, including adversarial cancelling data where the
// orders really do disagree, and it is tight enough to catch a dropped element;
// vwapBound is finite for positive volumes and gives up (Infinity) when they cancel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNIT_ROUNDOFF, reassociationBound, vwapBound } from '../../../engine/simd/kernels.ts';
import { exactSum, prng, sumAbs, withinBound } from './reference.ts';

/** The orders of addition the kernels use, and some they do not. */
const ORDERS: Record<string, (x: Float64Array) => number> = {
  leftToRight: (x) => x.reduce((s, v) => s + v, 0),
  rightToLeft: (x) => x.reduceRight((s, v) => s + v, 0),
  pairwise: function pw(x: Float64Array): number {
    return x.length <= 2 ? x.reduce((s, v) => s + v, 0) : pw(x.subarray(0, x.length >> 1)) + pw(x.subarray(x.length >> 1));
  },
  sixteenLanes: (x) => {
    const acc = new Float64Array(16);
    for (let i = 0; i < x.length; i++) acc[i % 16] = acc[i % 16]! + x[i]!;
    return acc.reduce((s, v) => s + v, 0);
  },
};

/** Cancelling data: big values of both signs that nearly cancel, plus small ones. */
function cancelling(n: number, seed: number): Float64Array {
  const r = prng(seed);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = r() < 0.3 ? (r() < 0.5 ? -1 : 1) * 1e15 * (1 + r()) : r() * 100 - 50;
  return x;
}

describe('reassociationBound', () => {
  it('holds for every order on cancelling data, where orders give different answers', () => {
    let disagreements = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer(), (n, seed) => {
        const x = cancelling(n, seed);
        const exact = exactSum(x);
        const bound = reassociationBound(n, sumAbs(x));
        const results = Object.values(ORDERS).map((f) => f(x));
        if (new Set(results).size > 1) disagreements++;
        for (const got of results) expect(withinBound(got, exact, 1, bound)).toBe(true);
      }),
      { seed: 17, numRuns: 200 },
    );
    expect(disagreements).toBeGreaterThan(50); // the data really exercises rounding
  });

  it('catches a sum that dropped one ordinary element', () => {
    const r = prng(4);
    const x = new Float64Array(10_000).map(() => 1 + r());
    const bound = reassociationBound(x.length, sumAbs(x));
    expect(bound / x.length).toBeLessThan(1e-11); // relative to a typical element
    const dropped = ORDERS.leftToRight!(x.subarray(1));
    expect(withinBound(dropped, exactSum(x), 1, bound)).toBe(false);
  });

  it('is gamma(2n) * sumAbs plus the underflow term, 0 for no terms', () => {
    expect(reassociationBound(0, 123)).toBe(0);
    const n = 1000;
    const g = (2 * n * UNIT_ROUNDOFF) / (1 - 2 * n * UNIT_ROUNDOFF);
    expect(reassociationBound(n, 1)).toBe(g + n * 2 ** -1074);
    expect(reassociationBound(2 * n, 1)).toBeGreaterThan(reassociationBound(n, 1));
  });
});

describe('vwapBound', () => {
  it('is finite and small for positive volumes, Infinity when volumes cancel', () => {
    const p = Float64Array.from([100, 101, 99]);
    expect(vwapBound(p, Float64Array.from([1, 2, 3]))).toBeLessThan(1e-12);
    expect(vwapBound(p, Float64Array.from([1, -1, 0]))).toBe(Infinity);
    expect(vwapBound(p, Float64Array.from([1e17, -1e17, 1]))).toBe(Infinity); // 1 lost in rounding
    expect(vwapBound(new Float64Array(0), new Float64Array(0))).toBe(0);
  });
});
