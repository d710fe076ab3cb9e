import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSimd, reassociationBound, scalar, type Kernels, type TradeTable } from '#engine/kernels';
import { notionalChain, notionalLoop, toTable, type Trade } from './exercise.ts';

const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'SPY', 'QQQ'];

let simd: Kernels;
beforeAll(async () => {
  simd = await loadSimd();
});

/** A table written by hand, independent of the student's toTable. */
function columns(rows: [number, number, number][]): TradeTable {
  return {
    symbol: Int32Array.from(rows.map((r) => r[0])),
    price: Float64Array.from(rows.map((r) => r[1])),
    qty: Float64Array.from(rows.map((r) => r[2])),
  };
}

/** How far two correct sums of the same terms may differ: twice the reassociation bound. */
function tolerance(table: TradeTable, id: number): number {
  let sumAbs = 0;
  for (let i = 0; i < table.symbol.length; i++) if (table.symbol[i] === id) sumAbs += Math.abs(table.price[i]! * table.qty[i]!);
  return 2 * reassociationBound(table.symbol.length, sumAbs);
}

/** Seeded random trades: a few symbols, prices with cents, integer quantities. */
const tradeArb = fc.record({
  symbol: fc.constantFrom(...SYMBOLS),
  price: fc.integer({ min: 100, max: 1_000_000 }).map((c) => c / 100),
  qty: fc.integer({ min: 1, max: 10_000 }),
});

describe('notionalChain (the iterator chain over objects)', () => {
  it('sums qty * price over the trades of the symbol only', () => {
    const trades: Trade[] = [
      { symbol: 'AAPL', price: 190.5, qty: 100 },
      { symbol: 'MSFT', price: 410, qty: 7 },
      { symbol: 'AAPL', price: 191, qty: 2 },
    ];
    expect(notionalChain(trades, 'AAPL'), 'AAPL: 190.5*100 + 191*2').toBe(19_432);
    expect(notionalChain(trades, 'MSFT'), 'MSFT: 410*7').toBe(2_870);
  });

  it('is 0 for a symbol with no trades (reduce needs its initial value)', () => {
    expect(notionalChain([{ symbol: 'AAPL', price: 1, qty: 1 }], 'TSLA'), 'a symbol that did not trade').toBe(0);
    expect(notionalChain([], 'AAPL'), 'no trades at all').toBe(0);
  });

  it('agrees with the engine\'s kernel on seeded random trades', () => {
    fc.assert(
      fc.property(fc.array(tradeArb, { maxLength: 200 }), fc.constantFrom(...SYMBOLS), (trades, symbol) => {
        const table = columns(trades.map((t) => [SYMBOLS.indexOf(t.symbol), t.price, t.qty]));
        const want = scalar.notionalBySymbol(table, SYMBOLS.indexOf(symbol));
        const got = notionalChain(trades, symbol);
        expect(Math.abs(got - want), `${symbol} over ${trades.length} trades: you ${got}, the engine ${want}`).toBeLessThanOrEqual(tolerance(table, SYMBOLS.indexOf(symbol)));
      }),
      { seed: 4_2026, numRuns: 150 },
    );
  });
});

describe('toTable (objects to struct-of-arrays columns)', () => {
  it('makes an Int32Array of symbol ids and Float64Array columns of prices and quantities, row i from trade i', () => {
    const table = toTable(
      [
        { symbol: 'NVDA', price: 120.25, qty: 3 },
        { symbol: 'AAPL', price: 190, qty: 50 },
      ],
      SYMBOLS,
    );
    expect(table.symbol, 'the symbol column').toBeInstanceOf(Int32Array);
    expect(table.price, 'the price column').toBeInstanceOf(Float64Array);
    expect(table.qty, 'the qty column').toBeInstanceOf(Float64Array);
    expect(Array.from(table.symbol), 'symbol ids: NVDA is index 2 of the list, AAPL index 0').toEqual([2, 0]);
    expect(Array.from(table.price), 'prices, row by row').toEqual([120.25, 190]);
    expect(Array.from(table.qty), 'quantities, row by row').toEqual([3, 50]);
  });

  it('gives columns of length 0 for no trades', () => {
    const table = toTable([], SYMBOLS);
    expect([table.symbol.length, table.price.length, table.qty.length], 'column lengths').toEqual([0, 0, 0]);
  });

  it('throws a RangeError naming a symbol that is not in the list', () => {
    const convert = () => toTable([{ symbol: 'AAPL', price: 1, qty: 1 }, { symbol: 'BRK.B', price: 1, qty: 1 }], SYMBOLS);
    expect(convert, 'an unknown symbol').toThrow(RangeError);
    expect(convert, 'the message names it').toThrow(/BRK\.B/);
  });
});

