/**
 * What every lab returns (the measuring helpers the labs share are `measuring.ts`).
 *
 * A lab (`engine/labs/<name>.ts`) measures one claim of the course on the machine it runs
 * on, in Node (`ticklab lab`) or in a browser's Web Worker (the lessons' `<Lab>`), with the
 * same code. Its result is plain data (structured-clone safe, JSON safe): one or more
 * charts, each a set of series of points, where a point is the median over interleaved
 * rounds together with the spread of those rounds, plus a one-line reading of the result
 * and, when the spread says the machine was busy, a plain warning.
 *
 * The zod schema of this shape is `content/schemas/lab.ts` (`labResultSchema`); a type
 * test there keeps the two in step.
 */
/** The labs, in course order. */
export const LAB_NAMES = ['false-sharing', 'simd', 'iterator-chain', 'allocation', 'order-book'] as const;
/** A lab's name, as `ticklab lab <name>` and `<Lab name="...">` take it. */
export type LabName = (typeof LAB_NAMES)[number];

/** A lab, described (its entry in ./catalog.ts). */
export interface LabInfo {
  name: LabName;
  title: string;
  /** What is measured and what to expect, for a reader who has not run it yet. */
  description: string;
  /** True when the lab needs SharedArrayBuffer (a cross-origin isolated page). */
  needsSharedMemory: boolean;
  /** The lesson that embeds it with `<Lab name>`. */
  lesson: string;
}

/** Options every lab's `run` takes. */
export interface LabOptions {
  /** Tiny sizes and few rounds: proves the lab runs (tests, a first look), measures little. */
  quick?: boolean;
  /** Aborts the lab between samples; `run` then rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Told how far the lab is (0 to 1) and what it is doing, after every sample or so. */
  onProgress?(fraction: number, note: string): void;
}

/** One measured point: the median over the rounds, and how far the rounds spread. */
export interface LabPoint {
  /** Where the point sits on the x axis (bytes apart, elements, resting orders, a percentile...). */
  x: number;
  /** Median of the rounds' values. */
  median: number;
  /** First and third quartile of the rounds' values (the spread shown as a band or whisker). */
  low: number;
  high: number;
  /** Smallest and largest round. */
  min: number;
  max: number;
  /** (high - low) / median: the relative spread the busy warning looks at (0 with one round). */
  spread: number;
  /** Every round's value, in the order measured. */
  samples: number[];
}

/** One line (or set of bars) of a chart: a contestant. */
export interface LabSeries {
  /** A stable id ("simd", "naive-p99"...). */
  id: string;
  /** What the legend says. */
  label: string;
  points: LabPoint[];
}

/** An axis of a chart. */
export interface LabAxis {
  label: string;
  /** Unit of the values ("ns", "GB/s", "bytes"...). */
  unit: string;
  /** `log`: powers apart (sizes); `category`: a few named positions (strides, percentiles). */
  scale: 'linear' | 'log' | 'category';
  /** For `category` axes: the label of each x value, in order. */
  ticks?: { value: number; label: string }[];
}

/** One plot. */
export interface LabChart {
  id: string;
  title: string;
  /** `bars` for a few categories side by side, `lines` for a curve over x. */
  kind: 'bars' | 'lines';
  x: LabAxis;
  y: LabAxis & { better: 'lower' | 'higher' };
  series: LabSeries[];
}

/** Where the lab ran. */
export interface LabEnvironment {
  runtime: 'node' | 'browser';
  /** `Node v20.19.0 linux/x64`, or the browser's user agent. */
  agent: string;
  /** Logical cores the platform reports (null when it does not say). */
  cores: number | null;
  /** Whether SharedArrayBuffer is available (a cross-origin isolated page, or Node). */
  sharedMemory: boolean;
  /** Whether WebAssembly SIMD is available. */
  simd: boolean;
}

/** What a lab's `run` resolves with. */
export interface LabResult {
  lab: LabName;
  title: string;
  /** True for a `quick` run: sizes too small to read anything into. */
  quick: boolean;
  /** Interleaved rounds each point's median is taken over. */
  rounds: number;
  charts: LabChart[];
  /** The headline ratios behind `reading`, by name (e.g. `shared_over_64`); null where this machine could not measure one. */
  figures: Record<string, number | null>;
  /** One line: what this machine showed, e.g. "counters on one line: 4.1x slower than 64 bytes apart". */
  reading: string;
  /** A plain warning when the rounds disagree too much to trust the figures; null otherwise. */
  busy: string | null;
  /** The largest relative spread of any point. */
  maxSpread: number;
  /** How it was measured and what to keep in mind reading it. */
  notes: string[];
  environment: LabEnvironment;
  /** ISO time the run finished. */
  measuredAt: string;
}

/** Every lab module exports this: its description (./catalog.ts) and its measuring. */
export interface Lab extends LabInfo {
  run(options?: LabOptions): Promise<LabResult>;
}

/** True if `name` is one of the labs. */
export function isLabName(name: unknown): name is LabName {
  return typeof name === 'string' && (LAB_NAMES as readonly string[]).includes(name);
}
