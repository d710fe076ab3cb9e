/**
 * Exercise: aos-to-soa (reference solution).
 *
 * An array of order objects (array of structs) keeps each order's fields together; a
 * scan that reads one field still drags every other field, and V8's object headers,
 * through the cache. Columns (struct of arrays) keep each field together, one typed
 * array per field, so a scan of prices reads nothing but prices. The typed array of each
 * column is the smallest one that holds every legal value exactly; and because typed
 * arrays wrap or round out-of-range values without a word, the conversion checks ranges
 * itself, as Rust's `u32::try_from` does, instead of relying on `as`.
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

// #region ranges
function checkInt(field: string, i: number, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`order ${i}: ${field} ${v} is not an integer in [${min}, ${max}]`);
  }
}

function checkBig(field: string, i: number, v: bigint, min: bigint, max: bigint): void {
  if (v < min || v > max) {
    throw new RangeError(`order ${i}: ${field} ${v} is not an integer in [${min}, ${max}]`);
  }
}
// #endregion ranges

// #region to-columns
export function toColumns(orders: readonly Order[]): OrderColumns {
  const n = orders.length;
  // One allocation per column, sized once: 8 + 4 + 4 + 1 + 8 = 25 bytes per order.
  // Float64Array would hold ids only up to 2^53 exactly, so 64-bit ids need BigUint64Array.
  const cols = {
    length: n,
    id: new BigUint64Array(n),
    price: new Int32Array(n),
    qty: new Uint32Array(n),
    side: new Uint8Array(n), // 0 = buy, 1 = sell: one byte instead of a string pointer
    ts: new BigInt64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const o = orders[i]!;
    // Typed arrays convert silently (Uint32Array turns -1 into 4294967295), so check
    // first: a wrapped quantity is a wrong trade, not a rounding error.
    checkBig('id', i, o.id, 0n, 0xffff_ffff_ffff_ffffn);
    checkInt('price', i, o.price, -0x8000_0000, 0x7fff_ffff);
    checkInt('qty', i, o.qty, 0, 0xffff_ffff);
    if (o.side !== 'buy' && o.side !== 'sell') throw new RangeError(`order ${i}: side ${String(o.side)} is not "buy" or "sell"`);
    checkBig('ts', i, o.ts, -0x8000_0000_0000_0000n, 0x7fff_ffff_ffff_ffffn);
    cols.id[i] = o.id;
    cols.price[i] = o.price;
    cols.qty[i] = o.qty;
    cols.side[i] = o.side === 'buy' ? 0 : 1;
    cols.ts[i] = o.ts;
  }
  return cols;
}
// #endregion to-columns

// #region to-orders
export function toOrders(cols: OrderColumns): Order[] {
  const out: Order[] = [];
  for (let i = 0; i < cols.length; i++) {
    // Each column gives back exactly what went in: BigInt() and Number() only restate
    // the type (number | bigint) that the Column union cannot narrow by itself.
    out.push({
      id: BigInt(cols.id[i]!),
      price: Number(cols.price[i]),
      qty: Number(cols.qty[i]),
      side: cols.side[i] === 0 ? 'buy' : 'sell',
      ts: BigInt(cols.ts[i]!),
    });
  }
  return out;
}
// #endregion to-orders

// #region best-bid
/**
 * The highest buy price, or undefined when there is no buy order. It reads two columns,
 * side and price: 5 bytes per order, where the objects would bring whole orders in.
 */
export function bestBid(cols: OrderColumns): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < cols.length; i++) {
    if (cols.side[i] !== 0) continue;
    const p = Number(cols.price[i]);
    if (best === undefined || p > best) best = p;
  }
  return best;
}
// #endregion best-bid
