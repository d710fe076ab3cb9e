// notionalBySymbol: the notional of one symbol over a struct-of-arrays trade table, SIMD
// and scalar, against the exact filtered sum of products within reassociationBound;
// Int32Array and Uint32Array symbol columns; rows of other symbols never count, even
// NaN ones; symbol ids the column cannot hold match nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSimd, reassociationBound, scalar } from '../../../engine/simd/kernels.ts';
import type { TradeTable } from '../../../engine/simd/kernels.ts';
import { CHUNK } from '../../../engine/simd/kernels-simd.ts';
import { approx, exactNotionalBySymbol, label, place, placeInt32, prng, seeded, withinBound } from './reference.ts';
import type { Where } from './reference.ts';

const simd = await loadSimd();
const SYMBOLS = 5;

function table(n: number, seed: number): { symbol: Int32Array; price: Float64Array; qty: Float64Array } {
  const r = prng(seed);
  const symbol = new Int32Array(n).map(() => Math.floor(r() * SYMBOLS));
  return { symbol, price: seeded(n, seed + 1, 'mixed'), qty: seeded(n, seed + 2, 'positive') };
}

function failures(t: { symbol: Int32Array; price: Float64Array; qty: Float64Array }, id: number): string[] {
  const exact = exactNotionalBySymbol(t.symbol, t.price, t.qty, id);
  let absSum = 0;
  for (let i = 0; i < t.price.length; i++) if (t.symbol[i] === id) absSum += Math.abs(t.price[i]! * t.qty[i]!);
  const bound = reassociationBound(t.price.length, absSum);
  const out: string[] = [];
  simd.freeAll();
  for (const k of [scalar, simd]) {
    for (const where of ['heap', 'wasm'] as Where[]) {
      for (const offset of [0, 1, 2, 3, 4, 5, 6, 7]) {
        // Neighbouring rows carry the very symbol looked for, with NaN prices: reading
        // one row too many would show.
        const tt: TradeTable = {
          symbol: placeInt32(simd, where, t.symbol, (offset * 3) % 8, id),
          price: place(simd, where, t.price, offset),
          qty: place(simd, where, t.qty, 7 - offset),
        };
        const got = k.notionalBySymbol(tt, id);
        if (!withinBound(got, exact, 2, bound)) {
          out.push(`${label(k, where, offset, t.price.length)} id ${id}: got ${got}, exact ~${approx(exact, 2)}, bound ${bound}`);
        }
        const unsigned = k.notionalBySymbol({ ...tt, symbol: new Uint32Array(tt.symbol.buffer, tt.symbol.byteOffset, tt.symbol.length) }, id);
        if (!Object.is(unsigned, got)) out.push(`${label(k, where, offset, t.price.length)}: Uint32Array column gave ${unsigned}, Int32Array ${got}`);
      }
    }
  }
  return out;
}

describe('notionalBySymbol', () => {
  it('every length 0..100, every symbol', () => {
    for (let n = 0; n <= 100; n++) {
      const t = table(n, 7000 + n);
      for (let id = 0; id < SYMBOLS; id++) expect(failures(t, id)).toEqual([]);
    }
  });

  it('fast-check tables up to 100 rows', () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 100 }), fc.integer({ min: 0, max: 3 }), (rows, id) => {
        const t = {
          symbol: Int32Array.from(rows, (r) => r[0]),
          price: Float64Array.from(rows, (r) => r[1]),
          qty: Float64Array.from(rows, (r) => r[2]),
        };
        expect(failures(t, id)).toEqual([]);
      }),
      { seed: 8, numRuns: 120 },
    );
  });

  it('large tables across copy-in chunks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2 * CHUNK, max: 3 * CHUNK + 5 }), fc.integer(), (n, seed) => {
        expect(failures(table(n, seed), 2)).toEqual([]);
      }),
      { seed: 12, numRuns: 3 },
    );
  });

  it('ignores other symbols entirely (NaN and Infinity there do not leak in)', () => {
    const symbol = Int32Array.from([1, 2, 1, 2, 1, 2, 1]);
    const price = Float64Array.from([10, NaN, 20, Infinity, 30, -Infinity, 40]);
    const qty = Float64Array.from([1, 1, 2, 1, 3, 1, 4]);
    for (const k of [scalar, simd]) {
      expect(k.notionalBySymbol({ symbol, price, qty }, 1)).toBe(10 + 40 + 90 + 160);
      expect(k.notionalBySymbol({ symbol, price, qty }, 2)).toBeNaN();
      expect(k.notionalBySymbol({ symbol, price, qty }, 3)).toBe(0);
    }
  });

  it('matches negative ids and large unsigned ids by value, and nothing it cannot hold', () => {
    const price = Float64Array.from([1, 2, 3]);
    const qty = Float64Array.from([1, 1, 1]);
    const signed = Int32Array.from([-1, 5, -1]);
    const unsigned = Uint32Array.from([0xffffffff, 5, 0xffffffff]);
    for (const k of [scalar, simd]) {
      expect(k.notionalBySymbol({ symbol: signed, price, qty }, -1)).toBe(4);
      expect(k.notionalBySymbol({ symbol: signed, price, qty }, 0xffffffff)).toBe(0); // not an int32 value
      expect(k.notionalBySymbol({ symbol: unsigned, price, qty }, 0xffffffff)).toBe(4);
      expect(k.notionalBySymbol({ symbol: unsigned, price, qty }, -1)).toBe(0); // not a uint32 value
      expect(k.notionalBySymbol({ symbol: signed, price, qty }, 5.5)).toBe(0);
    }
  });
});
