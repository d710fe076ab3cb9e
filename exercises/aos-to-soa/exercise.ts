/**
 * Exercise: aos-to-soa.
 *
 * Convert an array of order objects (array of structs, AoS) into columns, one typed array
 * per field (struct of arrays, SoA), and back, and answer a query from the columns.
 *
 * 1. `toColumns(orders)`: one typed array per field, element i of each column holding
 *    order i. Choose for each column the smallest typed array that holds every legal
 *    value of its field exactly (the ranges are on `Order`; `side` is 0 for buy, 1 for
 *    sell). Typed arrays wrap or round values that do not fit without any error, so
 *    check each value first and throw a RangeError that names the field (e.g.
 *    "order 3: qty -1 is not an integer in [0, 4294967295]").
 * 2. `toOrders(cols)`: the orders back, equal field for field to the ones that went in
 *    (bigint for id and ts, numbers for price and qty, 'buy' or 'sell').
 * 3. `bestBid(cols)`: the highest price among buy orders, or undefined if there is none,
 *    reading only the side and price columns.
 *
 * Run `ticklab hint aos-to-soa` if you are stuck.
 */

export type Side = 'buy' | 'sell';

// #region order
/** One order, as a feed handler decodes it. */
export interface Order {
  /** Exchange order id: an unsigned 64-bit integer (0 .. 2^64 - 1). */
  id: bigint;
  /** Limit price in ticks: a signed 32-bit integer (spreads can be negative). */
  price: number;
  /** Quantity: an unsigned 32-bit integer. */
  qty: number;
  side: Side;
  /** Nanoseconds since the Unix epoch: a signed 64-bit integer. */
  ts: bigint;
}
// #endregion order

/** Any typed array: which one each column uses is yours to choose. */
export type Column =
  | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | Float32Array | Float64Array | BigInt64Array | BigUint64Array;

/** The same orders as columns: element i of every column is order i. */
export interface OrderColumns {
  length: number;
  id: Column;
  price: Column;
  qty: Column;
  side: Column;
  ts: Column;
}

export function toColumns(orders: readonly Order[]): OrderColumns {
  // TODO: allocate one typed array per field (the smallest exact one), check each
  // value's range (RangeError naming the field), and fill the columns.
  void orders;
  return {
    length: 0,
    id: new Float64Array(0),
    price: new Float64Array(0),
    qty: new Float64Array(0),
    side: new Float64Array(0),
    ts: new Float64Array(0),
  };
}

export function toOrders(cols: OrderColumns): Order[] {
  // TODO: rebuild order i from element i of every column.
  void cols;
  return [];
}

export function bestBid(cols: OrderColumns): number | undefined {
  // TODO: the highest price among the buy orders, reading only side and price.
  void cols;
  return undefined;
}
