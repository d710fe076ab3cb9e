// sum: SIMD and scalar kernels against the exact sum, within reassociationBound, for
// every length 0..100, large lengths across copy-in chunks, every byteOffset modulo a
// cache line, in and out of wasm memory, positive and mixed-sign data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSimd, reassociationBound, scalar } from '../../../engine/simd/kernels.ts';
import { CHUNK } from '../../../engine/simd/kernels-simd.ts';
import { OFFSETS, approx, arrays, exactSum, label, place, seeded, sumAbs, withinBound } from './reference.ts';
import type { Sign, Where } from './reference.ts';

const simd = await loadSimd();

/** Checks both kernels on `data` in every placement; returns the failures. */
function failures(data: Float64Array): string[] {
  const exact = exactSum(data);
  // Any order of additions is within gamma(n) * sum|x|: see reassociationBound's proof.
  const bound = reassociationBound(data.length, sumAbs(data));
  const out: string[] = [];
  simd.freeAll();
  for (const k of [scalar, simd]) {
    for (const where of ['heap', 'wasm'] as Where[]) {
      for (const offset of OFFSETS) {
        const got = k.sum(place(simd, where, data, offset));
        if (!withinBound(got, exact, 1, bound)) {
          out.push(`${label(k, where, offset, data.length)}: got ${got}, exact ~${approx(exact, 1)}, bound ${bound}`);
        }
      }
    }
  }
  return out;
}

describe('sum', () => {
  for (const sign of ['positive', 'mixed'] as Sign[]) {
    it(`every length 0..100, ${sign} data`, () => {
      for (let n = 0; n <= 100; n++) expect(failures(seeded(n, 1000 + n, sign))).toEqual([]);
    });

    it(`fast-check arrays up to 100 elements, ${sign} data`, () => {
      fc.assert(
        fc.property(arrays(sign, 100), (data) => {
          expect(failures(data)).toEqual([]);
        }),
        { seed: 20261125, numRuns: 150 },
      );
    });

    it(`large lengths across copy-in chunks, ${sign} data`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 2 * CHUNK, max: 5 * CHUNK + 17 }), fc.integer(), (n, seed) => {
          expect(failures(seeded(n, seed, sign))).toEqual([]);
        }),
        { seed: 7, numRuns: 6 },
      );
    });
  }

  it('is exact where every partial sum is exact (integers), so the bound is not the only check', () => {
    const data = new Float64Array(1001).map((_, i) => (i % 2 ? -i : i * 3));
    const want = data.reduce((s, x) => s + x, 0);
    expect(simd.sum(data)).toBe(want);
    expect(scalar.sum(data)).toBe(want);
    expect(simd.sum(new Float64Array(0))).toBe(0);
  });
});
