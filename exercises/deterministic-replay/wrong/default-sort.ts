/**
 * Sorts the ids with the default sort, which compares them as strings, so order 10 comes before order 9.
 * Every line is right; only their order is wrong, and only once ids of different
 * lengths are resting or have traded.
 */
import { OrderBook } from '#engine/order-book';

/**
 * FNV-1a, 64 bits, over the UTF-16 code units of `text` (the record is ASCII, so these
 * are its bytes), as 16 lower-case hex digits. BigInt, because a 64-bit product does not
 * fit in a double: with Number arithmetic the low bits of every step would be rounded away.
 */
export function fnv1a64(text: string): string {
  const PRIME = 0x100000001b3n;
  const MASK = 0xffffffffffffffffn;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}

export function auditRecord(lines: Iterable<string>): string {
  const book = new OrderBook();
  let trades = 0;
  // Exact integers: a price in ticks times a qty in lots can pass 2^53, where a double
  // starts rounding, and a rounded total would differ from any exact implementation
  // (and from the exchange's own numbers) in its last digits.
  let quantity = 0n;
  let notional = 0n;
  const filled = new Map<number, bigint>();
  const addFill = (id: number, qty: number) => filled.set(id, (filled.get(id) ?? 0n) + BigInt(qty));

  for (const line of lines) {
    for (const e of book.applyLine(line)) {
      if (e.type !== 'trade') continue; // rejects change nothing: they are not in the state
      trades += 1;
      quantity += BigInt(e.qty);
      notional += BigInt(e.price) * BigInt(e.qty);
      addFill(e.taker, e.qty);
      addFill(e.maker, e.qty);
    }
  }

  let out = `trades ${trades} ${quantity} ${notional}\n`;

  // Resting orders, read from the engine's book (the book is the state; no shadow copy
  // of it to drift), then put in one canonical order: by id, compared as numbers.
  const resting: { id: number; side: string; price: number; qty: number }[] = [];
  for (const side of ['buy', 'sell'] as const) {
    for (const [price] of book.depth(side)) {
      for (const id of book.queue(side, price)) resting.push(book.order(id)!);
    }
  }
  resting.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  for (const o of resting) out += `order ${o.id} ${o.side} ${o.price} ${o.qty}\n`;

  // Sort the keys so that the same fills always give the same lines.
  const ids = [...filled.keys()].sort();
  for (const id of ids) out += `fill ${id} ${filled.get(id)}\n`;
  return out;
}

export function auditChecksum(lines: Iterable<string>): string {
  return fnv1a64(auditRecord(lines));
}
