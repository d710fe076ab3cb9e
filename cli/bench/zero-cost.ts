/**
 * `ticklab bench zero-cost [--json]`: what "zero-cost abstractions" cost in V8. The total
 * notional of one symbol over a day of trades, computed five ways over the same trades:
 *
 * - chain: `trades.filter(sym).map(qty * price).reduce(+)` over an array of objects, the
 *   line a Rust programmer writes with iterators (where it compiles to the loop);
 * - loop: one `for` loop over the same objects, all of one shape;
 * - loop-8-shapes: the same loop (a separate copy, so its inline caches are its own) over
 *   the same trades built with eight different property orders: a megamorphic load;
 * - soa-scalar: the engine's struct-of-arrays kernel `notionalBySymbol` (TypeScript);
 * - soa-simd: the same kernel in WebAssembly SIMD, on columns in wasm memory.
 *
 * Method (as `bench simd`): every variant is warmed up (optimised by the JIT) first; the
 * variants are interleaved round by round, so a noisy neighbour slows them alike; each
 * figure is the median over the rounds of the time per call. Two sizes: 4Ki trades (the
 * objects fit in L2) and 1Mi trades (beyond the caches). Every variant's answer is
 * checked against the scalar kernel's before anything is timed.
 */
import type { BenchOptions, BenchReport } from './types.ts';
import { loadSimd, reassociationBound, scalar, type SimdKernels, type TradeTable } from '#engine/kernels';
import { mulberry32 } from '#engine/random';
import { median } from '#engine/stats';
import { chain, loop, type Trade } from '../../engine/labs/iterator-chain.ts';

/** The variants, in the order they are printed. */
export const ZERO_COST_VARIANTS = ['chain', 'loop', 'loop-8-shapes', 'soa-scalar', 'soa-simd'] as const;
export type ZeroCostVariant = (typeof ZERO_COST_VARIANTS)[number];

/** One measured variant at one size. */
export interface ZeroCostRow {
  variant: ZeroCostVariant;
  trades: number;
  /** Median over the rounds of the time per call. */
  ns_per_call: number;
  ns_per_trade: number;
  /** Rounds (samples) the median is taken over, and calls timed together per sample. */
  runs: number;
  calls_per_run: number;
}

/** Time of each variant divided by the hand loop's (objects, one shape), at one size. */
export type ZeroCostRatios = Record<ZeroCostVariant, number>;

/** The JSON report: `{"bench":"zero-cost","results":[...],"ratios":{...}}`. */
export interface ZeroCostBenchReport extends BenchReport {
  bench: 'zero-cost';
  quick: boolean;
  kernels: string;
  symbols: string[];
  sizes: { small: number; large: number };
  results: ZeroCostRow[];
  /** Per size: each variant's time / the hand loop's time (chain 3 means 3x slower than the loop). */
  ratios: { small: ZeroCostRatios; large: ZeroCostRatios };
  /** Chain time / SIMD kernel time at each size: the whole distance from the one-liner to the kernel. */
  chain_over_simd: { small: number; large: number };
}

const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOG', 'META', 'TSLA', 'AVGO'];
const TARGET = 'AAPL';
const TARGET_ID = SYMBOLS.indexOf(TARGET);

// ---- The contestants. Each is its own function: V8 keeps type feedback per function. ----

// The iterator chain and the hand loop are the ones the iterator-chain lab times
// (engine/labs/iterator-chain.ts), so the benchmark and the lesson's lab measure the same code.
/** A textual copy of `loop`, fed only the objects of eight shapes. */
function loopMixed(trades: readonly Trade[], symbol: string): number {
  let sum = 0;
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i]!;
    if (t.symbol === symbol) sum += t.qty * t.price;
  }
  return sum;
}

// ---- Data. ----

/** Trades of eight symbols, prices near 100, integer quantities 1..1000. */
function makeColumns(n: number, seed: number): { sym: Int32Array; price: Float64Array; qty: Float64Array } {
  const r = mulberry32(seed);
  const sym = new Int32Array(n);
  const price = new Float64Array(n);
  const qty = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sym[i] = Math.floor(r() * SYMBOLS.length);
    price[i] = 100 + Math.floor(r() * 10_000) / 100;
    qty[i] = 1 + Math.floor(r() * 1000);
  }
  return { sym, price, qty };
}

