/**
 * Lab "allocation": the same hot loop written two ways, and the latency percentiles of
 * each (p50 to p99.99), to show what garbage collection does to the tail.
 *
 * The loop handles order messages. Each message becomes an order that stays live while
 * the next `window` messages are handled (resting orders), then is dropped:
 *
 * - `allocate`: a fresh order object and a fresh fills array per message, the old order
 *   left to the collector. Every young-generation collection must copy the orders still
 *   live, so pauses grow with the window, and survivors are promoted and collected again
 *   in the old generation: V8's worst case, as the gc-pauses lesson explains.
 * - `pool`: the same orders and fills preallocated once and overwritten in place; the hot
 *   loop allocates nothing, so the collector has nothing to do.
 *
 * Browsers coarsen `performance.now()` (5 µs when cross-origin isolated, 100 µs without),
 * too coarse for one message, so the lab times batches of 4,096 messages, the same on
 * every machine, and each percentile is of batch times. A pause lands in one batch, so
 * the tail shows it at its full length.
 */
import { LatencyHistogram } from '../shared/latency-histogram.ts';
import { checkpoint, clockTickMs, finish, medianAt, point, progressReporter, rotated, throwIfAborted, times } from './measuring.ts';
import type { Lab, LabChart, LabOptions, LabResult } from './result.ts';
import { LAB_CATALOG } from './catalog.ts';

/** Messages per timed batch (the same on every machine, so figures compare). */
export const ALLOCATION_BATCH = 4096;

/** The percentiles plotted. */
export const ALLOCATION_PERCENTILES = [50, 90, 99, 99.9, 99.99] as const;

/** An order as a message handler builds it. */
interface Order {
  id: number;
  side: number;
  price: number;
  qty: number;
  ts: number;
  fills: number[];
}

/** The figures of this lab's result. */
export type AllocationFigures = {
  /** Allocating loop: p99.99 / p50 batch time. */
  allocate_tail_ratio: number;
  /** Pool: p99.99 / p50. */
  pool_tail_ratio: number;
  /** Allocating / pool at p99.99. */
  allocate_over_pool_p9999: number;
  /** Allocating / pool at p50. */
  allocate_over_pool_p50: number;
  /** Messages per timed batch. */
  batch: number;
  /** Batches timed per contestant per round. */
  batches: number;
  /** Live orders (the window). */
  window: number;
};

const { title } = LAB_CATALOG['allocation'];

let sink = 0;

/** The allocating handler: a new order and a new fills array per message. */
function handleAllocating(window: (Order | undefined)[], first: number, count: number): number {
  const w = window.length;
  let acc = 0;
  for (let i = first; i < first + count; i++) {
    const o: Order = { id: i, side: i & 1, price: 10_000 + (i % 50), qty: 1 + (i % 100), ts: i, fills: [i, i & 7] };
    window[i % w] = o;
    acc += o.price + o.fills[1]!;
  }
  return acc;
}

/** The pooled handler: the same fields written into an order that already exists. */
function handlePooled(window: Order[], first: number, count: number): number {
  const w = window.length;
  let acc = 0;
  for (let i = first; i < first + count; i++) {
    const o = window[i % w]!;
    o.id = i;
    o.side = i & 1;
    o.price = 10_000 + (i % 50);
    o.qty = 1 + (i % 100);
    o.ts = i;
    o.fills[0] = i;
    o.fills[1] = i & 7;
    acc += o.price + o.fills[1]!;
  }
  return acc;
}

