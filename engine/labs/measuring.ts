/**
 * The small pieces of honest measuring the labs share: a point from interleaved rounds
 * (median and spread), the busy warning, batch sizes for a coarse clock, rotation of the
 * contestants, cancelling between samples, where the lab ran, and the words of a reading.
 */
import { simdSupported } from '../simd/kernels.ts';
import type { LabChart, LabEnvironment, LabOptions, LabPoint, LabResult, LabSeries } from './result.ts';

/** A spread above this (interquartile range / median) on a point counts as unsteady. */
export const BUSY_SPREAD = 0.25;

/** The value at quantile q in [0, 1] of sorted values, interpolating between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** A point from the rounds' values at `x`. */
export function point(x: number, samples: readonly number[]): LabPoint {
  const s = [...samples].sort((a, b) => a - b);
  const median = quantile(s, 0.5);
  const low = quantile(s, 0.25);
  const high = quantile(s, 0.75);
  return {
    x,
    median,
    low,
    high,
    min: s[0] ?? NaN,
    max: s[s.length - 1] ?? NaN,
    spread: median > 0 && s.length > 1 ? (high - low) / median : 0,
    samples: [...samples],
  };
}

/**
 * The busy warning: null when the rounds agree, else a plain sentence. Unsteady means
 * more than a quarter of the points (or any point by more than 2x the threshold) have
 * an interquartile range above {@link BUSY_SPREAD} of their median: the machine was doing
 * something else while the lab ran, and the figures are less sure than they look.
 */
export function busyWarning(charts: readonly LabChart[]): { busy: string | null; maxSpread: number } {
  const spreads = charts.flatMap((c) => c.series.flatMap((s) => s.points.map((p) => p.spread)));
  const maxSpread = spreads.length ? Math.max(...spreads) : 0;
  const unsteady = spreads.filter((s) => s > BUSY_SPREAD).length;
  if (unsteady * 4 > spreads.length || maxSpread > 2 * BUSY_SPREAD) {
    const pct = Math.round(maxSpread * 100);
    return {
      busy: `The machine looks busy: ${unsteady} of ${spreads.length} points varied by more than ${BUSY_SPREAD * 100}% between rounds (up to ${pct}%). Close other tabs and programs and run it again before trusting the figures.`,
      maxSpread,
    };
  }
  return { busy: null, maxSpread };
}

// Hidden from bundlers, which would otherwise try to resolve Node's modules for the browser.
function nodeImport<T>(specifier: string): Promise<T> {
  return import(/* @vite-ignore */ specifier) as Promise<T>;
}

/** True when running in Node (or a Node worker). */
export function inNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/** Where the lab is running. */
export async function environment(): Promise<LabEnvironment> {
  const simd = simdSupported();
  const sharedMemory = typeof SharedArrayBuffer === 'function';
  if (inNode()) {
    const os = await nodeImport<typeof import('node:os')>('node:os');
    return { runtime: 'node', agent: `Node ${process.version} ${process.platform}/${process.arch}`, cores: os.availableParallelism(), sharedMemory, simd };
  }
  const nav = (globalThis as { navigator?: { userAgent?: string; hardwareConcurrency?: number } }).navigator;
  return { runtime: 'browser', agent: nav?.userAgent ?? 'unknown browser', cores: nav?.hardwareConcurrency ?? null, sharedMemory, simd };
}

/** The error `run` rejects with when its signal aborts. */
export function abortError(): Error {
  const e = new Error('the lab was cancelled');
  e.name = 'AbortError';
  return e;
}

/** Throws an AbortError if `signal` has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/**
 * Lets the event loop run (so a cancel message or an abort can arrive), then throws if
 * the lab was aborted. Called between samples, never inside a timed section.
 */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  throwIfAborted(signal);
}

/** Reports progress as "step i of n: note", clamped to [0, 1]. */
export function progressReporter(options: LabOptions, steps: number): (note: string) => void {
  let done = 0;
  return (note) => {
    done++;
    options.onProgress?.(Math.min(1, done / Math.max(1, steps)), note);
  };
}

/**
 * The smallest step of `performance.now()` seen in a short probe, in ms. Browsers coarsen
 * the clock (5 µs in a cross-origin isolated page in Chromium, 100 µs without; Firefox
 * and Safari differ), so labs that time short work time batches of it instead.
 */
export function clockTickMs(): number {
  let smallest = Infinity;
  let last = performance.now();
  const until = last + 20;
  for (let seen = 0; seen < 50; ) {
    const now = performance.now();
    if (now > until) break;
    if (now > last) {
      smallest = Math.min(smallest, now - last);
      last = now;
      seen++;
    }
  }
  return Number.isFinite(smallest) ? smallest : 0.001;
}

/**
 * How many consecutive calls of `fn` take about `targetMs`: doubles the count until a
 * batch takes a quarter of the target (so a coarse clock still sees it), then scales.
 */
export function callsFor(fn: () => unknown, targetMs: number): number {
  let calls = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) fn();
    const ms = performance.now() - t0;
    if (ms >= targetMs / 4 || calls >= 1 << 24) return Math.max(1, Math.round((calls * targetMs) / Math.max(ms, 1e-6)));
    calls *= 2;
  }
}

/** Rotates `items` by `round` places: interleaved rounds start with a different contestant each time. */
export function rotated<T>(items: readonly T[], round: number): T[] {
  const k = ((round % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Formats a ratio for a reading: "4.1x", "1.0x", "250x". */
export function times(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio >= 100 ? `${Math.round(ratio)}x` : ratio >= 10 ? `${ratio.toFixed(0)}x` : `${ratio.toFixed(1)}x`;
}

/** Fills in the shared parts of a result. */
export async function finish(
  base: Omit<LabResult, 'busy' | 'maxSpread' | 'environment' | 'measuredAt' | 'figures'> & { figures: Record<string, number> },
): Promise<LabResult> {
  const { busy, maxSpread } = busyWarning(base.charts);
  const figures = Object.fromEntries(Object.entries(base.figures).map(([k, v]) => [k, Number.isFinite(v) ? v : null]));
  return { ...base, figures, busy, maxSpread, environment: await environment(), measuredAt: new Date().toISOString() };
}

/** The median point of a series at x (NaN when missing). */
export function medianAt(series: LabSeries | undefined, x: number): number {
  return series?.points.find((p) => p.x === x)?.median ?? NaN;
}

/** Human size: 1K, 16M (powers of 1024), or 100,000 for counts. */
export function sizeLabel(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n / (1 << 20)}M`;
  if (n >= 1 << 10 && n % (1 << 10) === 0) return `${n / (1 << 10)}K`;
  return n.toLocaleString('en-US');
}
