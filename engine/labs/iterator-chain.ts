/**
 * Lab "iterator-chain": the notional of one symbol over a day of trades, four ways, per
 * trade, as the number of trades grows:
 *
 * - `chain`: `trades.filter(sym).map(qty * price).reduce(+)` over an array of objects, the
 *   line a Rust programmer writes with iterators (where it compiles to the loop);
 * - `loop`: one `for` loop over the same objects;
 * - `soa-scalar`: the engine's struct-of-arrays kernel `notionalBySymbol` (TypeScript);
 * - `soa-simd`: the same kernel in WebAssembly SIMD, on columns in wasm memory.
 *
 * The chain and the loop are shared with `ticklab bench zero-cost` (cli/bench/zero-cost.ts
 * imports them from here: the engine cannot import the CLI), so the benchmark and the
 * lesson's lab time the same code. Every contestant's
 * answer is checked against the scalar kernel's (within the proven rounding bound) before
 * anything is timed; each is warmed up; rounds are interleaved and rotated.
 */
import { loadSimd, reassociationBound, scalar, SimdUnsupportedError, type Kernels, type TradeTable } from '../simd/kernels.ts';
import { mulberry32 } from '../shared/random.ts';
import { callsFor, checkpoint, finish, medianAt, point, progressReporter, rotated, sizeLabel, throwIfAborted, times } from './measuring.ts';
import type { Lab, LabChart, LabOptions, LabResult } from './result.ts';
import { LAB_CATALOG } from './catalog.ts';

/** One trade as a JavaScript program usually holds it. */
export interface Trade {
  symbol: string;
  price: number;
  qty: number;
}

export const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOG', 'META', 'TSLA', 'AVGO'] as const;
const TARGET = 'AAPL';
const TARGET_ID = 0;

/** The iterator chain: two intermediate arrays and three closures per call. */
export function chain(trades: readonly Trade[], symbol: string): number {
  return trades
    .filter((t) => t.symbol === symbol)
    .map((t) => t.qty * t.price)
    .reduce((sum, x) => sum + x, 0);
}

/** The hand loop over the same objects. */
export function loop(trades: readonly Trade[], symbol: string): number {
  let sum = 0;
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i]!;
    if (t.symbol === symbol) sum += t.qty * t.price;
  }
  return sum;
}

/** The trade counts of a run. */
export function chainSizes(quick: boolean): number[] {
  return quick ? [1 << 10, 1 << 12] : [1 << 10, 1 << 12, 1 << 14, 1 << 16, 1 << 18, 1 << 20];
}

const CONTESTANTS = ['chain', 'loop', 'soa-scalar', 'soa-simd'] as const;
type Contestant = (typeof CONTESTANTS)[number];
const LABELS: Record<Contestant, string> = {
  chain: 'filter / map / reduce over objects',
  loop: 'for loop over objects',
  'soa-scalar': 'struct-of-arrays kernel (TypeScript)',
  'soa-simd': 'struct-of-arrays kernel (wasm SIMD)',
};

/** The figures of this lab's result. */
export type IteratorChainFigures = {
  /** Chain time / loop time per trade, at the largest size. */
  chain_over_loop: number;
  /** Loop time / scalar struct-of-arrays kernel time, largest size. */
  loop_over_soa: number;
  /** Chain time / SIMD kernel time, largest size (NaN without SIMD). */
  chain_over_simd: number;
  largest: number;
};

const { title } = LAB_CATALOG['iterator-chain'];

let sink = 0;

