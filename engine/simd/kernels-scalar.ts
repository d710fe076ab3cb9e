/**
 * The scalar kernels: plain TypeScript over Float64Array, written to be fast without SIMD.
 *
 * The trick is the same as in the SIMD version, minus the lanes: four independent
 * accumulators. A loop `s += x[i]` is a chain where each addition waits for the last
 * (about 4 cycles of latency), while the core could start about 2 additions per cycle;
 * four chains let four additions overlap. The price is a different order of additions
 * than left to right, hence results that differ by rounding (see reassociationBound in
 * kernels.ts). Each loop handles 4 elements a turn, then the 0 to 3 left over.
 */
import type { Kernels, MinMax, TradeTable } from './kernels-types.ts';

/** Throws a RangeError naming both lengths when two columns differ in length. */
export function checkSameLength(kernel: string, nameA: string, a: ArrayLike<number>, nameB: string, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new RangeError(`${kernel}: ${nameA} has length ${a.length} but ${nameB} has length ${b.length}`);
  }
}

/** Throws a RangeError unless the trade table's three columns have one length. */
export function checkTable(kernel: string, table: TradeTable): void {
  checkSameLength(kernel, 'table.price', table.price, 'table.qty', table.qty);
  checkSameLength(kernel, 'table.symbol', table.symbol, 'table.price', table.price);
}

/**
 * The 32-bit pattern a symbol column holds for `symbolId`, or null when the column's
 * type cannot hold that value (so no row can match).
 */
export function symbolBits(column: Int32Array | Uint32Array, symbolId: number): number | null {
  if (!Number.isInteger(symbolId)) return null;
  if (column instanceof Uint32Array) return symbolId >= 0 && symbolId <= 0xffffffff ? symbolId | 0 : null;
  return symbolId >= -0x80000000 && symbolId <= 0x7fffffff ? symbolId : null;
}

/** x[0] + ... + x[n-1], four accumulators. */
export function sum(values: Float64Array): number {
  const n = values.length;
  const n4 = n - (n & 3);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i < n4; i += 4) {
    s0 += values[i]!;
    s1 += values[i + 1]!;
    s2 += values[i + 2]!;
    s3 += values[i + 3]!;
  }
  for (; i < n; i++) s0 += values[i]!;
  return (s0 + s1) + (s2 + s3);
}

/** a[0]*b[0] + ... + a[n-1]*b[n-1], four accumulators; RangeError on unequal lengths. */
export function dot(a: Float64Array, b: Float64Array): number {
  checkSameLength('dot', 'a', a, 'b', b);
  return dotUnchecked(a, b);
}

function dotUnchecked(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const n4 = n - (n & 3);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i < n4; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]! * b[i]!;
  return (s0 + s1) + (s2 + s3);
}

/** Notional: the sum of price * quantity; RangeError on unequal lengths. */
export function notional(prices: Float64Array, quantities: Float64Array): number {
  checkSameLength('notional', 'prices', prices, 'quantities', quantities);
  return dotUnchecked(prices, quantities);
}

/**
 * Volume-weighted average price, sum(p*v) / sum(v), and 0 when sum(v) is 0 (no
 * volume, no price). One pass, two sums, two accumulators each.
 */
export function vwap(prices: Float64Array, volumes: Float64Array): number {
  checkSameLength('vwap', 'prices', prices, 'volumes', volumes);
  const n = prices.length;
  const n2 = n - (n & 1);
  let pv0 = 0, pv1 = 0, v0 = 0, v1 = 0;
  let i = 0;
  for (; i < n2; i += 2) {
    const a = volumes[i]!, b = volumes[i + 1]!;
    pv0 += prices[i]! * a;
    pv1 += prices[i + 1]! * b;
    v0 += a;
    v1 += b;
  }
  if (i < n) {
    const a = volumes[i]!;
    pv0 += prices[i]! * a;
    v0 += a;
  }
  const volume = v0 + v1;
  return volume === 0 ? 0 : (pv0 + pv1) / volume;
}

/**
 * Smallest and largest element. Math.min/max (not `<`) so that NaN propagates and -0 is
 * below +0, exactly like wasm's f64.min/max: min/max are exact, so both implementations
 * return identical results. `{ min: Infinity, max: -Infinity }` for an empty array.
 */
export function minMax(values: Float64Array): MinMax {
  const n = values.length;
  const n2 = n - (n & 1);
  let lo0 = Infinity, lo1 = Infinity, hi0 = -Infinity, hi1 = -Infinity;
  let i = 0;
  for (; i < n2; i += 2) {
    const a = values[i]!, b = values[i + 1]!;
    lo0 = Math.min(lo0, a);
    lo1 = Math.min(lo1, b);
    hi0 = Math.max(hi0, a);
    hi1 = Math.max(hi1, b);
  }
  if (i < n) {
    lo0 = Math.min(lo0, values[i]!);
    hi0 = Math.max(hi0, values[i]!);
  }
  return { min: Math.min(lo0, lo1), max: Math.max(hi0, hi1) };
}

/**
 * The notional of one symbol: sum of price * qty over rows whose symbol is `symbolId`
 * (the seed's "total notional for AAPL", over a struct-of-arrays table). Branch-free
 * select, so random symbol order costs no mispredictions; a non-matching row adds 0.
 */
export function notionalBySymbol(table: TradeTable, symbolId: number): number {
  checkTable('notionalBySymbol', table);
  if (symbolBits(table.symbol, symbolId) === null) return 0;
  const { symbol, price, qty } = table;
  const n = price.length;
  const n2 = n - (n & 1);
  let s0 = 0, s1 = 0;
  let i = 0;
  for (; i < n2; i += 2) {
    s0 += symbol[i] === symbolId ? price[i]! * qty[i]! : 0;
    s1 += symbol[i + 1] === symbolId ? price[i + 1]! * qty[i + 1]! : 0;
  }
  if (i < n && symbol[i] === symbolId) s0 += price[i]! * qty[i]!;
  return s0 + s1;
}

/** The scalar kernels as a {@link Kernels} object (alloc gives ordinary arrays). */
export const scalarKernels: Kernels = {
  kind: 'scalar',
  description: 'scalar TypeScript',
  sum,
  dot,
  vwap,
  notional,
  minMax,
  notionalBySymbol,
  alloc: (length) => new Float64Array(length),
  allocInt32: (length) => new Int32Array(length),
  freeAll: () => {},
};
