/**
 * Test helpers for the kernels: an EXACT reference (BigInt fixed point, no rounding at
 * all), seeded data, and every placement of an array the kernels must handle.
 *
 * Exactness: every finite double is an integer multiple of 2^-1074, so x * 2^1074 is an
 * integer (a BigInt) and sums of them are exact; a product of two doubles is an integer
 * multiple of 2^-2148. The kernels are then checked against the exact value within
 * reassociationBound / vwapBound (engine/simd/kernels.ts), compared exactly in BigInt too.
 */
import fc from 'fast-check';
import type { Kernels, SimdKernels } from '../../../engine/simd/kernels.ts';
import { mulberry32 as prng } from '../../../engine/shared/random.ts';

/** mulberry32, the engine's seeded PRNG in [0, 1). */
export { prng };

const dv = new DataView(new ArrayBuffer(8));

/** x * 2^1074 as a BigInt, exactly (x finite). */
export function fixed(x: number): bigint {
  if (!Number.isFinite(x)) throw new Error(`fixed: ${x} is not finite`);
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  // normal: (2^52 + m) * 2^(exp - 1075); subnormal: m * 2^-1074
  const v = exp === 0 ? mant : (mant | (1n << 52n)) << BigInt(exp - 1);
  return hi >>> 31 ? -v : v;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** Exact sum, scaled by 2^1074. */
export function exactSum(xs: ArrayLike<number>): bigint {
  let s = 0n;
  for (let i = 0; i < xs.length; i++) s += fixed(xs[i]!);
  return s;
}

/** Exact dot product, scaled by 2^2148. */
export function exactDot(a: ArrayLike<number>, b: ArrayLike<number>): bigint {
  let s = 0n;
  for (let i = 0; i < a.length; i++) s += fixed(a[i]!) * fixed(b[i]!);
  return s;
}

/** Exact notional of one symbol, scaled by 2^2148. */
export function exactNotionalBySymbol(sym: ArrayLike<number>, p: ArrayLike<number>, q: ArrayLike<number>, id: number): bigint {
  let s = 0n;
  for (let i = 0; i < p.length; i++) if (sym[i] === id) s += fixed(p[i]!) * fixed(q[i]!);
  return s;
}

/** |computed - exact| <= bound, where exact is scaled by 2^(1074 * scaleUnits). */
export function withinBound(computed: number, exact: bigint, scaleUnits: 1 | 2, bound: number): boolean {
  if (!Number.isFinite(computed)) return false;
  const shift = scaleUnits === 2 ? 1074n : 0n;
  return abs((fixed(computed) << shift) - exact) <= fixed(bound) << shift;
}

/**
 * |computed - N/D| <= bound for the exact VWAP N/D (N scaled 2^2148, D scaled 2^1074),
 * i.e. |computed * D - N| <= bound * |D|. D must be nonzero.
 */
export function vwapWithinBound(computed: number, num: bigint, den: bigint, bound: number): boolean {
  if (den === 0n) throw new Error('vwapWithinBound: zero denominator');
  if (!Number.isFinite(computed)) return false;
  return abs(fixed(computed) * den - num) <= fixed(bound) * abs(den);
}

/** Sum of |x_i| and of |a_i * b_i| in floating point, as reassociationBound expects. */
export function sumAbs(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.abs(xs[i]!);
  return s;
}
export function sumAbsProducts(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! * b[i]!);
  return s;
}


/** Kinds of data: prices/volumes-like positive values, or both signs across magnitudes. */
export type Sign = 'positive' | 'mixed';

/** n seeded values: positive in [0.01, 10000), or mixed sign with magnitudes 1e-6..1e6. */
export function seeded(n: number, seed: number, sign: Sign): Float64Array {
  const r = prng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = sign === 'positive' ? 0.01 + r() * 9999.99 : (r() < 0.5 ? -1 : 1) * 10 ** (r() * 12 - 6);
  }
  return out;
}

/** fast-check: float64 arrays, positive or mixed sign, finite, up to maxLength long. */
export function arrays(sign: Sign, maxLength: number): fc.Arbitrary<Float64Array> {
  return sign === 'positive'
    ? fc.float64Array({ minLength: 0, maxLength, min: 2 ** -20, max: 1e6, noNaN: true, noDefaultInfinity: true })
    : fc.float64Array({ minLength: 0, maxLength, min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
}

/** Where an array can live: outside wasm memory (copied in) or inside it (zero copy). */
export type Where = 'heap' | 'wasm';

/**
 * A copy of `data` at element offset `offset` (0..7: every byteOffset modulo a 64-byte
 * cache line, so both 16-byte vector alignments), in JS heap memory or in the wasm
 * memory of `k`. The elements around it are poisoned with NaN: reading past either end
 * would show.
 */
export function place(k: SimdKernels, where: Where, data: Float64Array, offset: number): Float64Array {
  const block = where === 'wasm' ? k.alloc(data.length + 8) : new Float64Array(data.length + 8);
  block.fill(NaN);
  const view = block.subarray(offset, offset + data.length);
  view.set(data);
  return view;
}

/** The same for a symbol column; neighbours poisoned with a symbol id the tests use. */
export function placeInt32(k: SimdKernels, where: Where, data: Int32Array, offset: number, poison: number): Int32Array {
  const block = where === 'wasm' ? k.allocInt32(data.length + 8) : new Int32Array(data.length + 8);
  block.fill(poison);
  const view = block.subarray(offset, offset + data.length);
  view.set(data);
  return view;
}

/** The byte offsets tested: every element offset 0..7 within a cache line. */
export const OFFSETS = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/** Label for failure messages. */
export const label = (k: Kernels, where: string, offset: number | string, n: number): string =>
  `${k.kind} kernels, ${where} memory, offset ${offset}, n=${n}`;

/** An approximate decimal of an exact scaled value, for failure messages only. */
export function approx(exact: bigint, scaleUnits: 1 | 2): number {
  const shift = 1074n * BigInt(scaleUnits) - 60n;
  return Number(exact >> shift) * 2 ** -60;
}

