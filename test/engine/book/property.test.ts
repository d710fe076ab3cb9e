/**
 * Differential property test: the reference book against a deliberately simple model
 * book written here (sorted arrays of plain objects, linear scans, its own validation),
 * on thousands of random tapes with bad lines mixed in. Same events, same book.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../engine/book/order-book.ts';
import type { BookEvent, BookSnapshot, LevelView } from '../../../engine/book/order-book.ts';
import { generateTape } from '../../../engine/book/tape-gen.ts';

type O = { id: number; price: number; qty: number };

const okInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;

class ModelBook {
  // Each side in priority order: best price first, then arrival order.
  bids: O[] = [];
  asks: O[] = [];
  used = new Set<number>();

  line(text: string): BookEvent[] {
    if (/^\s*$/.test(text)) return [];
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      return [this.rej(null)];
    }
    return this.apply(v);
  }

  rej(id: unknown): BookEvent {
    return { type: 'reject', id: okInt(id) ? id : null, reason: '' };
  }

  apply(v: unknown): BookEvent[] {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return [this.rej(null)];
    const c = v as Record<string, unknown>;
    if (!['limit', 'market', 'cancel', 'modify'].includes(c.op as string)) return [this.rej(c.id)];
    if (!okInt(c.id)) return [this.rej(null)];
    const id = c.id;
    if (c.op === 'limit' || c.op === 'market') {
      if (c.side !== 'buy' && c.side !== 'sell') return [this.rej(id)];
      if (c.op === 'limit' && !okInt(c.price)) return [this.rej(id)];
      if (!okInt(c.qty)) return [this.rej(id)];
      if (this.used.has(id)) return [this.rej(id)];
      this.used.add(id);
      return this.take(id, c.side, c.op === 'limit' ? (c.price as number) : null, c.qty);
    }
    if (c.op === 'cancel') {
      const found = this.find(id);
      if (!found) return [this.rej(id)];
      found.list.splice(found.i, 1);
      return [];
    }
    if (c.price === undefined && c.qty === undefined) return [this.rej(id)];
    if (c.price !== undefined && !okInt(c.price)) return [this.rej(id)];
    if (c.qty !== undefined && !okInt(c.qty)) return [this.rej(id)];
    const found = this.find(id);
    if (!found) return [this.rej(id)];
    const o = found.list[found.i]!;
    const price = (c.price as number | undefined) ?? o.price;
    const qty = (c.qty as number | undefined) ?? o.qty;
    if (price === o.price && qty <= o.qty) {
      o.qty = qty;
      return [];
    }
    found.list.splice(found.i, 1);
    return this.take(id, found.list === this.bids ? 'buy' : 'sell', price, qty);
  }

  find(id: number): { list: O[]; i: number } | null {
    for (const list of [this.bids, this.asks]) {
      const i = list.findIndex((o) => o.id === id);
      if (i >= 0) return { list, i };
    }
    return null;
  }

  take(id: number, side: 'buy' | 'sell', price: number | null, qty: number): BookEvent[] {
    const out: BookEvent[] = [];
    const other = side === 'buy' ? this.asks : this.bids;
    while (qty > 0 && other.length > 0) {
      const m = other[0]!;
      if (price !== null && (side === 'buy' ? m.price > price : m.price < price)) break;
      const q = Math.min(qty, m.qty);
      out.push({ type: 'trade', taker: id, maker: m.id, price: m.price, qty: q });
      qty -= q;
      m.qty -= q;
      if (m.qty === 0) other.shift();
    }
    if (qty > 0 && price !== null) {
      const own = side === 'buy' ? this.bids : this.asks;
      const better = (p: number) => (side === 'buy' ? p >= price : p <= price);
      let i = 0;
      while (i < own.length && better(own[i]!.price)) i++;
      own.splice(i, 0, { id, price, qty });
    }
    return out;
  }

  snapshot(): BookSnapshot {
    const agg = (list: O[]): LevelView[] => {
      const out: LevelView[] = [];
      for (const o of list) {
        const last = out.at(-1);
        if (last && last[0] === o.price) {
          last[1] += o.qty;
          last[2]++;
        } else out.push([o.price, o.qty, 1]);
      }
      return out;
    };
    return { type: 'book', bids: agg(this.bids), asks: agg(this.asks) };
  }
}

/** Reasons are free text: compare everything else. */
const norm = (es: BookEvent[]) => es.map((e) => (e.type === 'reject' ? { ...e, reason: '' } : e));

const badNum = fc.constantFrom<unknown>(0, -1, 1.5, '5', null, true, 2 ** 53, 1e300, [], {});
const num = (lo: number, hi: number) =>
  fc.oneof({ weight: 20, arbitrary: fc.integer({ min: lo, max: hi }) }, { weight: 1, arbitrary: badNum }, { weight: 1, arbitrary: fc.constant(undefined) });
const command = fc.record({
  op: fc.oneof({ weight: 10, arbitrary: fc.constantFrom('limit', 'limit', 'market', 'cancel', 'modify', 'modify') }, { weight: 1, arbitrary: fc.constantFrom('fill', undefined, 3) }),
  id: num(1, 40),
  side: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('buy', 'sell') }, { weight: 1, arbitrary: fc.constantFrom('BUY', 'hold', undefined, 1) }),
  price: fc.oneof({ weight: 30, arbitrary: num(95, 105) }, { weight: 1, arbitrary: fc.constant(2 ** 53 - 1) }),
  qty: fc.oneof({ weight: 30, arbitrary: num(1, 20) }, { weight: 1, arbitrary: fc.constant(2 ** 53 - 1) }),
});
const line = fc.oneof(
  { weight: 30, arbitrary: command.map((c) => JSON.stringify(c)) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', 'not json', '[1]', 'null', '7', '"x"', '{"op":"limit"') },
);

describe('order book: differential property test against a simple model', () => {
  it('gives the same events and the same book on thousands of random tapes', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), (lines) => {
        const book = new OrderBook({ orders: 16, levels: 16 });
        const model = new ModelBook();
        for (const l of lines) {
          expect(norm(book.applyLine(l))).toEqual(norm(model.line(l)));
          expect(book.snapshot()).toEqual(model.snapshot());
        }
      }),
      { seed: 424242, numRuns: 3000 },
    );
  });

  it('agrees with the model on long generated tapes with bad lines', () => {
    for (const seed of [1, 2, 3, 4]) {
      const book = new OrderBook();
      const model = new ModelBook();
      const lines = generateTape({ seed, count: 20_000, badRate: 0.1, depth: 300 });
      let trades = 0;
      for (const l of lines) {
        const a = norm(book.applyLine(l));
        expect(a).toEqual(norm(model.line(l)));
        trades += a.filter((e) => e.type === 'trade').length;
      }
      expect(book.snapshot()).toEqual(model.snapshot());
      expect(trades).toBeGreaterThan(1000);
    }
  });
});
