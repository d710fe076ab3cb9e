/**
 * Grades one piece of code against one exercise: type-check, bundle, run in a sandbox,
 * and fold everything into one `ExerciseResult`. Never throws for anything the graded
 * code does; a grader bug is the only thing that escapes.
 */
import { existsSync } from 'node:fs';
import { exerciseLabel, type Exercise } from '../catalog.ts';
import type { ExerciseResult, Problem, TestResult } from '../../grading/result-schema.ts';
import { verdict } from '../../grading/verdict.ts';
import { bundleForSandbox } from './bundle.ts';
import { runSandbox } from './sandbox.ts';
import { typecheck } from './typecheck.ts';

export interface GradeTarget {
  exercise: Exercise;
  /** The code to grade; defaults to the exercise's own exercise.ts. */
  codeFile?: string;
  /** How to name the code file in messages. */
  codeLabel?: string;
  student?: string;
  /** Skip the type-check (faster; used when only the tests' verdict matters). */
  skipTypecheck?: boolean;
}


export async function gradeExercise(target: GradeTarget): Promise<ExerciseResult> {
  const started = performance.now();
  const { exercise } = target;
  const codeFile = target.codeFile ?? exercise.files.exercise;
  const codeLabel = target.codeLabel ?? exerciseLabel(exercise.slug);
  const base = { exercise: exercise.slug, ...(target.student ? { student: target.student } : {}) };
  const finish = (tests: TestResult[], problems: Problem[], output?: string): ExerciseResult => ({
    ...base,
    status: verdict(tests, problems),
    durationMs: Math.round(performance.now() - started),
    tests,
    problems,
    ...(output ? { output } : {}),
  });

  if (!existsSync(codeFile)) return finish([], [{ kind: 'missing', message: `no file ${codeLabel}`, file: codeLabel }]);

  // An exercise that runs only in the browser is graded in Chromium, everything else in
  // a Node sandbox; the bundle, the type-check and the verdict are the same.
  const browser = exercise.meta.runsIn === 'browser' ? await import('./browser.ts') : undefined;
  if (browser && !browser.chromiumAvailable()) {
    return finish([], [{ kind: 'load', message: `${exercise.slug} runs only in the browser (meta.json: runsIn), and there is no Chromium at ${browser.CHROMIUM}: install Debian's chromium, or take it on the course site` }]);
  }
  const bundled = await bundleForSandbox({
    testFile: exercise.files.test,
    codeFile,
    codeLabel,
    testTimeoutMs: exercise.meta.timeLimitMs,
    target: browser ? 'browser' : 'node',
  });
  if (!bundled.ok) return finish([], bundled.problems);
  // Start the run first and type-check while it goes: the check is synchronous CPU work
  // in this process, the tests run in another, so on two cores they overlap.
  const running = browser
    ? browser.runInChromium(bundled.code, exercise.meta.timeLimitMs)
    : runSandbox(bundled.code, { timeLimitMs: exercise.meta.timeLimitMs, memoryLimitMb: exercise.meta.memoryLimitMb }, bundled.workers);
  const typeProblems = target.skipTypecheck ? [] : typecheck({ testFile: exercise.files.test, codeFile, codeLabel });
  const run = await running;
  return finish(run.tests, [...typeProblems, ...run.problems], run.output);
}
