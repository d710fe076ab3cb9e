import { describe, expect, it } from 'vitest';
import { OrderBook, RejectCode, BUY, SELL } from '../../../engine/book/order-book.ts';
import { parseTapeLine, replayTape } from '../../../engine/book/tape.ts';

/** A book with two bids and an ask, a filled id (3), a cancelled id (4) and a market id (5). */
function base(): OrderBook {
  const b = new OrderBook();
  for (const line of [
    '{"op":"limit","id":1,"side":"buy","price":1000,"qty":9}',
    '{"op":"limit","id":6,"side":"buy","price":999,"qty":1}',
    '{"op":"limit","id":2,"side":"sell","price":1002,"qty":10}',
    '{"op":"limit","id":3,"side":"sell","price":1001,"qty":1}',
    '{"op":"market","id":5,"side":"buy","qty":1}', // fills 3
    '{"op":"limit","id":4,"side":"buy","price":998,"qty":1}',
    '{"op":"cancel","id":4}',
  ]) {
    expect(b.applyLine(line).every((e) => e.type === 'trade')).toBe(true);
  }
  return b;
}

const cases: [string, string, number | null][] = [
  ['not JSON', 'not json {', null],
  ['truncated JSON', '{"op":"limit","id":5,', null],
  ['a JSON array', '[1,2,3]', null],
  ['a JSON number', '42', null],
  ['JSON null', 'null', null],
  ['a JSON string', '"limit"', null],
  ['unknown op', '{"op":"fill","id":9}', 9],
  ['missing op', '{"id":9,"side":"buy","price":1000,"qty":1}', 9],
  ['op of the wrong type', '{"op":1,"id":9}', 9],
  ['missing id', '{"op":"limit","side":"buy","price":1000,"qty":1}', null],
  ['id 0', '{"op":"limit","id":0,"side":"buy","price":1000,"qty":1}', null],
  ['negative id', '{"op":"limit","id":-1,"side":"buy","price":1000,"qty":1}', null],
  ['fractional id', '{"op":"limit","id":1.5,"side":"buy","price":1000,"qty":1}', null],
  ['string id', '{"op":"limit","id":"9","side":"buy","price":1000,"qty":1}', null],
  ['id above 2^53 - 1', '{"op":"limit","id":9007199254740993,"side":"buy","price":1000,"qty":1}', null],
  ['cancel without id', '{"op":"cancel"}', null],
  ['bad side', '{"op":"limit","id":9,"side":"hold","price":1000,"qty":1}', 9],
  ['upper-case side', '{"op":"market","id":9,"side":"BUY","qty":1}', 9],
  ['missing side', '{"op":"market","id":9,"qty":1}', 9],
  ['missing price', '{"op":"limit","id":9,"side":"buy","qty":1}', 9],
  ['price 0', '{"op":"limit","id":9,"side":"buy","price":0,"qty":1}', 9],
  ['negative price', '{"op":"limit","id":9,"side":"sell","price":-5,"qty":1}', 9],
  ['fractional price', '{"op":"limit","id":9,"side":"buy","price":999.5,"qty":1}', 9],
  ['string price', '{"op":"limit","id":9,"side":"buy","price":"1000","qty":1}', 9],
  ['price too large', '{"op":"limit","id":9,"side":"buy","price":1e300,"qty":1}', 9],
  ['null price', '{"op":"limit","id":9,"side":"buy","price":null,"qty":1}', 9],
  ['missing qty', '{"op":"limit","id":9,"side":"buy","price":1000}', 9],
  ['qty 0', '{"op":"market","id":9,"side":"buy","qty":0}', 9],
  ['fractional qty', '{"op":"limit","id":9,"side":"sell","price":1005,"qty":0.5}', 9],
  ['boolean qty', '{"op":"market","id":9,"side":"sell","qty":true}', 9],
  ['reused id of a resting order', '{"op":"limit","id":1,"side":"sell","price":1005,"qty":1}', 1],
  ['reused id of a filled order', '{"op":"limit","id":3,"side":"sell","price":1005,"qty":1}', 3],
  ['reused id of a cancelled order', '{"op":"market","id":4,"side":"sell","qty":1}', 4],
  ['reused id of a market order', '{"op":"market","id":5,"side":"buy","qty":1}', 5],
  ['modify with neither qty nor price', '{"op":"modify","id":1}', 1],
  ['modify with a bad qty', '{"op":"modify","id":1,"qty":0}', 1],
  ['modify with a bad price', '{"op":"modify","id":1,"price":-1000}', 1],
  ['modify with a good price and a bad qty', '{"op":"modify","id":1,"price":1001,"qty":"5"}', 1],
  ['cancel of an unknown id', '{"op":"cancel","id":77}', 77],
  ['cancel of a filled id', '{"op":"cancel","id":3}', 3],
  ['cancel of a cancelled id', '{"op":"cancel","id":4}', 4],
  ['cancel of a market id', '{"op":"cancel","id":5}', 5],
  ['modify of an unknown id', '{"op":"modify","id":77,"qty":1}', 77],
  ['modify of a cancelled id', '{"op":"modify","id":4,"price":1000}', 4],
];

