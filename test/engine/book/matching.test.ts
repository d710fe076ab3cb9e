import { describe, expect, it } from 'vitest';
import { BUY, OrderBook, SELL } from '../../../engine/book/order-book.ts';
import type { BookEvent } from '../../../engine/book/order-book.ts';

const L = (id: number, side: 'buy' | 'sell', price: number, qty: number) => ({ op: 'limit', id, side, price, qty });
const M = (id: number, side: 'buy' | 'sell', qty: number) => ({ op: 'market', id, side, qty });
const T = (taker: number, maker: number, price: number, qty: number): BookEvent => ({ type: 'trade', taker, maker, price, qty });

function applyAll(book: OrderBook, cmds: unknown[]): BookEvent[] {
  return cmds.flatMap((c) => book.apply(c));
}

describe('order book: matching rules', () => {
  it('rests non-crossing limits and aggregates levels in the snapshot', () => {
    const b = new OrderBook();
    expect(applyAll(b, [L(1, 'buy', 1000, 200), L(2, 'buy', 1000, 50), L(3, 'buy', 999, 10), L(4, 'sell', 1002, 5)])).toEqual([]);
    expect(b.snapshot()).toEqual({ type: 'book', bids: [[1000, 250, 2], [999, 10, 1]], asks: [[1002, 5, 1]] });
    expect(b.bestBid()).toBe(1000);
    expect(b.bestAsk()).toBe(1002);
    expect(b.size).toBe(4);
    expect(b.depth('buy', 1)).toEqual([[1000, 250, 2]]);
    expect(b.levelCount('buy')).toBe(2);
  });

  it('an empty book has no best prices', () => {
    const b = new OrderBook();
    expect(b.bestBid()).toBeUndefined();
    expect(b.bestAsk()).toBeUndefined();
    expect(b.snapshot()).toEqual({ type: 'book', bids: [], asks: [] });
  });

  it('matches the best price first, and at one price the earliest order first', () => {
    const b = new OrderBook();
    applyAll(b, [L(1, 'sell', 1003, 10), L(2, 'sell', 1001, 10), L(3, 'sell', 1001, 10), L(4, 'sell', 1002, 10)]);
    expect(b.apply(L(5, 'buy', 1003, 35))).toEqual([T(5, 2, 1001, 10), T(5, 3, 1001, 10), T(5, 4, 1002, 10), T(5, 1, 1003, 5)]);
    expect(b.snapshot()).toEqual({ type: 'book', bids: [], asks: [[1003, 5, 1]] });
  });

  it('trades at the maker price, not the taker limit', () => {
    const b = new OrderBook();
    applyAll(b, [L(1, 'buy', 1000, 10)]);
    expect(b.apply(L(2, 'sell', 990, 4))).toEqual([T(2, 1, 1000, 4)]);
    expect(b.snapshot().bids).toEqual([[1000, 6, 1]]);
  });

  it('stops at the limit price and rests the remainder at its own price', () => {
    const b = new OrderBook();
    applyAll(b, [L(1, 'sell', 1001, 10), L(2, 'sell', 1002, 10)]);
    expect(b.apply(L(3, 'buy', 1001, 25))).toEqual([T(3, 1, 1001, 10)]);
    expect(b.snapshot()).toEqual({ type: 'book', bids: [[1001, 15, 1]], asks: [[1002, 10, 1]] });
  });

  it('a partially filled maker keeps its place at the front', () => {
    const b = new OrderBook();
    applyAll(b, [L(1, 'sell', 1001, 10), L(2, 'sell', 1001, 10)]);
    expect(b.apply(M(3, 'buy', 4))).toEqual([T(3, 1, 1001, 4)]);
    expect(b.queue('sell', 1001)).toEqual([1, 2]);
    expect(b.apply(M(4, 'buy', 8))).toEqual([T(4, 1, 1001, 6), T(4, 2, 1001, 2)]);
  });

  it('a market order matches at any price and drops the rest', () => {
    const b = new OrderBook();
    applyAll(b, [L(1, 'buy', 1000, 5), L(2, 'buy', 900, 5)]);
    expect(b.apply(M(3, 'sell', 100))).toEqual([T(3, 1, 1000, 5), T(3, 2, 900, 5)]);
    expect(b.snapshot()).toEqual({ type: 'book', bids: [], asks: [] });
    expect(b.apply(M(4, 'buy', 7))).toEqual([]);
    expect(b.snapshot()).toEqual({ type: 'book', bids: [], asks: [] });
  });

  it('cancel removes an order from the middle of a queue, and the level when it empties', () => {
    const b = new OrderBook();
    applyAll(b, [L(1, 'buy', 1000, 1), L(2, 'buy', 1000, 2), L(3, 'buy', 1000, 3), L(4, 'buy', 999, 4)]);
    expect(b.apply({ op: 'cancel', id: 2 })).toEqual([]);
    expect(b.queue('buy', 1000)).toEqual([1, 3]);
    expect(b.snapshot().bids).toEqual([[1000, 4, 2], [999, 4, 1]]);
    applyAll(b, [{ op: 'cancel', id: 1 }, { op: 'cancel', id: 3 }]);
    expect(b.bestBid()).toBe(999);
    expect(b.apply({ op: 'cancel', id: 4 })).toEqual([]);
    expect(b.snapshot()).toEqual({ type: 'book', bids: [], asks: [] });
    expect(b.size).toBe(0);
  });

  it('sweeps many levels and keeps the sorted levels right when they are created out of order', () => {
    const b = new OrderBook({ levels: 16 });
    const prices = [1005, 1001, 1009, 1003, 1007, 1002, 1008, 1004, 1006, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1017, 1018];
    prices.forEach((p, i) => b.apply(L(i + 1, 'sell', p, 1)));
    expect(b.snapshot().asks.map((l) => l[0])).toEqual([...prices].sort((x, y) => x - y));
    b.apply({ op: 'cancel', id: 4 }); // 1003, from the middle
    const ev = b.apply(M(100, 'buy', 100));
    expect(ev.map((e) => (e.type === 'trade' ? e.price : 0))).toEqual([...prices].filter((p) => p !== 1003).sort((x, y) => x - y));
  });

  it('the fast methods report trades to the sink and return 0', () => {
    const trades: number[][] = [];
    const b = new OrderBook({ sink: { trade: (t, m, p, q) => trades.push([t, m, p, q]) } });
    expect(b.limit(1, SELL, 1001, 5)).toBe(0);
    expect(b.limit(2, BUY, 1002, 7)).toBe(0);
    expect(b.market(3, SELL, 1)).toBe(0);
    expect(trades).toEqual([[2, 1, 1001, 5], [3, 2, 1002, 1]]);
    expect(b.order(2)).toEqual({ id: 2, side: 'buy', price: 1002, qty: 1 });
  });

  it('grows past its initial capacities', () => {
    const b = new OrderBook({ orders: 16, levels: 16 });
    for (let i = 1; i <= 5000; i++) b.apply(L(i, 'buy', 1 + (i % 300), 1));
    expect(b.size).toBe(5000);
    expect(b.levelCount('buy')).toBe(300);
    expect(b.bestBid()).toBe(300);
    expect(b.apply(M(6000, 'sell', 5000)).length).toBe(5000);
    expect(b.size).toBe(0);
  });

  it('handles prices and quantities up to 2^53 - 1 and ids beyond the dense range', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const b = new OrderBook();
    expect(b.apply(L(big, 'sell', big, big))).toEqual([]);
    expect(b.apply(L(big - 1, 'buy', big, 1))).toEqual([T(big - 1, big, big, 1)]);
    expect(b.snapshot().asks).toEqual([[big, big - 1, 1]]);
    expect(b.apply(L(big, 'buy', 1, 1))).toEqual([{ type: 'reject', id: big, reason: 'id already used' }]);
  });
});
