/**
 * Grades one piece of code against one exercise: read the file as untrusted, bundle it
 * into the sealed harness, run it contained, type-check it in a bounded worker, check the
 * run's report against the test file's own tests, and fold everything into one
 * `ExerciseResult`. Never throws for anything the graded code does; a grader bug is the
 * only thing that escapes.
 */
import { readFile } from 'node:fs/promises';
import { type Exercise } from '../catalog.ts';
import { EXERCISE_FILES, exerciseLabel } from '../../grading/exercise-format.ts';
import type { ExerciseResult, Problem, TestResult } from '../../grading/result-schema.ts';
import { verdict } from '../../grading/verdict.ts';
import { mapResultLocations } from '../../grading/source-map.ts';
import { typeSuppressions } from '../../grading/type-suppressions.ts';
import { bundleForSandbox } from './bundle.ts';
import { engineValueImports, type EngineImports } from '../../grading/engine-imports.ts';
import { runSandbox } from './sandbox.ts';
import { readSubmission } from './submission-file.ts';
import { typecheckBounded } from './typecheck-pool.ts';

export interface GradeTarget {
  exercise: Exercise;
  /** The code to grade; defaults to the exercise's own exercise.ts. */
  codeFile?: string;
  /** How to name the code file in messages. */
  codeLabel?: string;
  student?: string;
  /** The class folder the code file must stay inside (no linked folders on the way). */
  within?: string;
  /** Skip the type-check (faster; used when only the tests' verdict matters). */
  skipTypecheck?: boolean;
}

/** The test file's own test names, per exercise, listed once per process by running it with the reference solution. */
const expectedNames = new Map<string, Promise<string[] | undefined>>();

/** The names of `exercise`'s tests, collected on the trusted side (undefined if they cannot be listed). */
export function expectedTests(exercise: Exercise): Promise<string[] | undefined> {
  const key = `${exercise.files.test}\u0000${exercise.files.solution}`;
  let names = expectedNames.get(key);
  if (!names) {
    names = (async () => {
      const bundled = await bundleForSandbox({
        testFile: exercise.files.test,
        codeFile: exercise.files.solution,
        codeSource: await readFile(exercise.files.solution, 'utf8'),
        codeLabel: exerciseLabel(exercise.slug, EXERCISE_FILES.solution),
        testTimeoutMs: exercise.meta.timeLimitMs,
      });
      if (!bundled.ok) return undefined;
      const listed = await runSandbox(bundled.code, { timeLimitMs: exercise.meta.timeLimitMs, memoryLimitMb: exercise.meta.memoryLimitMb }, bundled.workers, { mode: 'collect' });
      return listed.problems.length ? undefined : listed.tests.map((t) => t.name);
    })();
    expectedNames.set(key, names);
  }
  return names;
}

/** The engine names each exercise's starting file imports as values: what any submission of it may import. */
const starterImports = new Map<string, Promise<EngineImports>>();
export function allowedEngine(exercise: Exercise): Promise<EngineImports> {
  let allowed = starterImports.get(exercise.files.exercise);
  if (!allowed) {
    allowed = readFile(exercise.files.exercise, 'utf8').then(engineValueImports);
    starterImports.set(exercise.files.exercise, allowed);
  }
  return allowed;
}

export async function gradeExercise(target: GradeTarget): Promise<ExerciseResult> {
  const started = performance.now();
  const { exercise } = target;
  const codeFile = target.codeFile ?? exercise.files.exercise;
  const codeLabel = target.codeLabel ?? exerciseLabel(exercise.slug);
  const base = { exercise: exercise.slug, ...(target.student ? { student: target.student } : {}) };
  const finish = (tests: TestResult[], problems: Problem[], output?: string, containment?: ExerciseResult['containment'], printed?: ExerciseResult['console']): ExerciseResult => ({
    ...base,
    status: verdict(tests, problems),
    durationMs: Math.round(performance.now() - started),
    tests,
    problems,
    ...(output ? { output } : {}),
    ...(printed?.length ? { console: printed } : {}),
    ...(containment ? { containment } : {}),
  });

  const read = readSubmission(codeFile, codeLabel, target.within);
  if (!read.ok) return finish([], [read.problem]);
  const codeSource = read.source;

  // An exercise that runs only in the browser is graded in Chromium, everything else in
  // a Node sandbox; the bundle, the type-check and the verdict are the same.
  const browser = exercise.meta.runsIn === 'browser' ? await import('./browser.ts') : undefined;
  if (browser && !browser.chromiumAvailable()) {
    return finish([], [{ kind: 'load', message: `${exercise.slug} runs only in the browser (meta.json: runsIn), and there is no Chromium at ${browser.CHROMIUM}: install Debian's chromium, or take it on the course site` }]);
  }
  const expecting = browser ? Promise.resolve(undefined) : expectedTests(exercise);
  const bundled = await bundleForSandbox({
    testFile: exercise.files.test,
    codeFile,
    codeLabel,
    codeSource,
    allowedEngine: await allowedEngine(exercise),
    testTimeoutMs: exercise.meta.timeLimitMs,
    target: browser ? 'browser' : 'node',
  });
  if (!bundled.ok) return finish([], bundled.problems);
  // The type-check runs in its own worker thread while the tests run in their process.
  const typeProblems = target.skipTypecheck
    ? Promise.resolve([])
    : typecheckBounded({ testFile: exercise.files.test, codeFile, codeLabel, codeSource }).then((found) => [...typeSuppressions(codeSource, codeLabel), ...found]);
  if (browser) {
    const run = await browser.runInChromium(bundled.code, exercise.meta.timeLimitMs);
    const mapped = mapResultLocations(run, bundled.studentMap);
    return finish(mapped.tests, [...(await typeProblems), ...mapped.problems], run.output, 'browser-worker');
  }
  const expected = await expecting;
  const run = await runSandbox(bundled.code, { timeLimitMs: exercise.meta.timeLimitMs, memoryLimitMb: exercise.meta.memoryLimitMb }, bundled.workers, { mode: 'run', expected });
  const mapped = mapResultLocations(run, bundled.studentMap);
  return finish(mapped.tests, [...(await typeProblems), ...mapped.problems], run.output, run.containment, run.console);
}
