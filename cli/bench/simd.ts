/**
 * `ticklab bench simd [--json]`: the WebAssembly SIMD kernels against a plain one-
 * accumulator JavaScript loop and the scalar kernels, for sum and VWAP, at 4Ki elements
 * (32 KiB a column: in L1) and 16Mi elements (128 MiB a column: beyond the caches),
 * with a memory-bandwidth probe in the same run.
 *
 * Method: every variant reads the same columns (views of the wasm memory, so the SIMD
 * kernel runs zero-copy and the JavaScript loops read the very same bytes). Variants
 * are interleaved round by round, so a noisy neighbour slows all of them alike, and each
 * figure is the median of the rounds. All JavaScript functions are warmed up (optimised
 * by the JIT) on the small size before anything is timed. The probe is a wasm loop that
 * ORs 16-byte loads with eight independent chains: the least work per byte, so its rate
 * is what the memory delivers to one core, and "SIMD GB/s / probe GB/s" says how close
 * the kernel comes to being limited by memory alone.
 */
import type { BenchOptions, BenchReport } from './types.ts';
import { loadSimd, scalar } from '../../engine/simd/kernels.ts';
import type { SimdKernels } from '../../engine/simd/kernels.ts';
import { mulberry32 as prng } from '../../engine/shared/random.ts';
import { median } from '../../engine/shared/stats.ts';

/** One measured variant. */
export interface SimdBenchRow {
  /** 'sum', 'vwap', or 'read' for the bandwidth probe. */
  kernel: 'sum' | 'vwap' | 'read';
  /** plain: one-accumulator JS loop; scalar: our TS kernel; simd: wasm, zero-copy;
   * simd-copy: wasm on arrays outside wasm memory (copied in chunks); probe. */
  impl: 'plain' | 'scalar' | 'simd' | 'simd-copy' | 'probe';
  elements: number;
  /** Bytes the call reads: 8 per element per column. */
  bytes: number;
  /** Median over the rounds of the time per call. */
  ns_per_call: number;
  elements_per_s: number;
  gb_per_s: number;
  /** Rounds (samples) the median is taken over, and calls timed together per sample. */
  runs: number;
  calls_per_run: number;
}

/** The JSON report: `{"bench":"simd","results":[...],"ratio_sum_l1":...,...}`. */
export interface SimdBenchReport extends BenchReport {
  bench: 'simd';
  quick: boolean;
  kernels: string;
  sizes: { l1: number; large: number };
  results: SimdBenchRow[];
  /** Plain loop time / SIMD time, sum, small size. Target >= 5. */
  ratio_sum_l1: number;
  /** Plain loop time / SIMD time, VWAP, small size. Target >= 3. */
  ratio_vwap_l1: number;
  /** SIMD sum GB/s / probe GB/s at the large size. Target >= 0.85. */
  bandwidth_fraction_16m: number;
  /** SIMD VWAP GB/s (two columns) / probe GB/s (one column) at the large size. */
  bandwidth_fraction_vwap_16m: number;
  ratio_sum_16m: number;
  ratio_vwap_16m: number;
  /** Scalar kernel time / SIMD time at the small size (how much the lanes add). */
  ratio_scalar_sum_l1: number;
  ratio_scalar_vwap_l1: number;
  probe_gb_per_s_16m: number;
  targets: { ratio_sum_l1: number; ratio_vwap_l1: number; bandwidth_fraction_16m: number };
  /** All three targets met (null in quick mode, which measures nothing). */
  meets_targets: boolean | null;
}

const TARGETS = { ratio_sum_l1: 5, ratio_vwap_l1: 3, bandwidth_fraction_16m: 0.85 };

/** The peer: the loop anyone would write first, one accumulator, one dependency chain. */
function plainSum(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s;
}

/** The peer for VWAP: one pass, one accumulator per sum. */
function plainVwap(p: Float64Array, v: Float64Array): number {
  let pv = 0, vol = 0;
  for (let i = 0; i < p.length; i++) {
    pv += p[i]! * v[i]!;
    vol += v[i]!;
  }
  return vol === 0 ? 0 : pv / vol;
}


