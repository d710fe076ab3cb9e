/**
 * Runs one exercise's test module with vitest's own runner and turns the outcome into
 * the shared results schema. Browser-safe: the Node sandbox and the browser worker
 * both call `runTestModule`, so a test means the same thing in both.
 */
import { collectTests as collectFiles, startTests, type File, type Task, type Test, type VitestRunner } from '@vitest/runner';
import type { Problem, TestResult } from './result-schema.ts';
import { EXERCISE_FILES } from './exercise-format.ts';

/** Progress sent while the tests run, so a grader that must kill the run knows how far it got. */
export type HarnessEvent =
  | { type: 'test-start'; name: string }
  | { type: 'test-end'; result: TestResult };

export interface HarnessOptions {
  /** Imports the bundled test module (which registers its describe/it blocks). */
  importTests: () => Promise<unknown>;
  /** Per-test limit for asynchronous tests; a synchronous endless loop needs the grader's watchdog. */
  testTimeoutMs: number;
  onEvent?: (event: HarnessEvent) => void;
}

export interface HarnessOutcome {
  tests: TestResult[];
  problems: Problem[];
}

/** The test's name with its describe blocks, as in vitest's reporters: "ring > wraps around". */
export function fullName(task: Task): string {
  const names = [task.name];
  for (let suite = task.suite; suite && suite !== task.file; suite = suite.suite) names.unshift(suite.name);
  return names.join(' > ');
}

// Diffs come coloured for terminals; results are plain text wherever they are shown.
const ANSI = /\u001b\[[0-9;]*m/g;

/** Where in the code under test an error was thrown: "exercise.ts:12:5", from its stack. */
export function codeLocation(stack: string | undefined): string | undefined {
  const m = stack && /(?:^|[\s(/])(exercise\.ts|solution\.ts):(\d+):(\d+)/m.exec(stack);
  return m ? `${m[1]}:${m[2]}:${m[3]}` : undefined;
}

type RunnerError = { message?: string; name?: string; diff?: string; stack?: string };

function errorText(errors: readonly RunnerError[] | undefined): string | undefined {
  if (!errors?.length) return undefined;
  return errors
    .map((e) => {
      const head = e.name && e.name !== 'AssertionError' && e.name !== 'Error' ? `${e.name}: ${e.message ?? ''}` : (e.message ?? String(e));
      // An assertion fails in the test file; anything else was thrown by the code: say where.
      const at = e.name !== 'AssertionError' ? codeLocation(e.stack) : undefined;
      const located = at ? `${head} (at ${at})` : head;
      return e.diff ? `${located}\n${e.diff}` : located;
    })
    .join('\n')
    .replace(ANSI, '');
}

function toResult(test: Test): TestResult {
  const state = test.result?.state;
  const status = state === 'pass' ? 'pass' : state === 'skip' || test.mode === 'skip' || test.mode === 'todo' ? 'skip' : 'fail';
  const message = errorText(test.result?.errors as never);
  return { name: fullName(test), status, durationMs: Math.round((test.result?.duration ?? 0) * 100) / 100, ...(message ? { message } : {}) };
}

function collectTests(task: Task, out: Test[]): void {
  if (task.type === 'test') out.push(task);
  else if ('tasks' in task) for (const child of task.tasks) collectTests(child, out);
}

function runnerFor(options: HarnessOptions, onStart: (test: Test) => void, onEnd: (test: Test) => void): VitestRunner {
  return {
    config: {
      root: '/',
      setupFiles: [],
      name: undefined,
      passWithNoTests: false,
      testNamePattern: undefined,
      allowOnly: false,
      sequence: { seed: 0, hooks: 'stack', setupFiles: 'list' },
      chaiConfig: { truncateThreshold: 200 },
      maxConcurrency: 1,
      testTimeout: options.testTimeoutMs,
      hookTimeout: options.testTimeoutMs,
      retry: 0,
      includeTaskLocation: false,
      tags: [],
      tagsFilter: undefined,
      strictTags: false,
    },
    importFile: async () => {
      await options.importTests();
    },
    onBeforeRunTask: onStart,
    onAfterRunTask: onEnd,
  };
}

/**
 * The full names of the test file's tests, in order, without running any: the trusted
 * side collects them (with the reference solution) to check a run's report against.
 */
export async function collectTestNames(options: Pick<HarnessOptions, 'importTests' | 'testTimeoutMs'>): Promise<string[]> {
  const files: File[] = await collectFiles([EXERCISE_FILES.test], runnerFor({ ...options }, () => undefined, () => undefined));
  const tests: Test[] = [];
  for (const file of files) {
    const loadError = errorText(file.result?.errors as never);
    if (loadError) throw new Error(`the test file did not load: ${loadError}`);
    collectTests(file, tests);
  }
  return tests.map(fullName);
}

/**
 * Runs the tests once; never throws for a failing or crashing test module, it reports it.
 * Every test gets a start and an end event, in order, skipped ones too (vitest's runner
 * does not end a skipped test), so the trusted side can check the stream is complete.
 */
export async function runTestModule(options: HarnessOptions): Promise<HarnessOutcome> {
  const started = new Set<Test>();
  const ended = new Set<Test>();
  const end = (test: Test) => {
    if (ended.has(test)) return;
    ended.add(test);
    options.onEvent?.({ type: 'test-end', result: toResult(test) });
  };
  const start = (test: Test) => {
    started.add(test);
    options.onEvent?.({ type: 'test-start', name: fullName(test) });
    if (test.mode !== 'run' && test.mode !== 'queued') end(test);
  };
  const files: File[] = await startTests([EXERCISE_FILES.test], runnerFor(options, start, end));
  const tests: Test[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    collectTests(file, tests);
    const loadError = errorText(file.result?.errors as never);
    if (loadError) problems.push({ kind: 'load', message: loadError });
  }
  // Tests the runner never visited (inside a skipped suite): reported as skipped, in order.
  for (const test of tests) {
    if (!started.has(test)) start(test);
    end(test);
  }
  if (tests.length === 0 && problems.length === 0) problems.push({ kind: 'no-tests', message: 'the test file defines no tests' });
  return { tests: tests.map(toResult), problems };
}