/** Runs the lab (see the module comment). */
export async function run(options: LabOptions = {}): Promise<LabResult> {
  const quick = options.quick ?? false;
  const rounds = quick ? 2 : 5;
  const windowSize = quick ? 10_000 : 100_000;
  const budgetMs = quick ? 40 : 700;
  throwIfAborted(options.signal);

  const allocWindow: (Order | undefined)[] = new Array<Order | undefined>(windowSize).fill(undefined);
  const pool: Order[] = Array.from({ length: windowSize }, (_, i) => ({ id: i, side: 0, price: 0, qty: 0, ts: 0, fills: [0, 0] }));
  let next = 0;
  const runAlloc = (count: number) => {
    sink += handleAllocating(allocWindow, next, count);
    next += count;
  };
  const runPool = (count: number) => {
    sink += handlePooled(pool, next, count);
    next += count;
  };

  // Warm-up: fill the window twice over, so both loops are optimised and in steady state.
  for (let i = 0; i < (quick ? 2 : 4); i++) {
    runAlloc(windowSize);
    runPool(windowSize);
  }
  await checkpoint(options.signal);

  // One batch size everywhere, so that a student's figures and the reference machine's
  // are times of the same work: 4,096 messages, tens of µs, which a browser's coarsened
  // clock (5 µs steps when isolated) still resolves to within a few steps.
  const tick = clockTickMs();
  const batch = ALLOCATION_BATCH;
  const t1 = performance.now();
  runAlloc(16 * batch);
  const allocNs = ((performance.now() - t1) * 1e6) / (16 * batch);
  const batches = Math.min(quick ? 2000 : 50_000, Math.max(quick ? 100 : 2000, Math.round((budgetMs * 1e6) / Math.max(allocNs * batch, 1))));

  const contestants = ['allocate', 'pool'] as const;
  const values = new Map<string, number[]>();
  const step = progressReporter(options, rounds * contestants.length);
  const histogram = new LatencyHistogram();
  for (let r = 0; r < rounds; r++) {
    for (const c of rotated(contestants, r)) {
      histogram.reset();
      const handle = c === 'allocate' ? runAlloc : runPool;
      for (let b = 0; b < batches; b++) {
        const start = performance.now();
        handle(batch);
        histogram.record((performance.now() - start) * 1e6);
      }
      for (const p of ALLOCATION_PERCENTILES) {
        const k = `${c}/${p}`;
        const list = values.get(k) ?? [];
        list.push(histogram.percentile(p) / 1000);
        values.set(k, list);
      }
      step(`round ${r + 1} of ${rounds}: ${c === 'allocate' ? 'allocating loop' : 'pool'}, ${batches.toLocaleString('en-US')} batches of ${batch}`);
      await checkpoint(options.signal);
    }
  }

  const chart: LabChart = {
    id: 'batch-latency',
    title: `Time to handle a batch of ${batch.toLocaleString('en-US')} messages, by percentile`,
    kind: 'lines',
    x: { label: 'percentile', unit: '%', scale: 'category', ticks: ALLOCATION_PERCENTILES.map((p) => ({ value: p, label: `p${p}` })) },
    y: { label: 'batch time', unit: 'µs', scale: 'log', better: 'lower' },
    series: [
      { id: 'allocate', label: 'allocates an order per message', points: ALLOCATION_PERCENTILES.map((p) => point(p, values.get(`allocate/${p}`)!)) },
      { id: 'pool', label: 'reuses pooled orders', points: ALLOCATION_PERCENTILES.map((p) => point(p, values.get(`pool/${p}`)!)) },
    ],
  };
  const a = chart.series[0];
  const p = chart.series[1];
  const figures: AllocationFigures = {
    allocate_tail_ratio: medianAt(a, 99.99) / medianAt(a, 50),
    pool_tail_ratio: medianAt(p, 99.99) / medianAt(p, 50),
    allocate_over_pool_p9999: medianAt(a, 99.99) / medianAt(p, 99.99),
    allocate_over_pool_p50: medianAt(a, 50) / medianAt(p, 50),
    batch,
    batches,
    window: windowSize,
  };
  const reading =
    `allocating: p99.99 is ${times(figures.allocate_tail_ratio)} its median, the pool's ${times(figures.pool_tail_ratio)}; ` +
    `at p99.99 the allocating loop takes ${times(figures.allocate_over_pool_p9999)} the pool's time (${times(figures.allocate_over_pool_p50)} at p50)`;
  const notes = [
    `Each round times ${batches.toLocaleString('en-US')} batches of ${batch.toLocaleString('en-US')} messages per loop, ${windowSize.toLocaleString('en-US')} orders live; each point is the median over ${rounds} interleaved rounds of that round's percentile (HDR histogram, 3 significant digits). The clock's step here: ${(tick * 1000).toFixed(3)} µs.`,
    `p99.99 of ${batches.toLocaleString('en-US')} batches is about the ${Math.max(1, Math.round(batches / 10_000))} slowest batch(es) of a round: ${batches < 10_000 ? 'fewer than 10,000 batches, so it is close to the maximum' : 'a real percentile'}.`,
    'The collector runs when it decides to: garbage left by the allocating loop may be collected while the pool runs, which can lift the pool’s tail a little.',
  ];
  return finish({ lab: 'allocation', title, quick, rounds, charts: [chart], figures, reading, notes });
}

export const lab: Lab = { ...LAB_CATALOG['allocation'], run };
