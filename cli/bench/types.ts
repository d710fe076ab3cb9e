/**
 * The contract between `ticklab bench <name>` and one benchmark module
 * (`cli/bench/<name>.ts`, which exports `run`).
 *
 * A benchmark measures ours against a peer in the same process and run, and reports
 * ratios: the machines are shared and noisy, so absolute figures alone prove nothing.
 */
export interface BenchOptions {
  /** Print one JSON object on standard output (the report) and nothing else there. */
  json: boolean;
  /** Tiny sizes and few rounds: proves the benchmark runs (used by `npm test`), measures nothing. */
  quick: boolean;
  /** Human-readable progress and tables: standard output normally, standard error under --json. */
  log: (line: string) => void;
}

/** The JSON report of one benchmark: `bench` names it, the rest is benchmark-specific. */
export interface BenchReport {
  bench: string;
  [key: string]: unknown;
}

/** What every `cli/bench/<name>.ts` exports. */
export type BenchModule = { run(options: BenchOptions): Promise<BenchReport> };
