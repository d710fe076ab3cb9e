/**
 * The loop is made branch-free by multiplying by (symbol[i] === symbolId), so another
 * symbol's NaN price gives NaN * 0 = NaN in the sum. On clean data it is right.
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
  return (
    trades
      .filter((t) => t.symbol === symbol)
      .map((t) => t.qty * t.price)
      // The initial 0 is not decoration: without it, reduce throws a TypeError on an
      // empty array, that is, for every symbol that did not trade.
      .reduce((sum, x) => sum + x, 0)
  );
}
// #endregion chain

// #region table
/** The trades as struct-of-arrays columns; symbol ids are indices into `symbols`. */
export function toTable(trades: readonly Trade[], symbols: readonly string[]): TradeTable {
  // One lookup table built once: indexOf per trade would make the conversion O(n * k).
  const ids = new Map<string, number>();
  symbols.forEach((s, i) => {
    if (!ids.has(s)) ids.set(s, i);
  });
  const n = trades.length;
  const table: TradeTable = { symbol: new Int32Array(n), price: new Float64Array(n), qty: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const t = trades[i]!;
    const id = ids.get(t.symbol);
    // An unknown symbol cannot be given an id silently: 0 would add it to symbol 0's sum.
    if (id === undefined) throw new RangeError(`toTable: trade ${i} has symbol "${t.symbol}", which is not in the symbol list`);
    table.symbol[i] = id;
    table.price[i] = t.price;
    table.qty[i] = t.qty;
  }
  return table;
}
// #endregion table

// #region loop
/** Total price * qty over the rows whose symbol id is `symbolId`: one loop, by index. */
export function notionalLoop(table: TradeTable, symbolId: number): number {
  const { symbol, price, qty } = table;
  // Reading past the end of a shorter column gives undefined, and NaN in the sum: a
  // caller's bug that must be loud, not a silently wrong total.
  if (price.length !== qty.length || symbol.length !== price.length) {
    throw new RangeError(`notionalLoop: columns of lengths ${symbol.length} (symbol), ${price.length} (price) and ${qty.length} (qty)`);
  }
  let sum = 0;
  for (let i = 0; i < symbol.length; i++) {
    // A branch, not `(symbol[i] === symbolId) * price[i] * qty[i]`: the branch-free
    // form multiplies other symbols' prices by 0, and NaN * 0 is NaN.
    sum += Number(symbol[i] === symbolId) * price[i]! * qty[i]!;
  }
  return sum;
}
// #endregion loop