/** Runs the lab (see the module comment). */
export async function run(options: LabOptions = {}): Promise<LabResult> {
  const quick = options.quick ?? false;
  const rounds = quick ? 2 : 7;
  const sampleMs = quick ? 0.3 : 5;
  const sizes = chainSizes(quick);
  const largest = sizes[sizes.length - 1]!;
  const notes: string[] = [];
  throwIfAborted(options.signal);

  // One set of trades at the largest size; smaller sizes are its prefixes.
  const rng = mulberry32(7);
  const sym = new Int32Array(largest);
  const price = new Float64Array(largest);
  const qty = new Float64Array(largest);
  for (let i = 0; i < largest; i++) {
    sym[i] = Math.floor(rng() * SYMBOLS.length);
    price[i] = 100 + Math.floor(rng() * 10_000) / 100;
    qty[i] = 1 + Math.floor(rng() * 1000);
  }
  const objects: Trade[] = Array.from({ length: largest }, (_, i) => ({ symbol: SYMBOLS[sym[i]!]!, price: price[i]!, qty: qty[i]! }));
  let simd: Kernels | undefined;
  let simdTable: TradeTable | undefined;
  try {
    const k = await loadSimd({ heapBytes: 20 * largest + 65536 });
    simdTable = { symbol: k.allocInt32(largest), price: k.alloc(largest), qty: k.alloc(largest) };
    simdTable.symbol.set(sym);
    simdTable.price.set(price);
    simdTable.qty.set(qty);
    simd = k;
  } catch (error) {
    if (!(error instanceof SimdUnsupportedError)) throw error;
    notes.push(`No SIMD kernel here: ${error.message}.`);
  }
  const contestants = CONTESTANTS.filter((c) => c !== 'soa-simd' || simd);
  // Each size's inputs, made once: prefixes of the objects (copies, so each size is its own array) and column views.
  const inputs = new Map(
    sizes.map((n) => [
      n,
      {
        objects: objects.slice(0, n),
        table: { symbol: sym.subarray(0, n), price: price.subarray(0, n), qty: qty.subarray(0, n) } as TradeTable,
        simdTable: simdTable ? ({ symbol: simdTable.symbol.subarray(0, n), price: simdTable.price.subarray(0, n), qty: simdTable.qty.subarray(0, n) } as TradeTable) : undefined,
      },
    ]),
  );
  const fnFor = (c: Contestant, n: number): (() => number) => {
    const input = inputs.get(n)!;
    switch (c) {
      case 'chain':
        return () => chain(input.objects, TARGET);
      case 'loop':
        return () => loop(input.objects, TARGET);
      case 'soa-scalar':
        return () => scalar.notionalBySymbol(input.table, TARGET_ID);
      default:
        return () => simd!.notionalBySymbol(input.simdTable!, TARGET_ID);
    }
  };

  // Answers agree within the bound on reassociation, or nothing is timed.
  for (const n of [sizes[0]!, largest]) {
    const want = fnFor('soa-scalar', n)();
    let sumAbs = 0;
    for (let i = 0; i < n; i++) if (sym[i] === TARGET_ID) sumAbs += Math.abs(price[i]! * qty[i]!);
    const bound = 2 * reassociationBound(n, sumAbs);
    for (const c of contestants) {
      const got = fnFor(c, n)();
      if (!(Math.abs(got - want) <= bound)) throw new Error(`iterator-chain lab: ${c} gives ${got}, the scalar kernel ${want} (${n} trades)`);
    }
  }

  const sample = (fn: () => number, calls: number): number => {
    let s = 0;
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) s += fn();
    const ms = performance.now() - t0;
    sink += s;
    return ms;
  };
  for (const c of contestants) {
    const fn = fnFor(c, sizes[0]!);
    for (let i = 0; i < (quick ? 30 : 1500); i++) sink += fn();
  }
  await checkpoint(options.signal);
  const calls = new Map<string, number>();
  for (const c of contestants) {
    for (const n of sizes) calls.set(`${c}/${n}`, callsFor(fnFor(c, n), sampleMs));
  }

  const nsPerTrade = new Map<string, number[]>();
  const step = progressReporter(options, rounds * sizes.length);
  for (let r = 0; r < rounds; r++) {
    for (const n of sizes) {
      for (const c of rotated(contestants, r)) {
        const k = `${c}/${n}`;
        const count = calls.get(k)!;
        const ms = sample(fnFor(c, n), count);
        const list = nsPerTrade.get(k) ?? [];
        list.push((Math.max(ms, 1e-6) * 1e6) / (count * n));
        nsPerTrade.set(k, list);
      }
      step(`round ${r + 1} of ${rounds}: ${sizeLabel(n)} trades`);
      await checkpoint(options.signal);
    }
  }
  const chart: LabChart = {
    id: 'ns-per-trade',
    title: 'Notional of one symbol: time per trade, by number of trades',
    kind: 'lines',
    x: { label: 'trades', unit: 'trades', scale: 'log', ticks: sizes.map((n) => ({ value: n, label: sizeLabel(n) })) },
    y: { label: 'time per trade', unit: 'ns', scale: 'log', better: 'lower' },
    series: contestants.map((c) => ({ id: c, label: LABELS[c], points: sizes.map((n) => point(n, nsPerTrade.get(`${c}/${n}`)!)) })),
  };
  const at = (c: Contestant) => medianAt(chart.series.find((s) => s.id === c), largest);
  const figures: IteratorChainFigures = {
    chain_over_loop: at('chain') / at('loop'),
    loop_over_soa: at('loop') / at('soa-scalar'),
    chain_over_simd: simd ? at('chain') / at('soa-simd') : NaN,
    largest,
  };
  const reading =
    `at ${sizeLabel(largest)} trades the chain takes ${times(figures.chain_over_loop)} the loop's time per trade, ` +
    `the loop ${times(figures.loop_over_soa)} the struct-of-arrays kernel's` +
    (simd ? `; chain to SIMD kernel: ${times(figures.chain_over_simd)}` : '');
  notes.push(
    `Time per trade = median over ${rounds} interleaved rounds of (time of a batch of calls) / (calls x trades), after a warm-up. The symbol sought is one of eight, so an eighth of the trades count.`,
    'The objects take about 70 bytes a trade with their array slot (72 bytes measured with heapUsed around a million of them on Node 20.20) and scatter over the heap; the columns take 20 bytes a trade, contiguous. Past the caches the difference is mostly bytes read.',
  );
  if (sink === 0.5) notes.push('');
  return finish({ lab: 'iterator-chain', title, quick, rounds, charts: [chart], figures, reading, notes });
}

export const lab: Lab = { ...LAB_CATALOG['iterator-chain'], run };