describe('notionalLoop (one loop over the columns)', () => {
  it('sums price * qty over the rows of the symbol id only', () => {
    const table = columns([[0, 190.5, 100], [1, 410, 7], [0, 191, 2]]);
    expect(notionalLoop(table, 0), 'symbol 0: 190.5*100 + 191*2').toBe(19_432);
    expect(notionalLoop(table, 1), 'symbol 1: 410*7').toBe(2_870);
    expect(notionalLoop(table, 4), 'a symbol with no rows').toBe(0);
    expect(notionalLoop(columns([]), 0), 'an empty table').toBe(0);
  });

  it('includes the last row, whatever the length', () => {
    for (let n = 1; n <= 9; n++) {
      const rows: [number, number, number][] = Array.from({ length: n }, (_, i) => [i === n - 1 ? 3 : 0, 10, 1]);
      expect(notionalLoop(columns(rows), 3), `symbol 3 is only on the last of ${n} rows`).toBe(10);
    }
  });

  it('never lets another symbol\'s row into the sum (a NaN price there does not matter)', () => {
    const table = columns([[1, NaN, 5], [0, 100, 2], [1, 7, NaN], [2, Infinity, 0]]);
    expect(notionalLoop(table, 0), 'symbol 0 with NaN and Infinity on other rows').toBe(200);
  });

  it('throws a RangeError naming the lengths when the columns differ in length', () => {
    const table = { symbol: new Int32Array(3), price: new Float64Array(3), qty: new Float64Array(2) };
    expect(() => notionalLoop(table, 0), 'qty one row short').toThrow(RangeError);
    expect(() => notionalLoop(table, 0), 'the message names 3 and 2').toThrow(/3[\s\S]*2|2[\s\S]*3/);
    const short = { symbol: new Int32Array(1), price: new Float64Array(4), qty: new Float64Array(4) };
    expect(() => notionalLoop(short, 0), 'symbol column shorter than the others').toThrow(RangeError);
  });

  it('agrees with the engine\'s scalar and WebAssembly SIMD kernels on seeded random tables', () => {
    fc.assert(
      fc.property(fc.array(tradeArb, { maxLength: 300 }), fc.integer({ min: 0, max: SYMBOLS.length - 1 }), (trades, id) => {
        const table = columns(trades.map((t) => [SYMBOLS.indexOf(t.symbol), t.price, t.qty]));
        const got = notionalLoop(table, id);
        const tol = tolerance(table, id);
        for (const [name, k] of [['scalar', scalar], ['SIMD', simd]] as const) {
          const want = k.notionalBySymbol(table, id);
          expect(Math.abs(got - want), `symbol ${id}, ${trades.length} rows: you ${got}, the ${name} kernel ${want}`).toBeLessThanOrEqual(tol);
        }
      }),
      { seed: 7_2026, numRuns: 150 },
    );
  });

  it('agrees with the engine on a table built by your toTable from 20,001 trades', () => {
    const trades: Trade[] = fc.sample(tradeArb, { seed: 11, numRuns: 20_001 });
    const table = toTable(trades, SYMBOLS);
    for (let id = 0; id < SYMBOLS.length; id++) {
      const want = simd.notionalBySymbol(table, id);
      const got = notionalLoop(table, id);
      expect(Math.abs(got - want), `${SYMBOLS[id]}: you ${got}, the SIMD kernel ${want}`).toBeLessThanOrEqual(tolerance(table, id));
    }
  });

  it('reads the columns by index only: no array method, iterator or copy of a column', () => {
    const plain = columns(Array.from({ length: 64 }, (_, i) => [i % 3, 100 + i, 1 + (i % 5)] as [number, number, number]));
    const touched = new Set<string>();
    const indexReads: [string, number][] = [];
    const watch = <T extends object>(name: string, column: T): T =>
      new Proxy(column, {
        get(target, key) {
          if (typeof key === 'symbol' || !/^\d+$/.test(key)) {
            if (key !== 'length') touched.add(`${name}.${String(key)}`);
          } else indexReads[indexReads.length] = [name, Number(key)];
          const value = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const watched: TradeTable = { symbol: watch('symbol', plain.symbol), price: watch('price', plain.price), qty: watch('qty', plain.qty) };
    // Graded code runs sealed (built-ins frozen), so the columns themselves report what the
    // loop asked of them: any method, iterator or spread goes through the proxy's `get`.
    const got = notionalLoop(watched, 1);
    expect([...touched], 'what the loop used on the columns besides [i] and length').toEqual([]);
    // Every index read is a row (none past the end), and price and qty only on symbol 1's rows.
    const n = plain.symbol.length;
    const bad = [...indexReads].filter(([name, i]) => i >= n || (name !== 'symbol' && plain.symbol[i] !== 1));
    expect(bad.map(([name, i]) => `${name}[${i}]`), `indexes read that are past the end (${n} rows) or, for price and qty, on another symbol's row`).toEqual([]);
    const symbolRows = new Set([...indexReads].filter(([name]) => name === 'symbol').map(([, i]) => i));
    expect(symbolRows.size, 'rows whose symbol the loop read').toBe(n);
    expect(got, 'the sum over the watched columns').toBe(scalar.notionalBySymbol(plain, 1));
  });
});

// ------------------------------------------------------------------ the whole domain
// The chain really is one filter -> map -> reduce chain (each step called on the previous
// step's result), and all three functions agree with a model on trades the random tables
// above never hold: zero, -0, NaN and Infinity prices and quantities, fractional and
// huge values, symbols such as "constructor" or "" that an object used as a map mistakes
// for its own, and a symbol list with duplicates (a trade's id is the symbol's index in
// the list, so the first one).

type Step = { name: string; self: unknown; result: unknown };

/** Calls f with Array.prototype's (and, where it exists, Iterator.prototype's) filter, map and reduce recorded. */
/**
 * Runs `f` on `trades` seen through a proxy that records each filter, map and reduce
 * called on it, and on what they return (proxied the same way). Graded code runs sealed,
 * with Array.prototype frozen, so the arrays themselves report what was called on them.
 */
function recordChain<T extends object, R>(trades: T, f: (trades: T) => R): { steps: Step[]; watched: T; result: R } {
  const steps: Step[] = [];
  const watch = <U extends object>(target: U): U =>
    new Proxy(target, {
      get(t, key) {
        const value = Reflect.get(t, key, t) as unknown;
        if (typeof value !== 'function' || (key !== 'filter' && key !== 'map' && key !== 'reduce')) return value;
        return function (this: unknown, ...args: unknown[]) {
          const step: Step = { name: key, self: this, result: undefined };
          steps[steps.length] = step;
          const result = (value as (...a: unknown[]) => unknown).apply(t, args);
          step.result = result !== null && typeof result === 'object' ? watch(result) : result;
          return step.result;
        };
      },
    });
  const watched = watch(trades);
  return { steps, watched, result: f(watched) };
}

const edgeNumber = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 1_000_000 }).map((c) => c / 100) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 0.1, 1e-300, 1e150, -5, Number.MAX_SAFE_INTEGER, 2 ** 53, 2 ** 31) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
);
const odd = ['constructor', '__proto__', 'toString', 'hasOwnProperty', '', '0', 'AAPL '];
const symbolName = fc.oneof(fc.constantFrom(...SYMBOLS), fc.constantFrom(...odd));
const edgeTrade = fc.record({ symbol: symbolName, price: edgeNumber, qty: edgeNumber });

