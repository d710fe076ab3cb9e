// minMax: exact (no rounding in min/max), so SIMD and scalar must equal Math.min/max
// over the array bit for bit, including -0 below +0; every length 0..100, large ones,
// every byteOffset, in and out of wasm memory.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSimd, scalar } from '../../../engine/simd/kernels.ts';
import { CHUNK } from '../../../engine/simd/kernels-simd.ts';
import { OFFSETS, arrays, label, place, seeded } from './reference.ts';
import type { Sign, Where } from './reference.ts';

const simd = await loadSimd();

function reference(xs: Float64Array): { min: number; max: number } {
  let min = Infinity, max = -Infinity;
  for (const x of xs) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return { min, max };
}

function failures(data: Float64Array): string[] {
  const want = reference(data);
  const out: string[] = [];
  simd.freeAll();
  for (const k of [scalar, simd]) {
    for (const where of ['heap', 'wasm'] as Where[]) {
      for (const offset of OFFSETS) {
        const got = k.minMax(place(simd, where, data, offset));
        if (!Object.is(got.min, want.min) || !Object.is(got.max, want.max)) {
          out.push(`${label(k, where, offset, data.length)}: got ${got.min}..${got.max}, want ${want.min}..${want.max}`);
        }
      }
    }
  }
  return out;
}

describe('minMax', () => {
  for (const sign of ['positive', 'mixed'] as Sign[]) {
    it(`every length 0..100, ${sign} data`, () => {
      for (let n = 0; n <= 100; n++) expect(failures(seeded(n, 6000 + n, sign))).toEqual([]);
    });
    it(`fast-check arrays up to 100 elements, ${sign} data`, () => {
      fc.assert(fc.property(arrays(sign, 100), (d) => { expect(failures(d)).toEqual([]); }), { seed: 99, numRuns: 150 });
    });
  }

  it('large lengths across chunks, extremes planted anywhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2 * CHUNK, max: 4 * CHUNK + 3 }), fc.integer(), fc.nat(), fc.nat(), (n, seed, i, j) => {
        const d = seeded(n, seed, 'mixed');
        d[i % n] = -1e300;
        d[j % n] = 1e300;
        expect(failures(d)).toEqual([]);
      }),
      { seed: 3, numRuns: 6 },
    );
  });

  it('is { min: Infinity, max: -Infinity } for no elements', () => {
    for (const k of [scalar, simd]) expect(k.minMax(new Float64Array(0))).toEqual({ min: Infinity, max: -Infinity });
  });

  it('orders -0 below +0 in every lane position', () => {
    for (let n = 1; n <= 20; n++) {
      for (let at = 0; at < n; at++) {
        const d = new Float64Array(n); // all +0
        d[at] = -0;
        expect(failures(d)).toEqual([]);
        expect(Object.is(simd.minMax(d).min, -0)).toBe(true);
        expect(Object.is(simd.minMax(d).max, n === 1 ? -0 : 0)).toBe(true);
      }
    }
  });
});