/** One object literal, always the same keys in the same order: one hidden class. */
function oneShape(symbol: string, price: number, qty: number): Trade {
  return { symbol, price, qty };
}

/**
 * The same trade in one of eight shapes, as objects from eight different sources would
 * be: three key orders, and extra fields (venue, id, flags...) added by some producers.
 */
function someShape(k: number, symbol: string, price: number, qty: number): Trade {
  switch (k & 7) {
    case 0: return { symbol, price, qty };
    case 1: return { price, qty, symbol } as Trade;
    case 2: return { qty, symbol, price } as Trade;
    case 3: return { symbol, price, qty, venue: 'XNAS' } as Trade;
    case 4: return { id: k, symbol, price, qty } as Trade;
    case 5: return { symbol, qty, price, side: 1 } as Trade;
    case 6: return { price, symbol, qty, flags: 0 } as Trade;
    default: return { ts: k, venue: 'ARCX', symbol, price, qty } as Trade;
  }
}

interface Fixture {
  n: number;
  objects: Trade[];
  mixed: Trade[];
  table: TradeTable;
  simdTable: TradeTable;
}

function fixture(k: SimdKernels, n: number, seed: number): Fixture {
  const { sym, price, qty } = makeColumns(n, seed);
  const objects = Array.from({ length: n }, (_, i) => oneShape(SYMBOLS[sym[i]!]!, price[i]!, qty[i]!));
  const mixed = Array.from({ length: n }, (_, i) => someShape(i, SYMBOLS[sym[i]!]!, price[i]!, qty[i]!));
  const simdTable: TradeTable = { symbol: k.allocInt32(n), price: k.alloc(n), qty: k.alloc(n) };
  simdTable.symbol.set(sym);
  simdTable.price.set(price);
  simdTable.qty.set(qty);
  return { n, objects, mixed, table: { symbol: sym, price, qty }, simdTable };
}

function variantsFor(k: SimdKernels, f: Fixture): Record<ZeroCostVariant, () => number> {
  return {
    chain: () => chain(f.objects, TARGET),
    loop: () => loop(f.objects, TARGET),
    'loop-8-shapes': () => loopMixed(f.mixed, TARGET),
    'soa-scalar': () => scalar.notionalBySymbol(f.table, TARGET_ID),
    'soa-simd': () => k.notionalBySymbol(f.simdTable, TARGET_ID),
  };
}

/** Every variant must agree with the scalar kernel within the bound on reassociation. */
function verify(fns: Record<ZeroCostVariant, () => number>, f: Fixture): void {
  const want = fns['soa-scalar']();
  let sumAbs = 0;
  for (let i = 0; i < f.n; i++) if (f.table.symbol[i] === TARGET_ID) sumAbs += Math.abs(f.table.price[i]! * f.table.qty[i]!);
  const bound = 2 * reassociationBound(f.n, sumAbs);
  for (const v of ZERO_COST_VARIANTS) {
    const got = fns[v]();
    if (!(Math.abs(got - want) <= bound)) throw new Error(`bench zero-cost: ${v} gives ${got}, the scalar kernel ${want} (${f.n} trades)`);
  }
}

let sink = 0;

/** Times `calls` consecutive calls; returns ns per call. */
function sample(fn: () => number, calls: number): number {
  let s = 0;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) s += fn();
  const t1 = performance.now();
  sink += s;
  return ((t1 - t0) * 1e6) / calls;
}

/** Interleaved rounds, each sample about `sampleMs` long; the median per variant. */
function measure(fns: Record<ZeroCostVariant, () => number>, n: number, rounds: number, sampleMs: number): ZeroCostRow[] {
  const calls = ZERO_COST_VARIANTS.map((v) => Math.max(1, Math.round((sampleMs * 1e6) / Math.max(sample(fns[v], 1), 1))));
  const times: number[][] = ZERO_COST_VARIANTS.map(() => []);
  for (let r = 0; r < rounds; r++) {
    // Rotate the starting variant each round: none always runs right after the same one.
    for (let j = 0; j < ZERO_COST_VARIANTS.length; j++) {
      const i = (j + r) % ZERO_COST_VARIANTS.length;
      times[i]!.push(sample(fns[ZERO_COST_VARIANTS[i]!], calls[i]!));
    }
  }
  return ZERO_COST_VARIANTS.map((variant, i) => {
    const ns = median(times[i]!);
    return { variant, trades: n, ns_per_call: ns, ns_per_trade: ns / n, runs: rounds, calls_per_run: calls[i]! };
  });
}

