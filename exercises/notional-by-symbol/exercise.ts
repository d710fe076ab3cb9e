/**
 * Exercise: notional-by-symbol.
 *
 * The total notional (the sum of qty * price) of one symbol's trades, written two ways,
 * so that you can measure what the convenient way costs in V8 (`npx ticklab bench
 * zero-cost`):
 *
 * 1. `notionalChain(trades, symbol)`: over an array of trade objects, as one iterator
 *    chain: `filter` the symbol's trades, `map` each to qty * price, `reduce` to a sum.
 *    It is 0 when the symbol has no trades.
 * 2. `toTable(trades, symbols)`: the same trades as a struct-of-arrays table, the
 *    engine's `TradeTable`: an Int32Array of symbol ids (the index of the trade's symbol
 *    in `symbols`), and Float64Array columns of prices and quantities, row i being trade
 *    i. A trade whose symbol is not in `symbols` is a RangeError that names the symbol.
 * 3. `notionalLoop(table, symbolId)`: one hand-written `for` loop over the columns, by
 *    index. No array methods (no map, filter, reduce, forEach, Array.from, subarray),
 *    no iterators, no intermediate arrays: read `table.symbol[i]` for each row i from 0
 *    to length - 1 (no index past the end), and only for the rows of that symbol read
 *    the price and the quantity (a NaN price on another symbol's row must not reach the
 *    sum). Columns of different lengths are a
 *    RangeError naming all three lengths.
 *
 * The tests compare all three with the engine's `notionalBySymbol` kernel (scalar and
 * WebAssembly SIMD) on seeded random trades, within the rounding that a different order
 * of additions may cause, and check what the loop touches on the columns.
 */
import type { TradeTable } from '#engine/kernels';

// #region trade
/** One trade as a JavaScript program usually holds it: an object per row. */
export interface Trade {
  symbol: string;
  price: number;
  qty: number;
}
// #endregion trade

// #region chain
/** Total qty * price of `symbol`'s trades, as one filter / map / reduce chain. */
export function notionalChain(trades: readonly Trade[], symbol: string): number {
  // TODO: trades.filter(...).map(...).reduce(...), and 0 when no trade matches.
  void trades;
  void symbol;
  return NaN;
}
// #endregion chain

/** The trades as struct-of-arrays columns; symbol ids are indices into `symbols`. */
export function toTable(trades: readonly Trade[], symbols: readonly string[]): TradeTable {
  // TODO: allocate three typed arrays of trades.length, then fill row i from trades[i].
  void trades;
  void symbols;
  return { symbol: new Int32Array(0), price: new Float64Array(0), qty: new Float64Array(0) };
}

// #region loop
/** Total price * qty over the rows whose symbol id is `symbolId`: one loop, by index. */
export function notionalLoop(table: TradeTable, symbolId: number): number {
  // TODO: check the three lengths, then one for loop over the rows.
  void table;
  void symbolId;
  return NaN;
}
// #endregion loop
