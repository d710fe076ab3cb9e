/**
 * Lab "order-book": commands per second and latency per command of the engine's book
 * against a naive book, as the number of resting orders grows from 100 to 100,000.
 *
 * The naive book is what a first version often is: each side one array of orders kept
 * sorted by price then time. A new order is placed by binary search and `splice` (which
 * shifts every order behind it), a cancel finds its order by a linear scan and `splice`s
 * it out: O(n) a command. The engine's book (engine/book/order-book.ts) keeps FIFO levels
 * with O(1) cancel and an id table: its cost per command should stay flat.
 *
 * The workload keeps the book at exactly n resting orders: each step cancels a random
 * resting order and places a new passive one (prices within 1,000 ticks of the mid, so
 * nothing crosses), drawn from one seeded generator, so both books see the same commands.
 * Throughput is timed over whole samples; latency per command in a separate pass, each
 * command timed on its own where the clock is fine enough (Node), else in small groups.
 */
import { OrderBook, BUY, SELL } from '../book/order-book.ts';
import { LatencyHistogram } from '../shared/latency-histogram.ts';
import { mulberry32 } from '../shared/random.ts';
import { callsFor, checkpoint, clockTickMs, finish, medianAt, point, progressReporter, rotated, throwIfAborted, times } from './measuring.ts';
import type { Lab, LabChart, LabOptions, LabResult, LabSeries } from './result.ts';
import { LAB_CATALOG } from './catalog.ts';

const MID = 100_000;
const LEVELS = 1000;

/** One resting order of the naive book. */
interface NaiveOrder {
  id: number;
  price: number;
  qty: number;
}

/**
 * The naive book: per side one array sorted best first (bids by price descending, asks
 * ascending), equal prices in arrival order. Handles passive limits and cancels, and
 * matches a crossing limit against the best orders (the lab never sends one, but a book
 * that could not match would not be a fair peer).
 */
export class SortedArrayBook {
  readonly bids: NaiveOrder[] = [];
  readonly asks: NaiveOrder[] = [];

