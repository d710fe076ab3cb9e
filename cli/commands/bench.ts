import { UsageError } from '../errors.ts';
import type { BenchModule, BenchOptions, BenchReport } from '../bench/types.ts';

/** The benchmarks `ticklab bench` knows, each a module `cli/bench/<name>.ts`. */
export const BENCHES = ['grade', 'book', 'ring', 'simd', 'zero-cost', 'report'] as const;
export type BenchName = (typeof BENCHES)[number];

const loaders: Record<BenchName, () => Promise<BenchModule>> = {
  grade: () => import('../bench/grading.ts'),
  book: () => import('../bench/book.ts'),
  ring: () => import('../bench/ring.ts'),
  simd: () => import('../bench/simd.ts'),
  'zero-cost': () => import('../bench/zero-cost.ts'),
  report: () => import('../bench/report.ts'),
};

/** Runs one benchmark, or all of them in turn for `all`; returns the reports. */
export async function runBench(name: string, opts: Omit<BenchOptions, 'log'>): Promise<BenchReport[]> {
  const names: readonly BenchName[] = name === 'all' ? BENCHES : [name as BenchName];
  if (!names.every((n) => (BENCHES as readonly string[]).includes(n))) {
    throw new UsageError(`unknown benchmark "${name}": choose one of ${BENCHES.join(', ')} or all`);
  }
  const log = opts.json ? (line: string) => process.stderr.write(line + '\n') : (line: string) => process.stdout.write(line + '\n');
  const reports: BenchReport[] = [];
  for (const n of names) {
    const mod = await loaders[n]();
    const report = await mod.run({ ...opts, log });
    if (opts.json) process.stdout.write(JSON.stringify(report) + '\n');
    reports.push(report);
  }
  return reports;
}