/** Prices near 100 and integer volumes 1..1000, like a day of trades. */
function fill(prices: Float64Array, volumes: Float64Array, seed: number): void {
  const r = prng(seed);
  for (let i = 0; i < prices.length; i++) {
    prices[i] = 100 + Math.floor(r() * 10000) / 100;
    volumes[i] = 1 + Math.floor(r() * 1000);
  }
}

interface Variant {
  kernel: SimdBenchRow['kernel'];
  impl: SimdBenchRow['impl'];
  columns: number;
  f: () => number;
}

let sink = 0;

/** Times `calls` consecutive calls; returns ns per call. */
function sample(f: () => number, calls: number): number {
  let s = 0;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) s += f();
  const t1 = performance.now();
  sink += s;
  return ((t1 - t0) * 1e6) / calls;
}


/** Measures variants interleaved: `rounds` samples each, each sample ~sampleMs long. */
function measure(variants: Variant[], elements: number, rounds: number, sampleMs: number): SimdBenchRow[] {
  // Calibrate calls per sample from one timed call (after warm-up), at least 1.
  const calls = variants.map((v) => {
    const once = sample(v.f, 1);
    return Math.max(1, Math.round((sampleMs * 1e6) / Math.max(once, 1)));
  });
  const times: number[][] = variants.map(() => []);
  for (let r = 0; r < rounds; r++) {
    variants.forEach((v, i) => times[i]!.push(sample(v.f, calls[i]!)));
  }
  return variants.map((v, i) => {
    const ns = median(times[i]!);
    const bytes = 8 * elements * v.columns;
    return {
      kernel: v.kernel,
      impl: v.impl,
      elements,
      bytes,
      ns_per_call: ns,
      elements_per_s: (elements / ns) * 1e9,
      gb_per_s: bytes / ns,
      runs: rounds,
      calls_per_run: calls[i]!,
    };
  });
}

function variantsFor(k: SimdKernels, p: Float64Array, v: Float64Array, pHeap: Float64Array, vHeap: Float64Array): Variant[] {
  return [
    { kernel: 'read', impl: 'probe', columns: 1, f: () => k.wasm.read_probe(p.byteOffset, p.length) },
    { kernel: 'sum', impl: 'plain', columns: 1, f: () => plainSum(p) },
    { kernel: 'sum', impl: 'scalar', columns: 1, f: () => scalar.sum(p) },
    { kernel: 'sum', impl: 'simd', columns: 1, f: () => k.sum(p) },
    { kernel: 'sum', impl: 'simd-copy', columns: 1, f: () => k.sum(pHeap) },
    { kernel: 'vwap', impl: 'plain', columns: 2, f: () => plainVwap(p, v) },
    { kernel: 'vwap', impl: 'scalar', columns: 2, f: () => scalar.vwap(p, v) },
    { kernel: 'vwap', impl: 'simd', columns: 2, f: () => k.vwap(p, v) },
    { kernel: 'vwap', impl: 'simd-copy', columns: 2, f: () => k.vwap(pHeap, vHeap) },
  ];
}

function find(rows: SimdBenchRow[], kernel: SimdBenchRow['kernel'], impl: SimdBenchRow['impl']): SimdBenchRow {
  const row = rows.find((r) => r.kernel === kernel && r.impl === impl);
  if (!row) throw new Error(`bench simd: no row ${kernel}/${impl}`);
  return row;
}

function table(rows: SimdBenchRow[], log: (line: string) => void): void {
  log(`  ${'kernel'.padEnd(6)} ${'impl'.padEnd(10)} ${'ns/call'.padStart(14)} ${'Melem/s'.padStart(10)} ${'GB/s'.padStart(7)}`);
  for (const r of rows) {
    log(`  ${r.kernel.padEnd(6)} ${r.impl.padEnd(10)} ${r.ns_per_call.toFixed(0).padStart(14)} ${(r.elements_per_s / 1e6).toFixed(0).padStart(10)} ${r.gb_per_s.toFixed(2).padStart(7)}`);
  }
}

