/**
 * `ticklab bench book`: the reference order book against nodejs-order-book, in one process.
 *
 * Both books replay the same seeded random tape (55% limit, 10% market, 20% cancel, 15%
 * modify, limit prices within ±12 ticks of the mid), each through its own API, in
 * interleaved rounds on fresh books; throughput is the median of the rounds. Latency per
 * command comes from separate timed passes (one clock read per command, so the figures
 * include the clock's own cost, ~30-50 ns) recorded in an HDR histogram. A second
 * scenario preloads 100,000 resting orders into one deep level per side, which the tape's
 * cancels and modifies then hit half of the time: our cost per command must not grow.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LatencyHistogram } from '../../engine/shared/latency-histogram.ts';
import type { LatencySummary } from '../../engine/shared/latency-histogram.ts';
import { OrderBook } from '../../engine/book/order-book.ts';
import type { BookCommand, BookSink } from '../../engine/book/order-book.ts';
import { generateCommands } from '../../engine/book/tape-gen.ts';
import type { BenchOptions, BenchReport } from './types.ts';
import { median } from '../../engine/shared/stats.ts';

// nodejs-order-book's ESM build uses extension-less imports, so load its CommonJS build.
type PeerBook = {
  limit(o: { id: string; side: string; size: number; price: number }): unknown;
  market(o: { side: string; size: number }): unknown;
  cancel(id: string): unknown;
  modify(id: string, u: { price?: number; size?: number }): unknown;
};
const require = createRequire(import.meta.url);
const Peer = (require('nodejs-order-book') as { OrderBook: new () => PeerBook }).OrderBook;

const SEED = 20261125;

/** Counts trades and sums their quantities, so that the work cannot be optimised away. */
class CountingSink implements BookSink {
  trades = 0;
  volume = 0;
  trade(_t: number, _m: number, _p: number, qty: number): void {
    this.trades++;
    this.volume += qty;
  }
}

/** One implementation under test: feeds commands [from, to) to a fresh book. */
interface Contender {
  name: string;
  /** Creates a fresh book and applies commands [0, from) untimed (the preload). */
  setup(from: number): void;
  /** Applies commands [from, to); with a histogram, times each command. */
  run(from: number, to: number, h?: LatencyHistogram): void;
  /** Drops the book. */
  teardown(): void;
}

function ours(cmds: BookCommand[]): Contender {
  let book: OrderBook | null = null;
  const sink = new CountingSink();
  return {
    name: 'ticklab',
    setup(from) {
      book = new OrderBook({ orders: 1 << 16, levels: 256, sink });
      for (let i = 0; i < from; i++) book.execute(cmds[i]!);
    },
    run(from, to, h) {
      const b = book!;
      if (!h) {
        for (let i = from; i < to; i++) b.execute(cmds[i]!);
        return;
      }
      for (let i = from; i < to; i++) {
        const t0 = performance.now();
        b.execute(cmds[i]!);
        h.record((performance.now() - t0) * 1e6);
      }
    },
    teardown() {
      book = null;
    },
  };
}

function peer(cmds: BookCommand[]): Contender {
  // String ids are what its API takes; convert once, outside the timed loops.
  const ids = cmds.map((c) => String(c.id));
  let book: PeerBook | null = null;
  const one = (b: PeerBook, i: number): void => {
    const c = cmds[i]!;
    switch (c.op) {
      case 'limit':
        b.limit({ id: ids[i]!, side: c.side, size: c.qty, price: c.price });
        break;
      case 'market':
        b.market({ side: c.side, size: c.qty });
        break;
      case 'cancel':
        b.cancel(ids[i]!);
        break;
      case 'modify': {
        const u: { price?: number; size?: number } = {};
        if (c.price !== undefined) u.price = c.price;
        if (c.qty !== undefined) u.size = c.qty;
        b.modify(ids[i]!, u);
        break;
      }
    }
  };
  return {
    name: 'nodejs-order-book',
    setup(from) {
      book = new Peer();
      for (let i = 0; i < from; i++) one(book, i);
    },
    run(from, to, h) {
      const b = book!;
      if (!h) {
        for (let i = from; i < to; i++) one(b, i);
        return;
      }
      for (let i = from; i < to; i++) {
        const t0 = performance.now();
        one(b, i);
        h.record((performance.now() - t0) * 1e6);
      }
    },
    teardown() {
      book = null;
    },
  };
}

let gcFn: (() => void) | null | undefined;
/** A full GC when we can get one (so that memory figures and rounds start clean). */
function gc(): void {
  if (gcFn === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    } catch {
      gcFn = null;
    }
  }
  gcFn?.();
}

/** GC, then give the runtime a moment to release array buffers freed by it, then GC again. */
async function settle(): Promise<void> {
  gc();
  await new Promise((r) => setTimeout(r, 50));
  gc();
}

function memNow(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}


/** The per-implementation result object of the report. */
export interface BookBenchResult extends Omit<LatencySummary, 'count' | 'mean_ns'> {
  name: string;
  /** Median throughput, commands per second. */
  median: number;
  /** Throughput of every round, commands per second. */
  runs: number[];
  /** Commands timed per round. */
  commands: number;
  /** Heap plus array buffers retained by the book after the run, in bytes. */
  mem_bytes: number;
}