  /** Places a limit order; returns the quantity left resting. */
  limit(id: number, side: number, price: number, qty: number): number {
    const opposite = side === BUY ? this.asks : this.bids;
    while (qty > 0 && opposite.length > 0) {
      const best = opposite[0]!;
      if (side === BUY ? best.price > price : best.price < price) break;
      const fill = Math.min(qty, best.qty);
      qty -= fill;
      best.qty -= fill;
      if (best.qty === 0) opposite.shift();
    }
    if (qty === 0) return 0;
    const own = side === BUY ? this.bids : this.asks;
    // First index whose order is strictly worse than the new one: it goes before it (after equal prices).
    let lo = 0;
    let hi = own.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = own[mid]!.price;
      if (side === BUY ? p >= price : p <= price) lo = mid + 1;
      else hi = mid;
    }
    own.splice(lo, 0, { id, price, qty });
    return qty;
  }

  /** Removes a resting order; false if no order has that id. */
  cancel(id: number): boolean {
    for (const side of [this.bids, this.asks]) {
      const i = side.findIndex((o) => o.id === id);
      if (i >= 0) {
        side.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  get size(): number {
    return this.bids.length + this.asks.length;
  }
}

/** The workload: a seeded stream of (cancel a random resting order, place a new one) steps. */
class Workload {
  private readonly rng: () => number;
  /** Ids of the resting orders. */
  readonly live: Int32Array;
  nextId: number;

  constructor(n: number, seed: number) {
    this.rng = mulberry32(seed);
    this.live = new Int32Array(n);
    for (let i = 0; i < n; i++) this.live[i] = i + 1;
    this.nextId = n + 1;
  }

  /** The initial order i (0-based), the same for every book. */
  initial(i: number): { id: number; side: number; price: number; qty: number } {
    const side = i & 1;
    const r = mulberry32(1_000_003 * (i + 1));
    const offset = 1 + Math.floor(r() * LEVELS);
    return { id: i + 1, side, price: side === BUY ? MID - offset : MID + offset, qty: 1 + Math.floor(r() * 100) };
  }

  /** Draws the next step into `step`: which order to cancel, and the new order. */
  draw(step: Step): void {
    const j = Math.floor(this.rng() * this.live.length);
    step.cancelId = this.live[j]!;
    const id = this.nextId++;
    this.live[j] = id;
    step.id = id;
    step.side = this.rng() < 0.5 ? BUY : SELL;
    const offset = 1 + Math.floor(this.rng() * LEVELS);
    step.price = step.side === BUY ? MID - offset : MID + offset;
    step.qty = 1 + Math.floor(this.rng() * 100);
  }
}

interface Step {
  cancelId: number;
  id: number;
  side: number;
  price: number;
  qty: number;
}

/** A contestant: a book of n orders and its workload; `steps(k)` applies k steps (2k commands). */
interface Runner {
  steps(count: number): void;
  /** Applies `count` steps timing each group of `group` commands into `h` (ns per command). */
  timed(count: number, group: number, h: LatencyHistogram): void;
  size(): number;
}

// engineRunner and naiveRunner repeat the same loops on purpose: one shared loop would
// call cancel and limit on two book classes from the same call sites, making them
// polymorphic and charging both contestants for it (what the hidden-classes lesson
// measures). Each contestant gets its own copy, as the ring benchmark's do.
function engineRunner(n: number, seed: number): Runner {
  const book = new OrderBook({ orders: 2 * n + 1024, levels: 2 * LEVELS + 16 });
  const w = new Workload(n, seed);
  for (let i = 0; i < n; i++) {
    const o = w.initial(i);
    book.limit(o.id, o.side, o.price, o.qty);
  }
  const s: Step = { cancelId: 0, id: 0, side: 0, price: 0, qty: 0 };
  return {
    steps(count) {
      for (let i = 0; i < count; i++) {
        w.draw(s);
        book.cancel(s.cancelId);
        book.limit(s.id, s.side, s.price, s.qty);
      }
    },
    timed(count, group, h) {
      // group is 1 or even: a group is a whole number of steps, or one command.
      if (group === 1) {
        for (let i = 0; i < count; i++) {
          w.draw(s);
          let t = performance.now();
          book.cancel(s.cancelId);
          const t1 = performance.now();
          h.record((t1 - t) * 1e6);
          t = performance.now();
          book.limit(s.id, s.side, s.price, s.qty);
          h.record((performance.now() - t) * 1e6);
        }
        return;
      }
      const per = group / 2;
      for (let i = 0; i < count; i += per) {
        const t = performance.now();
        for (let k = 0; k < per; k++) {
          w.draw(s);
          book.cancel(s.cancelId);
          book.limit(s.id, s.side, s.price, s.qty);
        }
        h.record(((performance.now() - t) * 1e6) / group);
      }
    },
    size: () => book.size,
  };
}

function naiveRunner(n: number, seed: number): Runner {
  const book = new SortedArrayBook();
  const w = new Workload(n, seed);
  for (let i = 0; i < n; i++) {
    const o = w.initial(i);
    (o.side === BUY ? book.bids : book.asks).push({ id: o.id, price: o.price, qty: o.qty });
  }
  // Sorted once (stable: equal prices keep arrival order), as n splices would take minutes at 100,000.
  book.bids.sort((a, b) => b.price - a.price);
  book.asks.sort((a, b) => a.price - b.price);
  const s: Step = { cancelId: 0, id: 0, side: 0, price: 0, qty: 0 };
  return {
    steps(count) {
      for (let i = 0; i < count; i++) {
        w.draw(s);
        book.cancel(s.cancelId);
        book.limit(s.id, s.side, s.price, s.qty);
      }
    },
    timed(count, group, h) {
      if (group === 1) {
        for (let i = 0; i < count; i++) {
          w.draw(s);
          let t = performance.now();
          book.cancel(s.cancelId);
          const t1 = performance.now();
          h.record((t1 - t) * 1e6);
          t = performance.now();
          book.limit(s.id, s.side, s.price, s.qty);
          h.record((performance.now() - t) * 1e6);
        }
        return;
      }
      const per = group / 2;
      for (let i = 0; i < count; i += per) {
        const t = performance.now();
        for (let k = 0; k < per; k++) {
          w.draw(s);
          book.cancel(s.cancelId);
          book.limit(s.id, s.side, s.price, s.qty);
        }
        h.record(((performance.now() - t) * 1e6) / group);
      }
    },
    size: () => book.size,
  };
}

/** Resting-order counts of a run. */
export function bookSizes(quick: boolean): number[] {
  return quick ? [100, 1000] : [100, 1000, 10_000, 100_000];
}

/** The figures of this lab's result. */
export type OrderBookFigures = {
  /** Engine commands/s over naive commands/s at the largest size. */
  engine_over_naive_largest: number;
  /** Engine time per command at the largest size / at the smallest. */
  engine_growth: number;
  /** Naive time per command at the largest size / at the smallest. */
  naive_growth: number;
  /** Commands per latency group (1: each command timed alone). */
  latency_group: number;
};

const CONTESTANTS = ['engine', 'naive'] as const;
const LABELS = { engine: 'engine book (levels, O(1) cancel)', naive: 'sorted array (splice, linear cancel)' } as const;

const { title } = LAB_CATALOG['order-book'];

/** Runs the lab (see the module comment). */
export async function run(options: LabOptions = {}): Promise<LabResult> {
  const quick = options.quick ?? false;
  const rounds = quick ? 2 : 5;
  const sampleMs = quick ? 2 : 25;
  const sizes = bookSizes(quick);
  throwIfAborted(options.signal);

  const runners = new Map<string, Runner>();
  for (const n of sizes) {
    runners.set(`engine/${n}`, engineRunner(n, 42 + n));
    runners.set(`naive/${n}`, naiveRunner(n, 42 + n));
    await checkpoint(options.signal);
  }
  // Warm-up, then the steps per sample for about sampleMs, and the latency grouping.
  const stepsPer = new Map<string, number>();
  const tick = clockTickMs();
  const nsPerCommand = new Map<string, number>();
  for (const [key, r] of runners) {
    r.steps(quick ? 50 : key.startsWith('engine') ? 50_000 : 500);
    const steps = Math.max(4, callsFor(() => r.steps(1), sampleMs));
    stepsPer.set(key, steps);
    nsPerCommand.set(key, (sampleMs * 1e6) / (2 * steps));
  }
  await checkpoint(options.signal);
  const fastest = Math.min(...nsPerCommand.values());
  const group = tick <= 0.001 ? 1 : 2 ** Math.max(1, Math.ceil(Math.log2((4 * tick * 1e6) / Math.max(fastest, 1))));

  const perSecond = new Map<string, number[]>();
  const p50 = new Map<string, number[]>();
  const p99 = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
  const h = new LatencyHistogram();
  const step = progressReporter(options, rounds * sizes.length);
  for (let round = 0; round < rounds; round++) {
    for (const n of sizes) {
      for (const c of rotated(CONTESTANTS, round)) {
        const key = `${c}/${n}`;
        const r = runners.get(key)!;
        const count = stepsPer.get(key)!;
        const t = performance.now();
        r.steps(count);
        const ms = performance.now() - t;
        push(perSecond, key, (2 * count * 1000) / Math.max(ms, 1e-6));
        h.reset();
        const latencySteps = Math.max(group, Math.min(count, quick ? 500 : 20_000));
        r.timed(latencySteps - (latencySteps % Math.max(1, group / 2)), group, h);
        push(p50, key, h.percentile(50));
        push(p99, key, h.percentile(99));
        if (r.size() !== n) throw new Error(`order-book lab: the ${c} book holds ${r.size()} orders, not ${n}`);
      }
      step(`round ${round + 1} of ${rounds}: ${n.toLocaleString('en-US')} resting orders`);
      await checkpoint(options.signal);
    }
  }

  const ticks = sizes.map((n) => ({ value: n, label: n.toLocaleString('en-US') }));
  const throughput: LabChart = {
    id: 'commands-per-second',
    title: 'Commands per second, by resting orders',
    kind: 'lines',
    x: { label: 'resting orders', unit: 'orders', scale: 'log', ticks },
    y: { label: 'throughput', unit: 'commands/s', scale: 'log', better: 'higher' },
    series: CONTESTANTS.map((c) => ({ id: c, label: LABELS[c], points: sizes.map((n) => point(n, perSecond.get(`${c}/${n}`)!)) })),
  };
  const latency: LabChart = {
    id: 'latency',
    title: group === 1 ? 'Latency of one command (p50 and p99), by resting orders' : `Latency per command (p50 and p99; commands timed in groups of ${group}), by resting orders`,
    kind: 'lines',
    x: { label: 'resting orders', unit: 'orders', scale: 'log', ticks },
    y: { label: 'latency per command', unit: 'ns', scale: 'log', better: 'lower' },
    series: CONTESTANTS.flatMap((c): LabSeries[] => [
      { id: `${c}-p50`, label: `${c === 'engine' ? 'engine' : 'sorted array'} p50`, points: sizes.map((n) => point(n, p50.get(`${c}/${n}`)!)) },
      { id: `${c}-p99`, label: `${c === 'engine' ? 'engine' : 'sorted array'} p99`, points: sizes.map((n) => point(n, p99.get(`${c}/${n}`)!)) },
    ]),
  };
  const small = sizes[0]!;
  const large = sizes[sizes.length - 1]!;
  const engine = throughput.series[0];
  const naive = throughput.series[1];
  const figures: OrderBookFigures = {
    engine_over_naive_largest: medianAt(engine, large) / medianAt(naive, large),
    engine_growth: medianAt(engine, small) / medianAt(engine, large),
    naive_growth: medianAt(naive, small) / medianAt(naive, large),
    latency_group: group,
  };
  const reading =
    `at ${large.toLocaleString('en-US')} resting orders the engine's book handles ${times(figures.engine_over_naive_largest)} the commands per second of a sorted array; ` +
    `from ${small.toLocaleString('en-US')} to ${large.toLocaleString('en-US')} orders its time per command changed by a factor of ${figures.engine_growth.toFixed(1)}, the array's by ${times(figures.naive_growth).replace(/x$/, '')}`;
  const notes = [
    `A command is a cancel of a random resting order or a new passive limit order (the book stays at n orders). Commands per second: median of ${rounds} interleaved rounds of about ${sampleMs} ms per book and size, after a warm-up. The figures include drawing the commands from a seeded generator (a few ns).`,
    group === 1
      ? 'Latency: each command timed alone with performance.now(), whose own cost (tens of ns) is included.'
      : `Latency: this clock's step is ${(tick * 1000).toFixed(1)} µs, too coarse for one command, so commands are timed in groups of ${group} and each group's mean recorded: the p99 is of those means, not of single commands.`,
  ];
  return finish({ lab: 'order-book', title, quick, rounds, charts: [throughput, latency], figures, reading, notes });
}

export const lab: Lab = { ...LAB_CATALOG['order-book'], run };