/** Runs the benchmark (see the module comment); `quick` uses tiny sizes and few rounds. */
export async function run(options: BenchOptions): Promise<SimdBenchReport> {
  const { quick, log } = options;
  const small = quick ? 256 : 4096;
  const large = quick ? 65536 : 16 * 1024 * 1024;
  const rounds = quick ? 5 : 15;
  const roundsLarge = quick ? 5 : 7;

  // One instance whose heap holds all four columns, so no alloc grows (and detaches).
  const k = await loadSimd({ heapBytes: 2 * 8 * (small + large) + 4096 });
  const ps = k.alloc(small), vs = k.alloc(small);
  const pl = k.alloc(large), vl = k.alloc(large);
  fill(ps, vs, 1);
  fill(pl, vl, 2);
  const small4 = variantsFor(k, ps, vs, ps.slice(), vs.slice());
  log(`bench simd: ${k.description}; ${small} and ${large} elements; plain loop vs scalar kernel vs SIMD kernel`);

  // Warm-up: enough calls on the small arrays for the JIT to optimise every function
  // (the large run calls each only a few times, too few to get past the interpreter).
  for (const v of small4) for (let i = 0; i < (quick ? 200 : 3000); i++) sink += v.f();

  const rowsSmall = measure(small4, small, rounds, quick ? 0.2 : 2);
  log(`${small} elements (${(small * 8) / 1024} KiB a column), median of ${rounds} rounds:`);
  table(rowsSmall, log);

  const largeVariants = variantsFor(k, pl, vl, pl.slice(), vl.slice());
  for (const v of largeVariants) sink += v.f(); // first touch: page faults, not timed
  const rowsLarge = measure(largeVariants, large, roundsLarge, quick ? 0.2 : 1);
  log(`${large} elements (${(large * 8) / 2 ** 20} MiB a column), median of ${roundsLarge} rounds:`);
  table(rowsLarge, log);

  const ratio = (rows: SimdBenchRow[], kernel: SimdBenchRow['kernel'], impl: SimdBenchRow['impl']) =>
    find(rows, kernel, impl).ns_per_call / find(rows, kernel, 'simd').ns_per_call;
  const probe = find(rowsLarge, 'read', 'probe').gb_per_s;
  const report: SimdBenchReport = {
    bench: 'simd',
    quick,
    kernels: k.description,
    sizes: { l1: small, large },
    results: [...rowsSmall, ...rowsLarge],
    ratio_sum_l1: ratio(rowsSmall, 'sum', 'plain'),
    ratio_vwap_l1: ratio(rowsSmall, 'vwap', 'plain'),
    bandwidth_fraction_16m: find(rowsLarge, 'sum', 'simd').gb_per_s / probe,
    bandwidth_fraction_vwap_16m: find(rowsLarge, 'vwap', 'simd').gb_per_s / probe,
    ratio_sum_16m: ratio(rowsLarge, 'sum', 'plain'),
    ratio_vwap_16m: ratio(rowsLarge, 'vwap', 'plain'),
    ratio_scalar_sum_l1: ratio(rowsSmall, 'sum', 'scalar'),
    ratio_scalar_vwap_l1: ratio(rowsSmall, 'vwap', 'scalar'),
    probe_gb_per_s_16m: probe,
    targets: TARGETS,
    meets_targets: null,
  };
  if (!quick) {
    report.meets_targets =
      report.ratio_sum_l1 >= TARGETS.ratio_sum_l1 &&
      report.ratio_vwap_l1 >= TARGETS.ratio_vwap_l1 &&
      report.bandwidth_fraction_16m >= TARGETS.bandwidth_fraction_16m;
  }
  const f = (x: number) => x.toFixed(2);
  log(`SIMD / plain loop at ${small}: sum ${f(report.ratio_sum_l1)}x (target ${TARGETS.ratio_sum_l1}x), vwap ${f(report.ratio_vwap_l1)}x (target ${TARGETS.ratio_vwap_l1}x)`);
  log(`SIMD / scalar kernel at ${small}: sum ${f(report.ratio_scalar_sum_l1)}x, vwap ${f(report.ratio_scalar_vwap_l1)}x`);
  log(`at ${large}: probe ${f(probe)} GB/s; SIMD sum ${f(report.bandwidth_fraction_16m * 100)}% of it (target ${TARGETS.bandwidth_fraction_16m * 100}%), SIMD vwap ${f(report.bandwidth_fraction_vwap_16m * 100)}% (two columns)`);
  if (!quick) log(`targets ${report.meets_targets ? 'met' : 'NOT met'}`);
  if (sink === 0.5) log(''); // keeps every result observable to the JIT
  return report;
}
