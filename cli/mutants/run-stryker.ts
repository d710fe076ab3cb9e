/**
 * Runs StrykerJS on one exercise: mutants of its solution.ts, each graded by the
 * exercise's own test file (through cli/mutants/vitest.config.ts, which points the test's
 * `./exercise.ts` import at solution.ts). Stryker works in a sandbox copy under
 * reports/mutation/.stryker-tmp (removed after every run) and writes its HTML report to
 * reports/mutation/<slug>.html; both are ignored by git.
 */
import path from 'node:path';
import type { LogLevel } from '@stryker-mutator/api/core';
import type { Exercise } from '../catalog.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { fromStrykerStatus, killedOnlyByRacyTests, type MutantOutcome } from './outcome.ts';

/** Where Stryker's reports and its temporary sandboxes go, under the course root. */
export const MUTATION_REPORTS = 'reports/mutation';

export interface StrykerRun {
  /** Every mutant with what the tests made of it. */
  mutants: MutantOutcome[];
  /** The HTML report, relative to the course root. */
  report: string;
}

/** Thrown when the unmutated, instrumented solution fails its tests (Stryker has logged which, and why). */
export class SchemataUnsupported extends Error {}

/**
 * Mutation-tests one exercise's solution; `concurrency` test-runner processes at once.
 * Throws {@link SchemataUnsupported} when the tests fail on the instrumented solution.
 */
export async function runStryker(root: string, exercise: Exercise, concurrency: number): Promise<StrykerRun> {
  const { Stryker } = await import('@stryker-mutator/core');
  const report = `${MUTATION_REPORTS}/${exercise.slug}.html`;
  // The config file reads the exercise from the environment: Stryker's vitest runner
  // loads it in its own worker processes, which inherit it.
  process.env.TICKLAB_MUTANT_SLUG = exercise.slug;
  const cwd = process.cwd();
  process.chdir(root); // Stryker resolves its globs and sandbox from the working directory
  try {
    const stryker = new Stryker({
      mutate: [path.relative(root, exercise.files.solution)],
      testRunner: 'vitest',
      // This checkout's config, whichever course is mutated (an author's fork, the CLI's own tests).
      vitest: { configFile: path.join(PACKAGE_ROOT, 'cli/mutants/vitest.config.ts'), related: false },
      coverageAnalysis: 'perTest',
      // Where some tests race real threads, every test runs on each mutant (no bail at the
      // first failure), so that a mutant is known to fail a deterministic test too.
      disableBail: exercise.meta.racyTests.length > 0,
      concurrency,
      // The sandbox needs the engine, the exercise and the project files; the rest is not copied.
      ignorePatterns: ['/site', '/content', '/docs', '/test', '/dist', '/.astro', '/.ticklab', '/exercises/*', `!/exercises/${exercise.slug}`],
      tempDirName: `${MUTATION_REPORTS}/.stryker-tmp`,
      cleanTempDir: 'always',
      reporters: ['html'],
      htmlReporter: { fileName: report },
      // A mutant that makes a test loop forever is killed by this timeout, as a grader's time limit would.
      timeoutMS: Math.min(exercise.meta.timeLimitMs, 10_000),
      // Errors only: when the unmutated run fails, Stryker's error names the failing tests
      // and why (a test reading the solution's source, or one too slow on instrumented code),
      // so the fallback to one mutant at a time never hides its reason.
      logLevel: 'error' as LogLevel,
      fileLogLevel: 'off' as LogLevel,
      allowConsoleColors: false,
    });
    let results;
    try {
      results = await stryker.runMutationTest();
    } catch (error) {
      if (/failed tests in the initial test run/.test((error as Error).message)) throw new SchemataUnsupported((error as Error).message);
      throw error;
    }
    const mutants = results.map((m) => ({
      mutator: m.mutatorName,
      replacement: m.replacement,
      start: m.location.start,
      end: m.location.end,
      status: m.status === 'Killed' && killedOnlyByRacyTests(m.killedBy ?? [], exercise.meta.racyTests) ? ('survived' as const) : fromStrykerStatus(m.status),
    }));
    return { mutants, report };
  } finally {
    process.chdir(cwd);
  }
}
