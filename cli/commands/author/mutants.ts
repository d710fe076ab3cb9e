/**
 * `ticklab check --mutants [slug...]`: mutation testing of each exercise's solution.ts
 * against its own tests. Prints the mutation score per exercise and every surviving mutant
 * as a diff of its line, which an author either kills with a test or marks equivalent in
 * meta.json (`equivalentMutants`). Fails when an exercise scores below `--min-score`, or a
 * mark matches no surviving mutant.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pc from 'picocolors';
import { exerciseLabel, loadCatalog, pick, type Exercise } from '../../catalog.ts';
import { EXERCISE_FILES } from '../../../grading/exercise-format.ts';
import { UsageError } from '../../errors.ts';
import { mutantsOneAtATime } from '../../mutants/one-at-a-time.ts';
import type { MutantOutcome } from '../../mutants/outcome.ts';
import { MUTATION_REPORTS, runStryker, SchemataUnsupported } from '../../mutants/run-stryker.ts';
import { describeMutant, scoreMutants, type MutationScore } from '../../mutants/score.ts';

export interface MutantsOptions {
  exercises?: string[];
  /** Test-runner processes (or gradings) at once, within one exercise. */
  jobs: number;
  /** The lowest mutation score (percent, equivalents left out) an exercise may have. Default 100. */
  minScore?: number;
  /** Only the exercises whose folder differs from this git revision (committed or not). */
  changedSince?: string;
  /** A sample of this many exercises (besides the changed ones), rotating with the commit: CI's budget. */
  sample?: number;
}

/** `n` exercises, consecutive in slug order from a start the commit chooses: each commit tests others. */
export function sampleExercises(slugs: readonly string[], n: number, seed: string): string[] {
  const sorted = [...slugs].sort();
  if (n >= sorted.length) return sorted;
  const start = Number.parseInt(seed.slice(0, 8), 16) % sorted.length;
  return Array.from({ length: n }, (_, i) => sorted[(start + i) % sorted.length]!);
}

/** The commit checked out, or today's date where there is no git: what the sample rotates with. */
function sampleSeed(root: string): { seed: string; what: string } {
  try {
    const seed = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { seed, what: `commit ${seed.slice(0, 7)}` };
  } catch {
    const day = new Date().toISOString().slice(0, 10);
    return { seed: Buffer.from(day).toString('hex'), what: `the date ${day}` };
  }
}

/** The exercises whose folder differs between `rev` and the working tree, untracked files included. */
export function changedExercises(root: string, rev: string): string[] {
  let names: string;
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // Changed since rev (committed or not), and new files git does not track yet.
    names = git('diff', '--name-only', rev, '--', 'exercises') + git('ls-files', '--others', '--exclude-standard', '--', 'exercises');
  } catch (error) {
    throw new UsageError(`--changed-since ${rev}: git cannot compare with it (${(error as Error).message.split('\n')[0]}); name a revision this checkout has, e.g. origin/main`);
  }
  return [...new Set(names.split('\n').flatMap((f) => /^exercises\/([^/]+)\//.exec(f)?.[1] ?? []))];
}

interface ExerciseMutants {
  exercise: Exercise;
  mutants: MutantOutcome[];
  /** How they were run: Stryker's schemata, or one mutant at a time through the grader. */
  how: 'stryker' | 'one at a time';
  seconds: number;
}

async function mutate(root: string, exercise: Exercise, jobs: number): Promise<ExerciseMutants> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 1000);
  try {
    const run = await runStryker(root, exercise, jobs);
    return { exercise, mutants: run.mutants, how: 'stryker', seconds: seconds() };
  } catch (error) {
    if (!(error instanceof SchemataUnsupported)) throw error;
    process.stderr.write(`${exercise.slug}: the tests fail on Stryker's instrumented, unmutated solution (its error above names the tests): each mutant is graded on its own instead. Expected where the tests read the solution's source; otherwise, fix the failing test.\n`);
    return { exercise, mutants: await mutantsOneAtATime(root, exercise, jobs), how: 'one at a time', seconds: seconds() };
  }
}

const pct = (n: number) => `${(Math.floor(n * 10) / 10).toFixed(1)}%`;

