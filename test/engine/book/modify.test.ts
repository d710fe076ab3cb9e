import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../engine/book/order-book.ts';
import type { BookEvent } from '../../../engine/book/order-book.ts';

const L = (id: number, side: 'buy' | 'sell', price: number, qty: number) => ({ op: 'limit', id, side, price, qty });
const T = (taker: number, maker: number, price: number, qty: number): BookEvent => ({ type: 'trade', taker, maker, price, qty });

function book3(): OrderBook {
  const b = new OrderBook();
  for (const c of [L(1, 'sell', 1001, 10), L(2, 'sell', 1001, 10), L(3, 'sell', 1001, 10)]) b.apply(c);
  return b;
}

describe('order book: modify priority', () => {
  it('a smaller qty at the same price keeps the place in the queue', () => {
    const b = book3();
    expect(b.apply({ op: 'modify', id: 1, qty: 4 })).toEqual([]);
    expect(b.queue('sell', 1001)).toEqual([1, 2, 3]);
    expect(b.snapshot().asks).toEqual([[1001, 24, 3]]);
    expect(b.apply({ op: 'market', id: 9, side: 'buy', qty: 5 })).toEqual([T(9, 1, 1001, 4), T(9, 2, 1001, 1)]);
  });

  it('the same qty and price (or the price alone, unchanged) keeps the place', () => {
    const b = book3();
    expect(b.apply({ op: 'modify', id: 1, qty: 10 })).toEqual([]);
    expect(b.apply({ op: 'modify', id: 1, price: 1001 })).toEqual([]);
    expect(b.apply({ op: 'modify', id: 1, price: 1001, qty: 10 })).toEqual([]);
    expect(b.queue('sell', 1001)).toEqual([1, 2, 3]);
  });

  it('a larger qty loses the place: the order goes to the back', () => {
    const b = book3();
    expect(b.apply({ op: 'modify', id: 1, qty: 11 })).toEqual([]);
    expect(b.queue('sell', 1001)).toEqual([2, 3, 1]);
    expect(b.snapshot().asks).toEqual([[1001, 31, 3]]);
  });

  it('a new price loses the place, even when it comes back to the old price', () => {
    const b = book3();
    b.apply({ op: 'modify', id: 1, price: 1002 });
    expect(b.snapshot().asks).toEqual([[1001, 20, 2], [1002, 10, 1]]);
    b.apply({ op: 'modify', id: 1, price: 1001, qty: 3 });
    expect(b.queue('sell', 1001)).toEqual([2, 3, 1]);
    expect(b.snapshot().asks).toEqual([[1001, 23, 3]]);
  });

  it('a new price that crosses matches at once, as a taker with the same id, and rests the rest', () => {
    const b = book3();
    b.apply(L(4, 'buy', 1000, 6));
    b.apply(L(5, 'buy', 999, 6));
    expect(b.apply({ op: 'modify', id: 2, price: 999 })).toEqual([T(2, 4, 1000, 6), T(2, 5, 999, 4)]);
    expect(b.snapshot()).toEqual({ type: 'book', bids: [[999, 2, 1]], asks: [[1001, 20, 2]] });
    expect(b.order(2)).toBeUndefined();
  });

  it('a crossing modify can rest its remainder on the other side of the old best', () => {
    const b = new OrderBook();
    b.apply(L(1, 'buy', 1000, 5));
    b.apply(L(2, 'sell', 1005, 20));
    expect(b.apply({ op: 'modify', id: 2, price: 1000 })).toEqual([T(2, 1, 1000, 5)]);
    expect(b.snapshot()).toEqual({ type: 'book', bids: [], asks: [[1000, 15, 1]] });
    expect(b.order(2)).toEqual({ id: 2, side: 'sell', price: 1000, qty: 15 });
  });

  it('a modified order can be modified and cancelled again under its id', () => {
    const b = book3();
    b.apply({ op: 'modify', id: 2, price: 1003, qty: 50 });
    expect(b.apply({ op: 'modify', id: 2, qty: 1 })).toEqual([]);
    expect(b.apply({ op: 'cancel', id: 2 })).toEqual([]);
    expect(b.snapshot().asks).toEqual([[1001, 20, 2]]);
  });

  it('modify of a fully filled order is rejected', () => {
    const b = book3();
    b.apply({ op: 'market', id: 9, side: 'buy', qty: 10 });
    expect(b.apply({ op: 'modify', id: 1, qty: 1 })).toEqual([{ type: 'reject', id: 1, reason: 'unknown order' }]);
  });
});
