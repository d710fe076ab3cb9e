/**
 * The test suite's tiers (vitest projects, vitest.config.ts). `unit`: in-process, no
 * build, no browser, no child process, the author's inner loop (`npm run test:unit`).
 * `integration`: the files below, which start processes (the CLI, grading sandboxes,
 * rustc, Stryker, workers) or build the site. `e2e`: Chromium against one build of the
 * site (test/e2e/). test/architecture/tiers.test.ts checks that no unit file starts a process.
 */

/** Test files (from the repository root) that start processes or build: the integration tier. */
export const INTEGRATION = [
  'test/architecture/boundaries.test.ts',
  'test/cli/author/*.test.ts',
  'test/cli/grade-bad-input.test.ts',
  'test/cli/grade-browser.test.ts',
  'test/cli/grade-console.test.ts',
  'test/cli/grader/*.test.ts',
  'test/cli/lab.test.ts',
  'test/cli/progress.test.ts',
  'test/cli/quiz.test.ts',
  'test/cli/replay.test.ts',
  'test/cli/report/class.test.ts',
  'test/cli/report/classroom.test.ts',
  'test/cli/report/gradescope-autograder.test.ts',
  'test/cli/student.test.ts',
  'test/cli/submissions.test.ts',
  'test/cli/watch.test.ts',
  'test/cli/bench/*.test.ts',
  'test/cli/mutants/*.test.ts',
  'test/content/glossary.test.ts',
  'test/content/rust-blocks.test.ts',
  'test/engine/labs/*.test.ts',
  'test/engine/simd/browser.test.ts',
  'test/exercises/*.test.ts',
  'test/grading/harness-browser.test.ts',
  'test/grading/vitest-compat.test.ts',
  'test/site/build.test.ts',
  'test/site/rust-playground.test.ts',
];

export const E2E = ['test/e2e/**/*.test.ts'];

/** Patterns that mark a test file as starting a process, a browser, workers or a build. */
export const PROCESS_PATTERNS = /\b(runCli|spawn|spawnSync|execFile|execFileSync|runSandbox|gradeExercise|gradeClass|launchChromium|bundleForSandbox|classThroughput|typecheckBounded|runChecks|runInChromium|new Worker)\b|\bchromium\.launch\b|['"]astro['"]|\brustc\b/;
