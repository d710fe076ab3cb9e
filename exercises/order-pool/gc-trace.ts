/**
 * Measures what the lesson ownership/gc-pauses claims: garbage-collection pauses with a
 * fresh object per order, and with a pool made up front. Not part of the exercise.
 *
 *   node --expose-gc --import tsx exercises/order-pool/gc-trace.ts alloc
 *   node --expose-gc --import tsx exercises/order-pool/gc-trace.ts pool
 *
 * Five million orders pass through a "book" of 100,000 slots: each order rests in its
 * slot until the slot is reused, as resting orders do. Node reports every collection
 * through PerformanceObserver; the script prints how many there were after warm-up, of
 * which kind, and the longest pause.
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';

const mode = process.argv[2] === 'pool' ? 'pool' : 'alloc';
const SLOTS = 100_000;
const ORDERS = 5_000_000;
type Order = { id: number; side: number; priceTicks: number; qty: number };

const book: (Order | null)[] = new Array<Order | null>(SLOTS).fill(null);
// Warm-up: the pool's every allocation happens here, before the measurement starts.
const pool: Order[] = mode === 'pool' ? Array.from({ length: SLOTS }, () => ({ id: 0, side: 0, priceTicks: 0, qty: 0 })) : [];

// Collect the warm-up's garbage (and the loader's) now, so that only the run is measured.
(globalThis as { gc?: () => void }).gc?.();

const kinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

// #region measure
const pauses: { kind: string; ms: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? -1;
    pauses.push({ kind: kinds[kind] ?? 'other', ms: entry.duration });
  }
});
observer.observe({ entryTypes: ['gc'] });

let sink = 0;
const start = performance.now();
for (let i = 0; i < ORDERS; i++) {
  let order: Order;
  if (mode === 'alloc') {
    order = { id: i, side: i & 1, priceTicks: 1_000_000 + (i % 500), qty: 100 };
  } else {
    order = pool[i % SLOTS]!;
    order.id = i;
    order.side = i & 1;
    order.priceTicks = 1_000_000 + (i % 500);
    order.qty = 100;
  }
  book[i % SLOTS] = order;
  sink = (sink + order.priceTicks) | 0;
}
const elapsed = performance.now() - start;
// #endregion measure

// Observer callbacks run after the loop: give them a turn, then report.
setTimeout(() => {
  observer.disconnect();
  const by = new Map<string, number[]>();
  for (const p of pauses) by.set(p.kind, [...(by.get(p.kind) ?? []), p.ms]);
  const max = Math.max(0, ...pauses.map((p) => p.ms));
  console.log(`${mode}: ${ORDERS.toLocaleString('en-US')} orders in ${elapsed.toFixed(0)} ms (checksum ${sink})`);
  console.log(`  collections during the run: ${pauses.length}, longest pause ${max.toFixed(2)} ms`);
  for (const [kind, ms] of by) console.log(`  ${kind}: ${ms.length}, total ${ms.reduce((a, b) => a + b, 0).toFixed(1)} ms`);
}, 50);
