// vwap: SIMD and scalar against the exact VWAP (exact sums, exact rational quotient),
// within vwapBound; 0 when the total volume is 0, as in the seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSimd, scalar, vwapBound } from '../../../engine/simd/kernels.ts';
import { CHUNK } from '../../../engine/simd/kernels-simd.ts';
import { OFFSETS, arrays, exactDot, exactSum, label, place, seeded, vwapWithinBound } from './reference.ts';
import type { Sign, Where } from './reference.ts';

const simd = await loadSimd();
const PLACEMENTS: [Where, Where][] = [['heap', 'heap'], ['wasm', 'wasm'], ['heap', 'wasm']];

/** Failures of both kernels; `skipped` counts ill-conditioned cases (bound Infinity). */
function failures(p: Float64Array, v: Float64Array): string[] {
  const num = exactDot(p, v);
  const den = exactSum(v);
  const bound = vwapBound(p, v);
  const out: string[] = [];
  simd.freeAll();
  for (const k of [scalar, simd]) {
    for (const [wp, wv] of PLACEMENTS) {
      for (const op of OFFSETS) {
        const ov = (op + 3) % 8;
        const got = k.vwap(place(simd, wp, p, op), place(simd, wv, v, ov));
        const where = label(k, `${wp}/${wv}`, `${op}/${ov}`, p.length);
        if (den === 0n) {
          // Exact total volume 0: the computed one is 0 too unless rounding left a
          // residue (possible only with mixed signs), when no finite bound exists.
          if (bound !== Infinity && !Object.is(got, 0)) out.push(`${where}: zero volume gave ${got}`);
        } else if (bound !== Infinity && !vwapWithinBound(got, num, den, bound)) {
          out.push(`${where}: got ${got}, bound ${bound}`);
        }
      }
    }
  }
  return out;
}

const pairs = (priceSign: Sign, volumeSign: Sign, max: number) =>
  fc.integer({ min: 0, max }).chain((n) =>
    fc.tuple(arrays(priceSign, n), arrays(volumeSign, n)).map(([a, b]) => {
      const m = Math.min(a.length, b.length);
      return [a.subarray(0, m), b.subarray(0, m)] as const;
    }),
  );

describe('vwap', () => {
  for (const [ps, vs] of [['positive', 'positive'], ['mixed', 'positive'], ['mixed', 'mixed']] as [Sign, Sign][]) {
    it(`every length 0..100, ${ps} prices, ${vs} volumes`, () => {
      for (let n = 0; n <= 100; n++) expect(failures(seeded(n, 4000 + n, ps), seeded(n, 5000 + n, vs))).toEqual([]);
    });

    it(`fast-check up to 100 elements, ${ps} prices, ${vs} volumes`, () => {
      fc.assert(
        fc.property(pairs(ps, vs, 100), ([p, v]) => {
          expect(failures(p, v)).toEqual([]);
        }),
        { seed: 31337, numRuns: 100 },
      );
    });
  }

  it('large lengths across copy-in chunks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2 * CHUNK, max: 4 * CHUNK + 9 }), fc.integer(), (n, seed) => {
        expect(failures(seeded(n, seed, 'positive'), seeded(n, seed + 1, 'positive'))).toEqual([]);
      }),
      { seed: 5, numRuns: 4 },
    );
  });

  it('the bound is finite and the check is real for positive volumes', () => {
    const p = seeded(1000, 1, 'positive'), v = seeded(1000, 2, 'positive');
    const bound = vwapBound(p, v);
    expect(bound).toBeGreaterThan(0);
    expect(bound).toBeLessThan(1e-12 * simd.vwap(p, v)); // about 2000 u relative
    const right = simd.vwap(p, v);
    expect(vwapWithinBound(right, exactDot(p, v), exactSum(v), bound)).toBe(true);
    // A VWAP that forgot the last trade is far outside the bound.
    const wrong = simd.vwap(p.subarray(0, 999), v.subarray(0, 999));
    expect(vwapWithinBound(wrong, exactDot(p, v), exactSum(v), bound)).toBe(false);
  });

  it('is 0 when the total volume is 0, as in the seed', () => {
    for (const k of [scalar, simd]) {
      expect(k.vwap(new Float64Array(0), new Float64Array(0))).toBe(0);
      expect(k.vwap(new Float64Array([101.5, 99]), new Float64Array([0, 0]))).toBe(0);
      expect(k.vwap(new Float64Array(17).fill(100), new Float64Array(17))).toBe(0);
      expect(k.vwap(new Float64Array([100, 200, 300]), new Float64Array([5, -5, 0]))).toBe(0);
    }
  });

  it('weights by volume: 100 x 1 and 200 x 3 is 175', () => {
    for (const k of [scalar, simd]) expect(k.vwap(new Float64Array([100, 200]), new Float64Array([1, 3]))).toBe(175);
  });
});