function report(run: ExerciseMutants, score: MutationScore, minScore: number): { ok: boolean; lines: string[] } {
  const { exercise } = run;
  const meta = exerciseLabel(exercise.slug, EXERCISE_FILES.meta);
  const ok = score.score >= minScore && score.staleMarks.length === 0;
  const marked = score.equivalent ? `, ${score.equivalent} marked equivalent` : '';
  const how = run.how === 'stryker' ? '' : ', one mutant at a time (the tests fail on Stryker\'s instrumented solution)';
  const lines = [`${ok ? pc.green('✓') : pc.red('✗')} ${exercise.slug}: ${pct(score.score)} (${score.killed} of ${score.counted} mutants killed${marked}; ${run.seconds} s${how})`];
  const source = readFileSync(exercise.files.solution, 'utf8');
  for (const m of score.survivors) {
    const [label, ...diff] = describeMutant(source, m);
    lines.push(`    ${pc.yellow('survived')} ${exerciseLabel(exercise.slug, EXERCISE_FILES.solution)} ${label}`, ...diff.map((d) => pc.dim(`      ${d}`)));
  }
  for (const i of score.staleMarks) {
    const mark = exercise.meta.equivalentMutants[i]!;
    lines.push(`    ${pc.red('error')} ${meta} (equivalentMutants[${i}]): line ${mark.line} ${mark.mutator}${mark.replacement ? ` "${mark.replacement}"` : ''} matches no surviving mutant: remove the mark, or fix its line`);
  }
  return { ok, lines };
}

export async function mutantsCommand(opts: MutantsOptions): Promise<number> {
  const catalog = loadCatalog();
  const minScore = opts.minScore ?? 100;
  const named = opts.exercises?.length ? pick(catalog, opts.exercises) : catalog.exercises;
  let chosen = named;
  if (opts.changedSince !== undefined || opts.sample !== undefined) {
    const picked = new Set<string>();
    if (opts.changedSince !== undefined) {
      const changed = changedExercises(catalog.root, opts.changedSince).filter((slug) => named.some((e) => e.slug === slug));
      changed.forEach((slug) => picked.add(slug));
      process.stdout.write(`mutants: ${changed.length} exercise${changed.length === 1 ? '' : 's'} changed since ${opts.changedSince}${changed.length ? `: ${changed.join(', ')}` : ''}\n`);
    }
    if (opts.sample !== undefined) {
      const { seed, what } = sampleSeed(catalog.root);
      const rest = named.map((e) => e.slug).filter((slug) => !picked.has(slug));
      const sampled = sampleExercises(rest, opts.sample, seed);
      sampled.forEach((slug) => picked.add(slug));
      process.stdout.write(`mutants: a sample of ${sampled.length} of the other ${rest.length}, chosen by ${what}: ${sampled.join(', ') || 'none'}\n`);
    }
    chosen = named.filter((e) => picked.has(e.slug));
  }
  const results: { slug: string; score: MutationScore; ok: boolean }[] = [];
  // One exercise at a time: each runs `jobs` test processes of its own.
  for (const exercise of chosen) {
    const run = await mutate(catalog.root, exercise, opts.jobs);
    const score = scoreMutants(run.mutants, exercise.meta.equivalentMutants);
    const { ok, lines } = report(run, score, minScore);
    process.stdout.write(lines.join('\n') + '\n');
    results.push({ slug: exercise.slug, score, ok });
  }
  const failed = results.filter((r) => !r.ok);
  if (results.length) {
    const mean = results.reduce((n, r) => n + r.score.score, 0) / results.length;
    process.stdout.write(`${MUTATION_REPORTS}/<slug>.html holds Stryker's report of each (for the exercises Stryker ran).\n`);
    process.stdout.write(`mutants: mean score ${pct(mean)} over ${results.length} exercise${results.length === 1 ? '' : 's'}; ${results.length - failed.length} passed, ${failed.length} failed (at least ${minScore}%, no stale mark)${failed.length ? `: ${failed.map((r) => r.slug).join(', ')}` : ''}\n`);
  }
  return failed.length ? 1 : 0;
}
