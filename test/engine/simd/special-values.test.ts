// NaN and infinities propagate as IEEE 754 says, in every kernel, SIMD and scalar, at
// every position (main loop, lanes, pair loop, odd tail, any chunk): the result has the
// class (NaN, +Infinity, -Infinity or finite) of a plain left-to-right loop. The finite
// values are small, so no partial sum overflows and the class cannot depend on order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSimd, scalar } from '../../../engine/simd/kernels.ts';
import type { Kernels } from '../../../engine/simd/kernels.ts';
import { CHUNK } from '../../../engine/simd/kernels-simd.ts';
import { place, seeded } from './reference.ts';
import type { Where } from './reference.ts';

const simd = await loadSimd();
const SPECIAL = [NaN, Infinity, -Infinity] as const;

const cls = (x: number): string => (Number.isNaN(x) ? 'NaN' : x === Infinity ? '+Inf' : x === -Infinity ? '-Inf' : 'finite');

function plain(p: Float64Array, v: Float64Array) {
  let s = 0, d = 0, pv = 0, vol = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < p.length; i++) {
    s += p[i]!;
    d += p[i]! * v[i]!;
    pv += p[i]! * v[i]!;
    vol += v[i]!;
    min = Math.min(min, p[i]!);
    max = Math.max(max, p[i]!);
  }
  return { sum: s, dot: d, vwap: vol === 0 ? 0 : pv / vol, min, max };
}

function results(k: Kernels, p: Float64Array, v: Float64Array) {
  const mm = k.minMax(p);
  return { sum: k.sum(p), dot: k.dot(p, v), vwap: k.vwap(p, v), min: mm.min, max: mm.max };
}

/** Specials planted in prices and volumes at the given positions. */
const planted = fc.integer({ min: 1, max: 70 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    seed: fc.integer(),
    inPrices: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.constantFrom(...SPECIAL)), { maxLength: 3 }),
    inVolumes: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.constantFrom(...SPECIAL, 0)), { maxLength: 2 }),
  }),
);

function check(p: Float64Array, v: Float64Array): string[] {
  const want = plain(p, v);
  const out: string[] = [];
  simd.freeAll();
  for (const k of [scalar, simd]) {
    for (const where of ['heap', 'wasm'] as Where[]) {
      for (const offset of [0, 1]) {
        const got = results(k, place(simd, where, p, offset), place(simd, where, v, offset));
        for (const key of ['sum', 'dot', 'vwap', 'min', 'max'] as const) {
          const expected = key === 'min' || key === 'max' ? String(want[key]) : cls(want[key]);
          const actual = key === 'min' || key === 'max' ? String(got[key]) : cls(got[key]);
          if (actual !== expected) out.push(`${k.kind} ${where}+${offset} n=${p.length} ${key}: ${actual}, want ${expected}`);
        }
      }
    }
  }
  return out;
}

describe('NaN and infinities', () => {
  it('propagate from any position (fast-check plants them)', () => {
    fc.assert(
      fc.property(planted, ({ n, seed, inPrices, inVolumes }) => {
        const p = seeded(n, seed, 'mixed');
        const v = seeded(n, seed + 1, 'positive');
        for (const [i, x] of inPrices) p[i] = x;
        for (const [i, x] of inVolumes) v[i] = x;
        expect(check(p, v)).toEqual([]);
      }),
      { seed: 2026, numRuns: 300 },
    );
  });

  it('propagate from every position of a 37-element array, and across chunks', () => {
    for (const x of SPECIAL) {
      for (let i = 0; i < 37; i++) {
        const p = seeded(37, i, 'mixed'), v = seeded(37, i + 100, 'positive');
        p[i] = x;
        expect(check(p, v)).toEqual([]);
      }
      const n = 2 * CHUNK + 3;
      for (const i of [0, CHUNK - 1, CHUNK, 2 * CHUNK + 2]) {
        const p = seeded(n, i, 'positive'), v = seeded(n, i + 1, 'positive');
        p[i] = x;
        expect(check(p, v)).toEqual([]);
      }
    }
  });

  it('follow IEEE: Infinity - Infinity and 0 * Infinity are NaN', () => {
    for (const k of [scalar, simd]) {
      expect(k.sum(Float64Array.from([1, Infinity, 2, -Infinity, 3]))).toBeNaN();
      expect(k.sum(Float64Array.from([1, Infinity, 2, Infinity, 3]))).toBe(Infinity);
      expect(k.dot(Float64Array.from([0, 1, 2]), Float64Array.from([Infinity, 1, 1]))).toBeNaN();
      expect(k.dot(Float64Array.from([-2, 1, 2]), Float64Array.from([Infinity, 1, 1]))).toBe(-Infinity);
      expect(k.vwap(Float64Array.from([100, 101]), Float64Array.from([Infinity, 1]))).toBeNaN(); // Inf / Inf
      expect(k.minMax(Float64Array.from([1, NaN, 3]))).toEqual({ min: NaN, max: NaN });
      expect(k.minMax(Float64Array.from([1, -Infinity, Infinity]))).toEqual({ min: -Infinity, max: Infinity });
    }
  });
});
