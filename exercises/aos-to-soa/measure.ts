/**
 * The measurement behind the data-layout lesson (not part of the grading):
 *
 *   npx tsx exercises/aos-to-soa/measure.ts
 *   node --expose-gc --import tsx exercises/aos-to-soa/measure.ts   # also bytes per order
 *
 * One million seeded orders, kept two ways: an array of objects (array of structs) and
 * typed-array columns (struct of arrays, 25 bytes per order). The same query, the total
 * quantity resting on the bid side, runs over each, written without a branch so that
 * only the layout differs: the objects' scan pulls whole orders (and V8's object
 * headers) through the cache to read two fields; the columns' scan reads 5 bytes per
 * order, in order.
 * Prints the median of 9 interleaved rounds and the ratio; compare ratios, not times.
 */
import { mulberry32 } from '#engine/random';
import { median } from '#engine/stats';

interface Order { id: bigint; price: number; qty: number; side: 'buy' | 'sell'; ts: bigint }

const N = 1_000_000;
const random = mulberry32(7_2026);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const orders: Order[] = Array.from({ length: N }, (_, i) => ({
  id: BigInt(i) * 7919n + 1n,
  price: 10_000 + Math.floor(random() * 2_000) - 1_000,
  qty: 1 + Math.floor(random() * 1_000),
  side: random() < 0.5 ? 'buy' : 'sell',
  ts: 1_764_000_000_000_000_000n + BigInt(i) * 1_000n,
}));
gc?.();
if (gc) console.log(`objects on the V8 heap: ${((process.memoryUsage().heapUsed - heapBefore) / N).toFixed(0)} bytes per order (columns: 25)`);
const qty = Uint32Array.from(orders, (o) => o.qty);
const side = Uint8Array.from(orders, (o) => (o.side === 'buy' ? 0 : 1));

// #region scans
function bidQtyObjects(book: readonly Order[]): number {
  let total = 0;
  for (let i = 0; i < book.length; i++) {
    const o = book[i]!;
    total += o.qty * +(o.side === 'buy'); // two fields of a whole object
  }
  return total;
}

function bidQtyColumns(sides: Uint8Array, qtys: Uint32Array): number {
  let total = 0;
  for (let i = 0; i < qtys.length; i++) {
    total += qtys[i]! * (1 - sides[i]!); // 4 + 1 bytes, side by side with the next order's
  }
  return total;
}
// #endregion scans

const cases = { objects: () => bidQtyObjects(orders), columns: () => bidQtyColumns(side, qty) };
const samples = { objects: [] as number[], columns: [] as number[] };
const expected = bidQtyObjects(orders);
for (let round = -2; round < 9; round++) {
  for (const name of ['objects', 'columns'] as const) {
    const t0 = performance.now();
    const got = cases[name]();
    const ms = performance.now() - t0;
    if (got !== expected) throw new Error(`${name}: ${got}, expected ${expected}`);
    if (round >= 0) samples[name].push(ms);
  }
}
const objects = median(samples.objects);
const columns = median(samples.columns);
console.log(`array of objects   ${objects.toFixed(2)} ms (${((objects * 1e6) / N).toFixed(2)} ns/order)`);
console.log(`typed-array columns ${columns.toFixed(2)} ms (${((columns * 1e6) / N).toFixed(2)} ns/order)`);
console.log(`objects / columns = ${(objects / columns).toFixed(2)}x`);