describe('order book: bad input', () => {
  it('the base book is what the cases assume', () => {
    const b = base();
    expect(b.snapshot()).toEqual({ type: 'book', bids: [[1000, 9, 1], [999, 1, 1]], asks: [[1002, 10, 1]] });
  });

  for (const [name, line, id] of cases) {
    it(`rejects ${name} and changes nothing`, () => {
      const b = base();
      const before = b.snapshot();
      const ev = b.applyLine(line);
      expect(ev).toHaveLength(1);
      expect(ev[0]).toMatchObject({ type: 'reject', id });
      expect(typeof (ev[0] as { reason: unknown }).reason).toBe('string');
      expect(b.snapshot()).toEqual(before);
      // And the book still works the same afterwards.
      expect(b.applyLine('{"op":"market","id":100,"side":"sell","qty":10}')).toEqual([
        { type: 'trade', taker: 100, maker: 1, price: 1000, qty: 9 },
        { type: 'trade', taker: 100, maker: 6, price: 999, qty: 1 },
      ]);
    });
  }

  it('skips blank lines without any event', () => {
    const b = base();
    for (const l of ['', '   ', '\t', '\r']) expect(b.applyLine(l)).toEqual([]);
    expect(parseTapeLine('  ')).toBeNull();
  });

  it('accepts extra keys and keys in any order', () => {
    const b = new OrderBook();
    expect(b.applyLine('{"qty":5,"price":1000,"note":"x","side":"buy","id":1,"op":"limit"}')).toEqual([]);
    expect(b.applyLine('{"op":"market","id":2,"side":"sell","qty":2,"price":"ignored"}')).toEqual([
      { type: 'trade', taker: 2, maker: 1, price: 1000, qty: 2 },
    ]);
  });

  it('the fast methods reject bad arguments with a code and change nothing', () => {
    const b = base();
    const before = b.snapshot();
    expect(b.limit(0, BUY, 1000, 1)).toBe(RejectCode.BAD_ID);
    expect(b.limit(9, 2, 1000, 1)).toBe(RejectCode.BAD_SIDE);
    expect(b.limit(9, SELL, NaN, 1)).toBe(RejectCode.BAD_PRICE);
    expect(b.limit(9, SELL, 1000, Infinity)).toBe(RejectCode.BAD_QTY);
    expect(b.market(9, BUY, -1)).toBe(RejectCode.BAD_QTY);
    expect(b.cancel(1.5)).toBe(RejectCode.BAD_ID);
    expect(b.modify(1, undefined, undefined)).toBe(RejectCode.EMPTY_MODIFY);
    expect(b.modify(1, 0, undefined)).toBe(RejectCode.BAD_PRICE);
    expect(b.modify(1, undefined, 2 ** 53)).toBe(RejectCode.BAD_QTY);
    expect(b.execute({ op: 'nope' } as never)).toBe(RejectCode.UNKNOWN_OP);
    expect(b.snapshot()).toEqual(before);
  });

  it('replay never throws on garbage', () => {
    const garbage = ['{', '}', '{"op":"limit","id":{"a":1}}', '\u0000', '{"op":"__proto__","id":1}', '{"__proto__":{"op":"limit"},"id":1}', 'NaN', '1e999'];
    const out = replayTape(garbage.join('\n'));
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines.slice(0, -1).every((l) => l.type === 'reject')).toBe(true);
    expect(lines).toHaveLength(garbage.length + 1);
    expect(lines.at(-1)).toEqual({ type: 'book', bids: [], asks: [] });
  });
});
