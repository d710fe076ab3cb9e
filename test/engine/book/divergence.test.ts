import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../engine/book/order-book.ts';
import type { BookEvent } from '../../../engine/book/order-book.ts';
import { firstDivergence } from '../../../engine/book/tape.ts';
import { generateTape } from '../../../engine/book/tape-gen.ts';

describe('firstDivergence (differential grading helper)', () => {
  const lines = generateTape({ seed: 21, count: 3000, badRate: 0.1 });

  it('finds no difference between two reference books, even with other reject reasons', () => {
    const candidate = new OrderBook();
    const reworded = {
      applyLine: (l: string): BookEvent[] => candidate.applyLine(l).map((e) => (e.type === 'reject' ? { ...e, reason: 'nope' } : e)),
      snapshot: () => candidate.snapshot(),
    };
    expect(firstDivergence(lines, new OrderBook(), reworded, { snapshotEvery: 100 })).toBeNull();
  });

  it('pinpoints the first line where a subtly wrong book differs', () => {
    // A "student" book that forgets modifies keep priority: it cancels and re-adds.
    const inner = new OrderBook();
    const student = {
      applyLine(l: string): BookEvent[] {
        let v: { op?: string; id?: number; price?: number; qty?: number } | null = null;
        try {
          v = JSON.parse(l);
        } catch {
          /* handled by the inner book */
        }
        const o = v && v.op === 'modify' && typeof v.id === 'number' ? inner.order(v.id) : undefined;
        if (o && v && (v.price ?? o.price) === o.price && (v.qty ?? o.qty) <= o.qty && (v.qty ?? o.qty) > 0) {
          inner.modify(o.id, o.price, o.qty + 1); // loses the place...
          inner.modify(o.id, undefined, v.qty ?? o.qty); // ...then sets the qty
          return [];
        }
        return inner.applyLine(l);
      },
      snapshot: () => inner.snapshot(),
    };
    const d = firstDivergence(lines, new OrderBook(), student);
    expect(d).not.toBeNull();
    expect(d!.what).toBe('events');
    expect(d!.line).toContain('"op"');
  });

  it('reports a wrong final book', () => {
    const ref = new OrderBook();
    const wrong = { applyLine: (l: string) => ref.applyLine(l), snapshot: () => ({ bids: [], asks: [] }) };
    const d = firstDivergence(['{"op":"limit","id":1,"side":"buy","price":5,"qty":1}'], new OrderBook(), wrong);
    expect(d).toMatchObject({ index: 1, what: 'book' });
  });
});
