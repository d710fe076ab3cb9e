// Mismatched column lengths are a RangeError naming both lengths, in every two-column
// kernel and for trade tables, SIMD and scalar, whatever memory the arrays live in.
import { describe, expect, it } from 'vitest';
import { loadSimd, scalar } from '../../../engine/simd/kernels.ts';

const simd = await loadSimd();

describe('mismatched lengths', () => {
  for (const k of [scalar, simd]) {
    for (const where of ['heap', 'wasm'] as const) {
      const mk = (n: number) => (where === 'wasm' ? simd.alloc(n) : new Float64Array(n));
      it(`${k.kind} kernels, ${where} memory: RangeError naming both lengths`, () => {
        const a = mk(5), b = mk(4);
        expect(() => k.dot(a, b)).toThrow(RangeError);
        expect(() => k.dot(a, b)).toThrow(/dot: a has length 5 but b has length 4/);
        expect(() => k.notional(a, b)).toThrow(/notional: prices has length 5 but quantities has length 4/);
        expect(() => k.vwap(b, a)).toThrow(/vwap: prices has length 4 but volumes has length 5/);
        expect(() => k.vwap(mk(0), mk(1))).toThrow(/length 0 .*length 1/);
        const symbol = new Int32Array(5);
        expect(() => k.notionalBySymbol({ symbol, price: a, qty: b }, 0)).toThrow(/table\.price has length 5 but table\.qty has length 4/);
        expect(() => k.notionalBySymbol({ symbol: new Int32Array(3), price: a, qty: mk(5) }, 0)).toThrow(
          /table\.symbol has length 3 but table\.price has length 5/,
        );
        // Equal lengths are fine, including 0.
        expect(k.dot(mk(0), mk(0))).toBe(0);
      });
    }
  }
});
