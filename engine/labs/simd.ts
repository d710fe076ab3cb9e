/**
 * Lab "simd": sum and VWAP throughput against array size, from 1 K to 16 M elements, for
 * three contestants over the very same arrays:
 *
 * - `loop`: the plain loop anyone writes, one accumulator (`s += x[i]`);
 * - `scalar`: the engine's scalar kernel (TypeScript, four independent accumulators);
 * - `simd`: the engine's WebAssembly SIMD kernel (f64x2 lanes), reading the arrays in place
 *   in wasm memory (all three read the same memory, so none is favoured by where it lives).
 *
 * Throughput is bytes read per second (8 per element for sum, 16 for VWAP). While the
 * arrays fit in a cache the kernels run at the core's speed; past each cache the curve
 * steps down to the next memory's bandwidth, and past the last one all three contestants
 * meet: a memory-bound loop is not helped by lanes. Samples are about `sampleMs` long,
 * interleaved by contestant and rotated every round, after a warm-up that lets the JIT
 * optimise each function.
 */
import { loadSimd, reassociationBound, scalar, SimdUnsupportedError, vwapBound, type Kernels } from '../simd/kernels.ts';
import { mulberry32 } from '../shared/random.ts';
import { callsFor, checkpoint, finish, medianAt, point, progressReporter, rotated, sizeLabel, throwIfAborted, times } from './measuring.ts';
import type { Lab, LabChart, LabOptions, LabResult, LabSeries } from './result.ts';
import { LAB_CATALOG } from './catalog.ts';

/** The array sizes (elements) of a run. */
export function simdSizes(quick: boolean): number[] {
  return quick ? [1 << 10, 1 << 14] : [1 << 10, 1 << 12, 1 << 14, 1 << 16, 1 << 18, 1 << 20, 1 << 22, 1 << 24];
}

/** The figures of this lab's result. */
export type SimdFigures = {
  /** SIMD kernel / plain loop throughput, sum, at the smallest size (in cache). */
  sum_simd_over_loop_small: number;
  /** The same at the largest size (memory-bound). */
  sum_simd_over_loop_large: number;
  /** SIMD kernel / scalar kernel, VWAP, smallest size. */
  vwap_simd_over_scalar_small: number;
  /** SIMD kernel / scalar kernel, VWAP, largest size. */
  vwap_simd_over_scalar_large: number;
  /** Largest size measured (elements). */
  largest: number;
};

const { title } = LAB_CATALOG['simd'];

// ---- The plain loops: the code a programmer writes first. ----

function loopSum(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s;
}

function loopVwap(p: Float64Array, v: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < p.length; i++) {
    num += p[i]! * v[i]!;
    den += v[i]!;
  }
  return den === 0 ? 0 : num / den;
}

type Op = 'sum' | 'vwap';
type Contestant = 'loop' | 'scalar' | 'simd';
const LABELS: Record<Contestant, string> = { loop: 'plain loop', scalar: 'scalar kernel (4 accumulators)', simd: 'wasm SIMD kernel (f64x2)' };

let sink = 0;

/** Runs `fn` `calls` times; returns ms. */
function timeCalls(fn: () => number, calls: number): number {
  let s = 0;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) s += fn();
  const ms = performance.now() - t0;
  sink += s;
  return ms;
}