interface Scenario {
  from: number;
  to: number;
  rounds: number;
}

/** Interleaved throughput rounds, then one timed latency pass each, then memory. */
async function measure(cs: Contender[], sc: Record<string, Scenario>, log: (l: string) => void, label: string): Promise<BookBenchResult[]> {
  const runs = new Map<string, number[]>(cs.map((c) => [c.name, []]));
  const maxRounds = Math.max(...cs.map((c) => sc[c.name]!.rounds));
  for (let r = -1; r < maxRounds; r++) {
    for (const c of cs) {
      const s = sc[c.name]!;
      if (r >= s.rounds) continue;
      // No forced GC here: measured, a full GC just before a round slowed the following
      // round of our book by up to 2x (both books run without one, in the same conditions).
      c.setup(s.from);
      const t0 = performance.now();
      c.run(s.from, s.to);
      const dt = performance.now() - t0;
      c.teardown();
      const ops = ((s.to - s.from) / dt) * 1000;
      if (r >= 0) runs.get(c.name)!.push(ops); // round -1 warms the JIT up
      log(`  ${label} ${r < 0 ? 'warm-up' : `round ${r + 1}`} ${c.name.padEnd(18)} ${fmtOps(ops)}`);
    }
  }
  const out: BookBenchResult[] = [];
  for (const c of cs) {
    const s = sc[c.name]!;
    await settle();
    const before = memNow();
    c.setup(s.from);
    const h = new LatencyHistogram();
    c.run(s.from, s.to, h);
    await settle();
    const mem = memNow() - before;
    c.teardown();
    const { p50_ns, p99_ns, p999_ns, max_ns } = h.summary();
    const rs = runs.get(c.name)!;
    out.push({ name: c.name, median: Math.round(median(rs)), runs: rs.map(Math.round), commands: s.to - s.from, p50_ns, p99_ns, p999_ns, max_ns, mem_bytes: mem });
  }
  return out;
}

function fmtOps(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(1)} k/s`;
}

function table(rs: BookBenchResult[], log: (l: string) => void): void {
  log(`  ${'book'.padEnd(18)} ${'median'.padStart(11)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'p99.9'.padStart(8)} ${'max'.padStart(10)} ${'memory'.padStart(9)}`);
  for (const r of rs) {
    log(
      `  ${r.name.padEnd(18)} ${fmtOps(r.median).padStart(11)} ${(r.p50_ns + 'ns').padStart(8)} ${(r.p99_ns + 'ns').padStart(8)} ${(r.p999_ns + 'ns').padStart(8)} ${(r.max_ns + 'ns').padStart(10)} ${((r.mem_bytes / 2 ** 20).toFixed(1) + 'MiB').padStart(9)}`,
    );
  }
}

/** Runs the order-book benchmark (see the module comment). */
export async function run(options: BenchOptions): Promise<BenchReport> {
  const { log, quick } = options;
  const count = quick ? 2_000 : 1_000_000;
  const resting = quick ? 1_000 : 100_000;
  const rounds = quick ? 1 : 5;
  // The peer's cancel walks every order of the level (O(n)), so on the deep book it gets a
  // shorter slice of the same tape, and fewer rounds, to finish in reasonable time.
  const peerDeepCount = quick ? 500 : 5_000;

  log(`book: ${count.toLocaleString('en-US')} commands (seed ${SEED}), ${rounds} interleaved rounds, Node ${process.version}`);
  const cmds = generateCommands({ seed: SEED, count });
  const a = ours(cmds);
  const b = peer(cmds);
  const main = await measure([a, b], { [a.name]: { from: 0, to: count, rounds }, [b.name]: { from: 0, to: count, rounds } }, log, 'main');
  table(main, log);

  log(`book: the same kind of tape after ${resting.toLocaleString('en-US')} resting orders in one level per side`);
  const deepCmds = generateCommands({ seed: SEED + 1, count, resting });
  const da = ours(deepCmds);
  const db = peer(deepCmds);
  const deep = await measure(
    [da, db],
    {
      [da.name]: { from: resting, to: resting + count, rounds },
      [db.name]: { from: resting, to: resting + peerDeepCount, rounds: quick ? 1 : 3 },
    },
    log,
    'deep',
  );
  table(deep, log);

  const ratio = main[0]!.median / main[1]!.median;
  const deepRatio = deep[0]!.median / deep[1]!.median;
  const flat = deep[0]!.median / main[0]!.median;
  log(`book: ours / peer = ${ratio.toFixed(1)}x; with ${resting.toLocaleString('en-US')} resting: ${deepRatio.toFixed(1)}x; our deep / shallow throughput = ${flat.toFixed(2)}`);

  return {
    bench: 'book',
    unit: 'ops/s',
    commands: count,
    seed: SEED,
    rounds,
    node: process.version,
    results: main,
    ratio: Number(ratio.toFixed(2)),
    deep: { resting, results: deep, ratio: Number(deepRatio.toFixed(2)), ours_deep_over_shallow: Number(flat.toFixed(3)) },
  };
}
