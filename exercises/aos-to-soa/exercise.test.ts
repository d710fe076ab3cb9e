import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestBid, toColumns, toOrders, type Order, type OrderColumns } from './exercise.ts';

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

const order = (o: Partial<Order> = {}): Order => ({ id: 1n, price: 10_000, qty: 100, side: 'buy', ts: 1_764_000_000_000_000_000n, ...o });

/** Orders at the edges of every field's range. */
const EDGES: Order[] = [
  order({ id: 0n, price: 0, qty: 0, side: 'buy', ts: 0n }),
  order({ id: U64_MAX, price: 2 ** 31 - 1, qty: 2 ** 32 - 1, side: 'sell', ts: I64_MAX }),
  order({ id: 2n ** 53n + 1n, price: -(2 ** 31), qty: 1, side: 'buy', ts: I64_MIN }),
  order({ id: 9_007_199_254_740_993n, price: -1, qty: 2 ** 31, side: 'sell', ts: -1n }),
  order({ id: 0x8000_0000_0000_0000n, price: 1, qty: 4_294_967_294, side: 'sell', ts: 1_764_072_000_123_456_789n }),
];

const COLUMNS = ['id', 'price', 'qty', 'side', 'ts'] as const;

const orderArb: fc.Arbitrary<Order> = fc.record({
  id: fc.bigInt({ min: 0n, max: U64_MAX }),
  price: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  qty: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
  ts: fc.bigInt({ min: I64_MIN, max: I64_MAX }),
});

/** The first order (and field) where `back` differs from `orders`, for a readable failure. */
function firstDifference(orders: readonly Order[], back: readonly Order[]): string | undefined {
  if (back.length !== orders.length) return `${back.length} orders came back, ${orders.length} went in`;
  for (let i = 0; i < orders.length; i++) {
    for (const f of COLUMNS) {
      const a = orders[i]![f];
      const b = back[i]![f];
      if (typeof a !== typeof b || a !== b) return `order ${i}, ${f}: went in as ${String(a)} (${typeof a}), came back as ${String(b)} (${typeof b})`;
    }
  }
  return undefined;
}

describe('columns', () => {
  it('has one typed array per field, each as long as the number of orders', () => {
    const cols = toColumns(EDGES);
    expect(cols.length, 'cols.length').toBe(EDGES.length);
    for (const f of COLUMNS) {
      expect(ArrayBuffer.isView(cols[f]) && !(cols[f] instanceof DataView), `column ${f} is a typed array`).toBe(true);
      expect(cols[f].length, `length of column ${f}`).toBe(EDGES.length);
    }
  });

  it('puts order i at index i of every column', () => {
    const cols = toColumns([order({ price: 5, qty: 7, side: 'sell', id: 3n, ts: 9n }), order({ price: -5, qty: 8, side: 'buy', id: 4n, ts: 10n })]);
    expect(Number(cols.price[1]), 'price of order 1').toBe(-5);
    expect(Number(cols.qty[0]), 'qty of order 0').toBe(7);
    expect(BigInt(cols.id[1]!), 'id of order 1').toBe(4n);
    expect(BigInt(cols.ts[0]!), 'ts of order 0').toBe(9n);
  });

  it('uses the smallest exact typed array per field: 25 bytes per order (8 id + 4 price + 4 qty + 1 side + 8 ts)', () => {
    const cols = toColumns(EDGES);
    const perOrder = COLUMNS.map((f) => cols[f].BYTES_PER_ELEMENT);
    expect(perOrder.reduce((a, b) => a + b, 0), `bytes per order (id, price, qty, side, ts: ${perOrder.join(', ')})`).toBeLessThanOrEqual(25);
  });

  it('handles no orders', () => {
    const cols = toColumns([]);
    expect(cols.length, 'length of no orders').toBe(0);
    expect(toOrders(cols), 'no orders back').toEqual([]);
    expect(bestBid(cols), 'best bid of no orders').toBeUndefined();
  });
});

describe('the round trip is exact', () => {
  it('at the edge of every range: ids above 2^53, negative prices, qty 2^32 - 1, the extreme timestamps', () => {
    expect(firstDifference(EDGES, toOrders(toColumns(EDGES))), 'first difference after the round trip').toBeUndefined();
  });

  it('on random orders (seeded)', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 50 }), (orders) => {
        expect(firstDifference(orders, toOrders(toColumns(orders))), 'first difference after the round trip').toBeUndefined();
      }),
      { seed: 5_2026, numRuns: 300 },
    );
  });

  it('does not change the orders it was given', () => {
    const orders = EDGES.map((o) => ({ ...o }));
    toColumns(orders);
    expect(firstDifference(EDGES, orders), 'the input orders after toColumns').toBeUndefined();
  });
});

