// dot and notional: SIMD and scalar against the exact sum of products, within
// reassociationBound(n, sum|a_i b_i|), every length 0..100 and large ones, the two
// columns at independent byteOffsets (so their 16-byte alignments differ), in and out of
// wasm memory and one of each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSimd, reassociationBound, scalar } from '../../../engine/simd/kernels.ts';
import { CHUNK } from '../../../engine/simd/kernels-simd.ts';
import { OFFSETS, approx, arrays, exactDot, label, place, seeded, sumAbsProducts, withinBound } from './reference.ts';
import type { Sign, Where } from './reference.ts';

const simd = await loadSimd();
const PLACEMENTS: [Where, Where][] = [['heap', 'heap'], ['wasm', 'wasm'], ['wasm', 'heap'], ['heap', 'wasm']];

function failures(a: Float64Array, b: Float64Array): string[] {
  const exact = exactDot(a, b);
  // One rounded product per term, then any order of additions: gamma(n) * sum|a_i b_i|.
  const bound = reassociationBound(a.length, sumAbsProducts(a, b));
  const out: string[] = [];
  simd.freeAll();
  for (const k of [scalar, simd]) {
    for (const [wa, wb] of PLACEMENTS) {
      for (const oa of OFFSETS) {
        const ob = 7 - oa; // relative misalignment too
        const va = place(simd, wa, a, oa), vb = place(simd, wb, b, ob);
        for (const [name, got] of [['dot', k.dot(va, vb)], ['notional', k.notional(va, vb)]] as const) {
          if (!withinBound(got, exact, 2, bound)) {
            out.push(`${name}: ${label(k, `${wa}/${wb}`, `${oa}/${ob}`, a.length)}: got ${got}, exact ~${approx(exact, 2)}, bound ${bound}`);
          }
        }
      }
    }
  }
  return out;
}

const pairs = (sign: Sign, max: number) =>
  fc.integer({ min: 0, max }).chain((n) =>
    fc.tuple(arrays(sign, n), arrays(sign, n)).map(([a, b]) => {
      const m = Math.min(a.length, b.length);
      return [a.subarray(0, m), b.subarray(0, m)] as const;
    }),
  );

describe('dot and notional', () => {
  for (const sign of ['positive', 'mixed'] as Sign[]) {
    it(`every length 0..100, ${sign} data`, () => {
      for (let n = 0; n <= 100; n++) expect(failures(seeded(n, 2000 + n, sign), seeded(n, 3000 + n, sign))).toEqual([]);
    });

    it(`fast-check pairs up to 100 elements, ${sign} data`, () => {
      fc.assert(
        fc.property(pairs(sign, 100), ([a, b]) => {
          expect(failures(a, b)).toEqual([]);
        }),
        { seed: 424242, numRuns: 120 },
      );
    });

    it(`large lengths across copy-in chunks, ${sign} data`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 2 * CHUNK, max: 4 * CHUNK + 13 }), fc.integer(), (n, seed) => {
          expect(failures(seeded(n, seed, sign), seeded(n, seed + 1, sign))).toEqual([]);
        }),
        { seed: 11, numRuns: 4 },
      );
    });
  }

  it('is exact on small integers (every product and partial sum representable)', () => {
    const a = new Float64Array(333).map((_, i) => i - 100);
    const b = new Float64Array(333).map((_, i) => (i % 7) - 3);
    let want = 0;
    for (let i = 0; i < a.length; i++) want += a[i]! * b[i]!;
    expect(simd.dot(a, b)).toBe(want);
    expect(simd.notional(a, b)).toBe(want);
    expect(scalar.dot(a, b)).toBe(want);
  });
});