function ratiosOf(rows: ZeroCostRow[]): ZeroCostRatios {
  const base = rows.find((r) => r.variant === 'loop')!.ns_per_call;
  return Object.fromEntries(rows.map((r) => [r.variant, r.ns_per_call / base])) as ZeroCostRatios;
}

function table(rows: ZeroCostRow[], ratios: ZeroCostRatios, log: (line: string) => void): void {
  log(`  ${'variant'.padEnd(14)} ${'ns/call'.padStart(12)} ${'ns/trade'.padStart(9)} ${'x loop'.padStart(7)}`);
  for (const r of rows) {
    log(`  ${r.variant.padEnd(14)} ${r.ns_per_call.toFixed(0).padStart(12)} ${r.ns_per_trade.toFixed(2).padStart(9)} ${ratios[r.variant].toFixed(2).padStart(7)}`);
  }
}

/** Runs the benchmark (see the module comment); `quick` uses tiny sizes and few rounds. */
export async function run(options: BenchOptions): Promise<ZeroCostBenchReport> {
  const { quick, log } = options;
  const small = quick ? 256 : 4096;
  const large = quick ? 8192 : 1024 * 1024;
  const rounds = quick ? 3 : 15;
  const roundsLarge = quick ? 3 : 9;

  // One wasm heap big enough for both tables (8 + 8 + 4 bytes a trade): no alloc grows it.
  const k = await loadSimd({ heapBytes: 20 * (small + large) + 4096 });
  const fs = fixture(k, small, 1);
  const fl = fixture(k, large, 2);
  const small5 = variantsFor(k, fs);
  const large5 = variantsFor(k, fl);
  log(`bench zero-cost: notional of ${TARGET} among ${SYMBOLS.length} symbols; ${k.description}; ${small} and ${large} trades`);

  // Warm-up on the small size, until every function is optimised; then check the answers.
  for (const v of ZERO_COST_VARIANTS) for (let i = 0; i < (quick ? 50 : 2000); i++) sink += small5[v]();
  verify(small5, fs);
  verify(large5, fl);

  const rowsSmall = measure(small5, small, rounds, quick ? 0.2 : 3);
  const ratiosSmall = ratiosOf(rowsSmall);
  log(`${small} trades, median of ${rounds} interleaved rounds:`);
  table(rowsSmall, ratiosSmall, log);

  const rowsLarge = measure(large5, large, roundsLarge, quick ? 0.2 : 20);
  const ratiosLarge = ratiosOf(rowsLarge);
  log(`${large} trades, median of ${roundsLarge} interleaved rounds:`);
  table(rowsLarge, ratiosLarge, log);

  const report: ZeroCostBenchReport = {
    bench: 'zero-cost',
    quick,
    kernels: k.description,
    symbols: SYMBOLS,
    sizes: { small, large },
    results: [...rowsSmall, ...rowsLarge],
    ratios: { small: ratiosSmall, large: ratiosLarge },
    chain_over_simd: { small: ratiosSmall.chain / ratiosSmall['soa-simd'], large: ratiosLarge.chain / ratiosLarge['soa-simd'] },
  };
  const f = (x: number) => x.toFixed(2);
  log(`chain / loop: ${f(ratiosSmall.chain)}x at ${small}, ${f(ratiosLarge.chain)}x at ${large}`);
  log(`loop over 8 shapes / loop over 1 shape: ${f(ratiosSmall['loop-8-shapes'])}x at ${small}, ${f(ratiosLarge['loop-8-shapes'])}x at ${large}`);
  log(`loop / SoA scalar kernel: ${f(1 / ratiosSmall['soa-scalar'])}x at ${small}, ${f(1 / ratiosLarge['soa-scalar'])}x at ${large}`);
  log(`chain / SoA SIMD kernel: ${f(report.chain_over_simd.small)}x at ${small}, ${f(report.chain_over_simd.large)}x at ${large}`);
  if (sink === 0.5) log(''); // keeps every result observable to the JIT
  return report;
}
