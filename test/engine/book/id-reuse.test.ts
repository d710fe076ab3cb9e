import { describe, expect, it } from 'vitest';
import { OrderBook, RejectCode, BUY } from '../../../engine/book/order-book.ts';

const L = (id: number, side: 'buy' | 'sell', price: number, qty: number) => ({ op: 'limit', id, side, price, qty });
const reused = (id: number) => [{ type: 'reject', id, reason: 'id already used' }];

describe('order book: id reuse', () => {
  it('rejects the id of a resting order', () => {
    const b = new OrderBook();
    b.apply(L(1, 'buy', 1000, 5));
    expect(b.apply(L(1, 'sell', 1100, 5))).toEqual(reused(1));
    expect(b.apply({ op: 'market', id: 1, side: 'sell', qty: 5 })).toEqual(reused(1));
    expect(b.snapshot()).toEqual({ type: 'book', bids: [[1000, 5, 1]], asks: [] });
  });

  it('rejects the id of a filled order, of a cancelled order, and of a market order', () => {
    const b = new OrderBook();
    b.apply(L(1, 'buy', 1000, 5));
    b.apply(L(2, 'buy', 1000, 5));
    b.apply({ op: 'market', id: 3, side: 'sell', qty: 5 }); // fills 1
    b.apply({ op: 'cancel', id: 2 });
    b.apply({ op: 'market', id: 4, side: 'sell', qty: 5 }); // empty book: nothing, but accepted
    for (const id of [1, 2, 3, 4]) expect(b.apply(L(id, 'sell', 2000, 1))).toEqual(reused(id));
    expect(b.snapshot()).toEqual({ type: 'book', bids: [], asks: [] });
    expect(b.isUsed(4)).toBe(true);
    expect(b.isUsed(5)).toBe(false);
  });

  it('a rejected command does not consume its id', () => {
    const b = new OrderBook();
    expect(b.apply({ op: 'limit', id: 7, side: 'hold', price: 1000, qty: 5 })[0]?.type).toBe('reject');
    expect(b.apply({ op: 'limit', id: 7, side: 'buy', price: 0, qty: 5 })[0]?.type).toBe('reject');
    expect(b.apply(L(7, 'buy', 1000, 5))).toEqual([]);
    expect(b.size).toBe(1);
  });

  it('a modify keeps the id (it is not a reuse) and the fast API reports DUPLICATE_ID', () => {
    const b = new OrderBook();
    b.apply(L(1, 'buy', 1000, 5));
    expect(b.apply({ op: 'modify', id: 1, price: 1001 })).toEqual([]);
    expect(b.limit(1, BUY, 1000, 1)).toBe(RejectCode.DUPLICATE_ID);
  });

  it('tracks reuse for ids far beyond the dense id table', () => {
    const b = new OrderBook();
    const id = 2 ** 40;
    expect(b.apply(L(id, 'buy', 1000, 5))).toEqual([]);
    expect(b.apply({ op: 'cancel', id })).toEqual([]);
    expect(b.apply(L(id, 'buy', 1000, 5))).toEqual(reused(id));
    expect(b.apply(L(5_000_000, 'buy', 1000, 5))).toEqual([]);
    expect(b.apply(L(5_000_000, 'buy', 1000, 5))).toEqual(reused(5_000_000));
  });
});
