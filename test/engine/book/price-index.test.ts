import { describe, expect, it } from 'vitest';
import { PriceIndex } from '../../../engine/book/order-book-price-index.ts';
import { mulberry32 } from '../../../engine/book/tape-gen.ts';

describe('order book: price index (typed-array hash table)', () => {
  it('behaves like a Map under random set/delete churn, with growth, negative and huge keys', () => {
    const rng = mulberry32(99);
    const idx = new PriceIndex(4);
    const ref = new Map<number, number>();
    const keyOf = () => {
      const r = rng();
      const k = r < 0.8 ? 9_990 + Math.floor(rng() * 40) : r < 0.9 ? Number.MAX_SAFE_INTEGER - Math.floor(rng() * 5) : 1 + Math.floor(rng() * 3) * 2 ** 32;
      return rng() < 0.5 ? k : -k;
    };
    for (let i = 0; i < 50_000; i++) {
      const k = keyOf();
      const op = rng();
      if (op < 0.45) {
        const v = Math.floor(rng() * 1000);
        idx.set(k, v);
        ref.set(k, v);
      } else if (op < 0.9) {
        expect(idx.delete(k)).toBe(ref.delete(k));
      } else {
        expect(idx.get(k)).toBe(ref.get(k) ?? -1);
      }
      expect(idx.size).toBe(ref.size);
    }
    for (const [k, v] of ref) expect(idx.get(k)).toBe(v);
    idx.clear();
    expect(idx.size).toBe(0);
    expect(idx.get(10_000)).toBe(-1);
  });
});