/** Runs the lab (see the module comment). */
export async function run(options: LabOptions = {}): Promise<LabResult> {
  const quick = options.quick ?? false;
  const rounds = quick ? 2 : 5;
  const sampleMs = quick ? 0.5 : 6;
  const notes: string[] = [];
  throwIfAborted(options.signal);

  // One block of wasm memory holds both columns at the largest size; every contestant
  // reads the same bytes. Sizes that do not fit are dropped with a note.
  let sizes = simdSizes(quick);
  let simd: Kernels | undefined;
  let kernels: Kernels = scalar;
  let prices: Float64Array | undefined;
  let volumes: Float64Array | undefined;
  while (sizes.length > 0 && !prices) {
    const max = sizes[sizes.length - 1]!;
    try {
      const k = await loadSimd({ heapBytes: 16 * max + 65536 });
      simd = k;
      kernels = k;
      prices = k.alloc(max);
      volumes = k.alloc(max);
    } catch (error) {
      if (error instanceof SimdUnsupportedError) {
        notes.push(`No SIMD kernel here: ${error.message}.`);
        try {
          prices = new Float64Array(max);
          volumes = new Float64Array(max);
        } catch {
          sizes = sizes.slice(0, -1);
        }
      } else if (error instanceof RangeError || (error as Error)?.name === 'RangeError') {
        notes.push(`${sizeLabel(max)} elements did not fit in memory here; the lab stops at the size before.`);
        sizes = sizes.slice(0, -1);
      } else throw error;
    }
  }
  if (!prices || !volumes) throw new Error('the SIMD lab could not allocate even its smallest arrays');
  const largest = sizes[sizes.length - 1]!;
  const rng = mulberry32(20261125);
  for (let i = 0; i < largest; i++) {
    prices[i] = 100 + Math.floor(rng() * 10_000) / 100;
    volumes[i] = 1 + Math.floor(rng() * 1000);
  }
  const contestants: Contestant[] = simd ? ['loop', 'scalar', 'simd'] : ['loop', 'scalar'];
  const fnFor = (c: Contestant, op: Op, n: number): (() => number) => {
    const p = prices!.subarray(0, n);
    const v = volumes!.subarray(0, n);
    const k = c === 'simd' ? kernels : scalar;
    if (c === 'loop') return op === 'sum' ? () => loopSum(p) : () => loopVwap(p, v);
    return op === 'sum' ? () => k.sum(p) : () => k.vwap(p, v);
  };

  // Every contestant agrees with the others within the proven rounding bound, or nothing is timed.
  {
    const n = Math.min(largest, 1 << 14);
    const p = prices.subarray(0, n);
    const v = volumes.subarray(0, n);
    let absSum = 0;
    for (let i = 0; i < n; i++) absSum += Math.abs(p[i]!);
    const sumBound = 2 * reassociationBound(n, absSum);
    const vBound = 2 * vwapBound(p, v);
    for (const c of contestants) {
      const s = fnFor(c, 'sum', n)();
      const w = fnFor(c, 'vwap', n)();
      if (!(Math.abs(s - loopSum(p)) <= sumBound)) throw new Error(`simd lab: ${c} sums to ${s}, the plain loop to ${loopSum(p)}`);
      if (!(Math.abs(w - loopVwap(p, v)) <= vBound)) throw new Error(`simd lab: ${c} VWAP ${w}, the plain loop ${loopVwap(p, v)}`);
    }
  }

  // Warm-up: each function optimised on a small array before anything is timed.
  const small = sizes[0]!;
  for (const c of contestants) for (const op of ['sum', 'vwap'] as const) timeCalls(fnFor(c, op, small), quick ? 50 : 3000);
  await checkpoint(options.signal);

  // Calls per sample, per (op, contestant, size): about sampleMs each.
  const calls = new Map<string, number>();
  const key = (op: Op, c: Contestant, n: number) => `${op}/${c}/${n}`;
  for (const op of ['sum', 'vwap'] as const) {
    for (const c of contestants) {
      for (const n of sizes) calls.set(key(op, c, n), callsFor(fnFor(c, op, n), sampleMs));
    }
  }

  const gbps = new Map<string, number[]>();
  const step = progressReporter(options, rounds * sizes.length);
  for (let r = 0; r < rounds; r++) {
    for (const n of sizes) {
      for (const op of rotated(['sum', 'vwap'] as const, r)) {
        for (const c of rotated(contestants, r)) {
          const k = key(op, c, n);
          const count = calls.get(k)!;
          const ms = timeCalls(fnFor(c, op, n), count);
          const bytes = n * (op === 'sum' ? 8 : 16) * count;
          const list = gbps.get(k) ?? [];
          list.push(bytes / (Math.max(ms, 1e-6) * 1e6)); // bytes per ns = GB/s
          gbps.set(k, list);
        }
      }
      step(`round ${r + 1} of ${rounds}: ${sizeLabel(n)} elements`);
      await checkpoint(options.signal);
    }
  }

  const chartOf = (op: Op): LabChart => ({
    id: op,
    title: op === 'sum' ? 'Sum of a column: throughput by size' : 'VWAP of two columns: throughput by size',
    kind: 'lines',
    x: { label: 'elements per array', unit: 'elements', scale: 'log', ticks: sizes.map((n) => ({ value: n, label: sizeLabel(n) })) },
    y: { label: 'throughput', unit: 'GB/s', scale: 'linear', better: 'higher' },
    series: contestants.map((c): LabSeries => ({ id: c, label: LABELS[c], points: sizes.map((n) => point(n, gbps.get(key(op, c, n))!)) })),
  });
  const charts = [chartOf('sum'), chartOf('vwap')];
  const ratio = (chart: LabChart, a: Contestant, b: Contestant, n: number) =>
    medianAt(chart.series.find((s) => s.id === a), n) / medianAt(chart.series.find((s) => s.id === b), n);
  const top = simd ? 'simd' : 'scalar';
  const figures: SimdFigures = {
    sum_simd_over_loop_small: ratio(charts[0]!, top, 'loop', small),
    sum_simd_over_loop_large: ratio(charts[0]!, top, 'loop', largest),
    vwap_simd_over_scalar_small: simd ? ratio(charts[1]!, 'simd', 'scalar', small) : NaN,
    vwap_simd_over_scalar_large: simd ? ratio(charts[1]!, 'simd', 'scalar', largest) : NaN,
    largest,
  };
  const reading = simd
    ? `sum: the SIMD kernel reads ${times(figures.sum_simd_over_loop_small)} as fast as the plain loop at ${sizeLabel(small)} elements, ${times(figures.sum_simd_over_loop_large)} at ${sizeLabel(largest)}` +
      ` (VWAP: ${times(figures.vwap_simd_over_scalar_small)} the scalar kernel's speed, then ${times(figures.vwap_simd_over_scalar_large)})`
    : `no WebAssembly SIMD here; sum: the scalar kernel reads ${times(figures.sum_simd_over_loop_small)} as fast as the plain loop at ${sizeLabel(small)} elements, ${times(figures.sum_simd_over_loop_large)} at ${sizeLabel(largest)}`;
  notes.push(
    `Throughput = bytes read (8 per element for sum, 16 for VWAP) / time, median of ${rounds} interleaved rounds of about ${sampleMs} ms per contestant and size, after a warm-up.`,
    'All contestants read the same arrays, in WebAssembly memory. Where the caches end depends on the CPU: L1 is usually 32-48 KB (4-6 K doubles), L2 0.25-2 MB, L3 several MB.',
  );
  if (sink === 0.5) notes.push(''); // keeps the results observable
  return finish({ lab: 'simd', title, quick, rounds, charts, figures, reading, notes });
}

export const lab: Lab = { ...LAB_CATALOG['simd'], run };
