/**
 * `ticklab bench grade`: how long grading takes, cold (a fresh `ticklab grade` process)
 * and warm (a second grade in the same process, caches filled), for one exercise and
 * for the whole set, against the peer a student would otherwise use: `vitest run` on
 * the same test files, measured in the same run. Rounds are interleaved and the median
 * is reported, with the ratio vitest / ticklab (above 1: ticklab is faster). Then a
 * class's throughput before and after sealing (class-throughput.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadCatalog } from '../catalog.ts';
import { gradeExercise } from '../grader/grade-exercise.ts';
import { mapLimit } from '../grader/pool.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import type { BenchOptions, BenchReport } from './types.ts';
import { median } from '../../engine/shared/stats.ts';
import { classThroughput } from './class-throughput.ts';

const BIN = path.join(PACKAGE_ROOT, 'cli', 'bin', 'ticklab.mjs');
const VITEST = path.join(PACKAGE_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const CONFIG = path.join(PACKAGE_ROOT, 'test', 'grading', 'vitest-solutions.config.ts');
const TSC = path.join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** The course's compiler settings, for the peer that type-checks with tsc as ticklab does. */
const TSC_FLAGS = ['--noEmit', '--strict', '--noUncheckedIndexedAccess', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
  '--allowImportingTsExtensions', '--verbatimModuleSyntax', '--skipLibCheck', '--types', 'node', '--lib', 'es2023,dom,esnext.disposable'];

export interface GradeBenchRow {
  name: string;
  median_ms: number;
  samples_ms: number[];
}


/** A fresh process's time; cold means no type-check kept from an earlier run either (typecheck-cache.ts), unless `kept`. */
function timeProcess(args: string[], kept = false): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...(kept ? {} : { TICKLAB_TYPECHECK_CACHE: 'off' }) } });
  const ms = performance.now() - t0;
  // A peer that failed to start would be timed as fast: every timed run must succeed.
  if (run.status !== 0) throw new Error(`grade bench: ${args.map((a) => path.relative(PACKAGE_ROOT, a) || a).join(' ')} exited ${run.status}: ${String(run.stderr).slice(-600)}`);
  return ms;
}

export async function run(options: BenchOptions): Promise<BenchReport> {
  const catalog = loadCatalog();
  const exercises = catalog.exercises;
  const one = exercises[0];
  if (!one) throw new Error('no exercises to grade');
  const rounds = options.quick ? 1 : 5;
  const samples: Record<string, number[]> = {};
  const add = (name: string, ms: number) => (samples[name] ??= []).push(ms);
  const oneTest = path.relative(PACKAGE_ROOT, one.files.test);

  options.log(`grade bench: ${exercises.length} exercises, ${rounds} interleaved rounds (first exercise: ${one.slug})`);
  for (let r = 0; r < rounds; r++) {
    // The solutions are graded: they run every test to the end, as a finished student's file does.
    add('ticklab one cold', timeProcess([BIN, 'grade', one.slug, '--solution', '--json']));
    // The same file again in a fresh process: its type-check is kept from the last one.
    timeProcess([BIN, 'grade', one.slug, '--solution', '--json'], true);
    add('ticklab one, types kept', timeProcess([BIN, 'grade', one.slug, '--solution', '--json'], true));
    const vitestOne = timeProcess([VITEST, 'run', '--config', CONFIG, oneTest]);
    add('vitest one cold', vitestOne);
    // The same guarantees as ticklab (types and tests) by hand: tsc, then vitest.
    add('tsc+vitest one cold', timeProcess([TSC, ...TSC_FLAGS, oneTest]) + vitestOne);
    add('ticklab all cold', timeProcess([BIN, 'grade', '--solution', '--json']));
    add('vitest all cold', timeProcess([VITEST, 'run', '--config', CONFIG]));
    // Warm: this process has graded before, so TypeScript's library files are parsed.
    const solution = (exercise: (typeof exercises)[number]) => ({ exercise, codeFile: exercise.files.solution });
    await gradeExercise(solution(one));
    let t0 = performance.now();
    await gradeExercise(solution(one));
    add('ticklab one warm', performance.now() - t0);
    t0 = performance.now();
    await mapLimit(exercises, 2, (exercise) => gradeExercise(solution(exercise)));
    add('ticklab all warm', performance.now() - t0);
  }

  const results: GradeBenchRow[] = Object.entries(samples).map(([name, xs]) => ({
    name,
    median_ms: Math.round(median(xs)),
    samples_ms: xs.map((x) => Math.round(x)),
  }));
  const med = (name: string) => results.find((r) => r.name === name)!.median_ms;
  const report = {
    bench: 'grade',
    unit: 'ms',
    exercises: exercises.length,
    results,
    ratio_one_cold: +(med('vitest one cold') / med('ticklab one cold')).toFixed(2),
    ratio_all_cold: +(med('vitest all cold') / med('ticklab all cold')).toFixed(2),
    ratio_one_cold_typed: +(med('tsc+vitest one cold') / med('ticklab one cold')).toFixed(2),
    ratio_one_warm: +(med('vitest one cold') / med('ticklab one warm')).toFixed(2),
    ratio_one_kept: +(med('vitest one cold') / med('ticklab one, types kept')).toFixed(2),
  };
  // A class: 100 correct and 100 wrong submissions, before (the unsealed grader) and after.
  Object.assign(report, { class: classThroughput(options.quick ? 2 : 100, 1, options.log) });
  for (const r of results) options.log(`  ${r.name.padEnd(24)} ${String(r.median_ms).padStart(6)} ms  (samples ${r.samples_ms.join(', ')})`);
  options.log(`  vitest / ticklab, one exercise cold: ${report.ratio_one_cold}x; whole set cold: ${report.ratio_all_cold}x`);
  options.log(`  (tsc + vitest) / ticklab, one exercise cold: ${report.ratio_one_cold_typed}x (the same guarantees: types and tests)`);
  options.log(`  vitest cold / ticklab warm (watch mode), one exercise: ${report.ratio_one_warm}x`);
  options.log(`  vitest cold / ticklab cold with the type-check kept (a re-grade of an unchanged file), one exercise: ${report.ratio_one_kept}x`);
  return report;
}
