/**
 * `ticklab bench report`: `ticklab report` on a class of 10,000 results (2,000 students x
 * the course's first 5 exercises, seeded: most pass, some fail with messages that differ in
 * their numbers, some are missing or time out), against the least any reader of that file
 * must do: read it and JSON.parse it, measured in the same run. Two pairs, in interleaved
 * rounds, medians reported: in one process (read, validate, analyse, tables, HTML), and as
 * fresh processes (`ticklab report FILE --json` against `node -e` that parses the file),
 * which adds the CLI's start-up. The budget is 2 s for the whole command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mulberry32 } from '../../engine/shared/random.ts';
import { median } from '../../engine/shared/stats.ts';
import { makeReport, type ExerciseResult } from '../../grading/result-schema.ts';
import { loadCatalog } from '../catalog.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { classReport } from '../report/class-report.ts';
import { toHtml } from '../report/html.ts';
import { loadClass } from '../report/load.ts';
import { rulesFromMeta } from '../report/points.ts';
import { formatClassReport } from '../report/tables.ts';
import { VERSION } from '../version.ts';
import type { BenchOptions, BenchReport } from './types.ts';

const BIN = path.join(PACKAGE_ROOT, 'cli', 'bin', 'ticklab.mjs');
const BUDGET_MS = 2000;

/** A seeded class: `students` x the slugs, each result with `testsPer` tests. */
export function syntheticClass(slugs: readonly string[], students: number, testsPer = 8, seed = 22): ExerciseResult[] {
  const random = mulberry32(seed);
  const out: ExerciseResult[] = [];
  for (let s = 0; s < students; s++) {
    const student = `student-${String(s + 1).padStart(5, '0')}`;
    for (const exercise of slugs) {
      const roll = random();
      if (roll < 0.05) {
        out.push({ exercise, student, status: 'error', durationMs: 0, tests: [], problems: [{ kind: 'missing', message: `no file ${student}/${exercise}/exercise.ts`, file: `${student}/${exercise}/exercise.ts` }] });
        continue;
      }
      if (roll < 0.07) {
        out.push({ exercise, student, status: 'timeout', durationMs: 5000, tests: [], problems: [{ kind: 'timeout', message: 'stopped after the time limit of 5000 ms while loading the code' }] });
        continue;
      }
      const failing = roll < 0.4 ? 1 + Math.floor(random() * 3) : 0;
      const tests = Array.from({ length: testsPer }, (_, t) => {
        const fails = t >= testsPer - failing;
        const got = Math.floor(random() * 1000);
        return {
          name: `${exercise} > case ${t + 1}`,
          status: fails ? ('fail' as const) : ('pass' as const),
          durationMs: Math.round(random() * 50) / 10,
          ...(fails ? { message: `expected ${got} to be ${got + 1 + (t % 3)} // Object.is equality\n\n- Expected\n+ Received\n\n- ${got + 1}\n+ ${got}` } : {}),
        };
      });
      out.push({ exercise, student, status: failing ? 'fail' : 'pass', durationMs: Math.round(200 + random() * 800), tests, problems: [] });
    }
  }
  return out;
}

function timeProcess(args: string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr.toString().slice(-500)}`);
  return performance.now() - t0;
}

export async function run(options: BenchOptions): Promise<BenchReport> {
  const catalog = loadCatalog();
  const slugs = catalog.exercises.slice(0, 5).map((e) => e.slug);
  const students = options.quick ? 20 : 2000;
  const rounds = options.quick ? 1 : 5;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ticklab-bench-report-'));
  try {
    const file = path.join(dir, 'class.json');
    writeFileSync(file, JSON.stringify(makeReport(syntheticClass(slugs, students), VERSION)));
    const results = students * slugs.length;
    const rules = new Map(catalog.exercises.map((e) => [e.slug, rulesFromMeta(e.meta)]));
    const order = catalog.exercises.map((e) => e.slug);
    options.log(`report bench: ${results} results (${(readFileSync(file).length / 1e6).toFixed(1)} MB), ${rounds} interleaved rounds`);

    const samples: Record<string, number[]> = {};
    const add = (name: string, ms: number) => (samples[name] ??= []).push(ms);
    let sink = 0;
    for (let r = 0; r < rounds; r++) {
      let t0 = performance.now();
      sink += (JSON.parse(readFileSync(file, 'utf8')) as { results: unknown[] }).results.length;
      add('JSON.parse', performance.now() - t0);
      t0 = performance.now();
      const report = classReport(loadClass([file]), catalog.quizzes, { rules, order });
      sink += JSON.stringify(report).length + formatClassReport(report).length + toHtml(report).length;
      add('report in-process', performance.now() - t0);
      add('node JSON.parse process', timeProcess(['-e', 'JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))', file]));
      add('ticklab report process', timeProcess([BIN, 'report', file, '--json']));
    }
    const rows = Object.entries(samples).map(([name, s]) => ({ name, median_ms: Math.round(median(s)), samples_ms: s.map(Math.round) }));
    const m = (name: string) => median(samples[name]!);
    const ratioInProcess = m('report in-process') / m('JSON.parse');
    const ratioProcess = m('ticklab report process') / m('node JSON.parse process');
    for (const row of rows) options.log(`  ${row.name.padEnd(26)} ${String(row.median_ms).padStart(6)} ms`);
    options.log(`  report / JSON.parse: ${ratioInProcess.toFixed(1)}x in one process, ${ratioProcess.toFixed(1)}x as processes`);
    // Wall-clock figures on a shared machine mean little; the load says how shared it was.
    const load = os.loadavg()[0]!;
    options.log(`  ticklab report on ${results} results: ${Math.round(m('ticklab report process'))} ms (budget ${BUDGET_MS} ms)${options.quick ? ' [quick: measures nothing]' : ''}`);
    if (load > os.availableParallelism()) options.log(`  warning: load average ${load.toFixed(1)} on ${os.availableParallelism()} cores: the machine was busy, absolute times are inflated (the ratios less so)`);
    return {
      bench: 'report',
      unit: 'ms',
      results_graded: results,
      sink,
      results: rows,
      ratio_in_process: ratioInProcess,
      ratio_process: ratioProcess,
      budget_ms: BUDGET_MS,
      within_budget: m('ticklab report process') < BUDGET_MS,
      load_average: os.loadavg()[0],
      cores: os.availableParallelism(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