describe('values that do not fit are refused, not wrapped', () => {
  const refuse = (bad: Partial<Order>, field: string) => {
    const orders = [order(), order(bad)];
    expect(() => toColumns(orders), `toColumns with ${field} = ${String(Object.values(bad)[0])}`).toThrow(RangeError);
    expect(() => toColumns(orders), `the error names the field "${field}"`).toThrow(new RegExp(field));
  };

  it('qty below 0, at 2^32, or fractional is a RangeError naming qty', () => {
    refuse({ qty: -1 }, 'qty');
    refuse({ qty: 2 ** 32 }, 'qty');
    refuse({ qty: 1.5 }, 'qty');
  });

  it('price outside int32 or fractional is a RangeError naming price', () => {
    refuse({ price: 2 ** 31 }, 'price');
    refuse({ price: -(2 ** 31) - 1 }, 'price');
    refuse({ price: 100.5 }, 'price');
  });

  it('id outside 0 .. 2^64 - 1 is a RangeError naming id', () => {
    refuse({ id: -1n }, 'id');
    refuse({ id: 1n << 64n }, 'id');
  });

  it('ts outside int64 is a RangeError naming ts', () => {
    refuse({ ts: 1n << 63n }, 'ts');
    refuse({ ts: I64_MIN - 1n }, 'ts');
  });

  it('NaN and the infinities are RangeErrors naming the field, for qty and price alike', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      refuse({ qty: bad }, 'qty');
      refuse({ price: bad }, 'price');
    }
  });

  it('a side other than buy or sell is a RangeError naming side', () => {
    refuse({ side: 'hold' as Order['side'] }, 'side');
  });
});

describe('a query on the columns', () => {
  it('bestBid is the highest price among buy orders, ignoring higher sell prices', () => {
    const cols = toColumns([
      order({ side: 'buy', price: -20 }),
      order({ side: 'sell', price: 500 }),
      order({ side: 'buy', price: -5 }),
      order({ side: 'buy', price: -7 }),
    ]);
    expect(bestBid(cols), 'best bid among -20, -5, -7 (the 500 is a sell)').toBe(-5);
  });

  it('bestBid is undefined when every order is a sell', () => {
    expect(bestBid(toColumns([order({ side: 'sell' }), order({ side: 'sell', price: 3 })])), 'best bid with only sells').toBeUndefined();
  });

  it('bestBid agrees with a scan of the objects (random orders, seeded)', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 60 }), (orders) => {
        const bids = orders.filter((o) => o.side === 'buy').map((o) => o.price);
        const expected = bids.length === 0 ? undefined : Math.max(...bids);
        expect(bestBid(toColumns(orders)), 'best bid from the columns').toBe(expected);
      }),
      { seed: 5_2027, numRuns: 300 },
    );
  });
});

/** Columns built by hand, to check that toOrders reads any exact columns, not only its own. */
describe('toOrders reads columns built elsewhere', () => {
  it('rebuilds orders from hand-made columns', () => {
    const cols: OrderColumns = {
      length: 2,
      id: BigUint64Array.from([7n, U64_MAX]),
      price: Int32Array.from([-3, 4]),
      qty: Uint32Array.from([1, 2 ** 32 - 1]),
      side: Uint8Array.from([1, 0]),
      ts: BigInt64Array.from([I64_MIN, 5n]),
    };
    const expected: Order[] = [
      { id: 7n, price: -3, qty: 1, side: 'sell', ts: I64_MIN },
      { id: U64_MAX, price: 4, qty: 2 ** 32 - 1, side: 'buy', ts: 5n },
    ];
    expect(firstDifference(expected, toOrders(cols)), 'first difference from the hand-made columns').toBeUndefined();
  });
});

// ------------------------------------------------------------------ the whole domain
describe('the whole domain', () => {
  // Edge values of every field mixed freely, and buy prices that are all negative (a best
  // bid below zero is still the best bid), on lists of 0 to 40 orders.
  const edgeOrder: fc.Arbitrary<Order> = fc.record({
    id: fc.oneof(fc.constantFrom(0n, 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 63n, U64_MAX), fc.bigInt({ min: 0n, max: U64_MAX })),
    price: fc.oneof(fc.constantFrom(-(2 ** 31), -(2 ** 31) + 1, -1, 0, 1, 2 ** 31 - 1), fc.integer({ min: -(2 ** 31), max: -1 })),
    qty: fc.oneof(fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
    side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
    ts: fc.oneof(fc.constantFrom(I64_MIN, -1n, 0n, I64_MAX), fc.bigInt({ min: I64_MIN, max: I64_MAX })),
  });

  it('round-trips and answers bestBid like a scan of the objects on 500 lists of edge-valued orders', () => {
    fc.assert(
      fc.property(fc.array(edgeOrder, { maxLength: 40 }), (orders) => {
        const cols = toColumns(orders);
        const diff = firstDifference(orders, toOrders(cols));
        if (diff) expect.fail(`round trip of ${orders.length} orders: ${diff}`);
        let want: number | undefined;
        for (const o of orders) if (o.side === 'buy' && (want === undefined || o.price > want)) want = o.price;
        const got = bestBid(cols);
        if (got !== want) expect.fail(`bestBid of ${orders.length} orders (buy prices ${JSON.stringify(orders.filter((o) => o.side === 'buy').map((o) => o.price))}): ${got}, not ${want}`);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