/** The sum of qty * price over the rows that match, in row order; equal to any correct sum when it is not finite. */
function modelSum(rows: { match: boolean; price: number; qty: number }[]): { sum: number; sumAbs: number } {
  let sum = 0;
  let sumAbs = 0;
  for (const r of rows) {
    if (!r.match) continue;
    sum += r.qty * r.price;
    sumAbs += Math.abs(r.qty * r.price);
  }
  return { sum, sumAbs };
}

function closeEnough(got: number, want: { sum: number; sumAbs: number }, n: number): boolean {
  if (!Number.isFinite(want.sum) || !Number.isFinite(want.sumAbs)) return Object.is(got, want.sum) || (Number.isNaN(got) && Number.isNaN(want.sum));
  return Math.abs(got - want.sum) <= 2 * reassociationBound(n, want.sumAbs);
}

describe('the whole domain', () => {
  it('notionalChain is one chain: filter, then map on its result, then reduce on that, and returns what reduce returns', () => {
    const trades: Trade[] = [
      { symbol: 'AAPL', price: 190.5, qty: 100 },
      { symbol: 'MSFT', price: 410, qty: 7 },
      { symbol: 'AAPL', price: 191, qty: 2 },
    ];
    const { steps, watched, result } = recordChain(trades, (t) => notionalChain(t, 'AAPL'));
    const names = steps.map((s) => s.name).join(' -> ');
    if (names !== 'filter -> map -> reduce') expect.fail(`notionalChain called ${names || 'no filter, map or reduce'}; the exercise asks for filter -> map -> reduce`);
    const [filter, map, reduce] = steps as [Step, Step, Step];
    if (filter.self !== watched) expect.fail('filter was not called on the trades themselves');
    if (map.self !== filter.result) expect.fail("map was not called on filter's result: that is not one chain");
    if (reduce.self !== map.result) expect.fail("reduce was not called on map's result: that is not one chain");
    if (!Object.is(result, reduce.result)) expect.fail(`notionalChain returned ${result}, not what reduce returned (${String(reduce.result)})`);
  });

  it('notionalChain, toTable and notionalLoop agree with the model on 500 edge-valued trade lists', () => {
    fc.assert(
      fc.property(
        fc.array(edgeTrade, { maxLength: 40 }),
        fc.array(symbolName, { maxLength: 4 }),
        symbolName,
        (trades, extra, wanted) => {
          // Every trade's symbol is in the list (some twice); `wanted` may be in it or not.
          const symbols = [...new Set(trades.map((t) => t.symbol)), ...extra, ...trades.slice(0, 2).map((t) => t.symbol)];
          const where = () => `${trades.length} trades ${fc.stringify(trades).slice(0, 300)}, symbol ${JSON.stringify(wanted)}`;
          const chainWant = modelSum(trades.map((t) => ({ match: t.symbol === wanted, price: t.price, qty: t.qty })));
          const chainGot = notionalChain(trades, wanted);
          if (!closeEnough(chainGot, chainWant, trades.length)) expect.fail(`notionalChain over ${where()}: you ${chainGot}, the model ${chainWant.sum}`);

          const table = toTable(trades, symbols);
          for (let i = 0; i < trades.length; i++) {
            const t = trades[i]!;
            const id = symbols.indexOf(t.symbol);
            if (table.symbol[i] !== id || !Object.is(table.price[i], t.price) || !Object.is(table.qty[i], t.qty)) {
              expect.fail(`toTable row ${i} of ${where()} with symbols ${JSON.stringify(symbols)}: [${table.symbol[i]}, ${table.price[i]}, ${table.qty[i]}], expected [${id} (the first index of ${JSON.stringify(t.symbol)}), ${t.price}, ${t.qty}]`);
            }
          }
          const id = symbols.indexOf(wanted);
          const loopWant = modelSum(trades.map((t, i) => ({ match: table.symbol[i] === id, price: t.price, qty: t.qty })));
          const loopGot = notionalLoop(table, id);
          if (!closeEnough(loopGot, loopWant, trades.length)) expect.fail(`notionalLoop over the table of ${where()}, id ${id}: you ${loopGot}, the model ${loopWant.sum}`);
        },
      ),
      { seed: 20261203, numRuns: 500 },
    );
  });

  it('toTable refuses a symbol that is not in the list even when it is a name every object has ("constructor", "__proto__", "toString")', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '']) {
      const convert = () => toTable([{ symbol: 'AAPL', price: 1, qty: 1 }, { symbol: name, price: 1, qty: 1 }], SYMBOLS);
      let thrown: unknown;
      try {
        convert();
      } catch (error) {
        thrown = error;
      }
      if (!(thrown instanceof RangeError)) expect.fail(`toTable with a trade of symbol ${JSON.stringify(name)}, not in ${JSON.stringify(SYMBOLS)}: no RangeError`);
    }
  });
});
