/**
 * Mutation testing without mutant schemata, for an exercise whose tests read the
 * solution's own source: a test that inspects a function's text (branchless-select's "no
 * branch") or ships it to a worker as text (atomics-mutex, racy-counter) fails on
 * Stryker's instrumented code, where every mutant sits behind a switch on a global. Here
 * Stryker's instrumenter only lists the mutants (the same operators); each is written into
 * a copy of solution.ts on its own and graded by the grader, as a student's file would be.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Exercise } from '../catalog.ts';
import { caughtDeterministically } from '../check/graded-checks.ts';
import { gradeExercise } from '../grader/grade-exercise.ts';
import { mapLimit } from '../grader/pool.ts';
import type { MutantOutcome } from './outcome.ts';

/** Stryker's instrumenter wants a logger; it has nothing to say that a run needs. */
const quiet = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error: (...args: unknown[]) => console.error(...args),
  fatal: (...args: unknown[]) => console.error(...args),
};

/** The source with one mutant written in (positions 0-based, as the instrumenter gives them). */
function applyMutant(source: string, start: { line: number; column: number }, end: { line: number; column: number }, replacement: string): string {
  const lines = source.split('\n');
  const offset = (p: { line: number; column: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.column;
  return source.slice(0, offset(start)) + replacement + source.slice(offset(end));
}

/** Every mutant of the exercise's solution, each graded on its own; `jobs` gradings at once. */
export async function mutantsOneAtATime(root: string, exercise: Exercise, jobs: number): Promise<MutantOutcome[]> {
  const { Instrumenter } = await import('@stryker-mutator/instrumenter');
  const source = readFileSync(exercise.files.solution, 'utf8');
  const name = path.relative(root, exercise.files.solution);
  const { mutants } = await new Instrumenter(quiet).instrument([{ name, content: source, mutate: true }], { plugins: null, excludedMutations: [], ignorers: [] });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ticklab-mutants-'));
  try {
    return await mapLimit([...mutants], jobs, async (m, i): Promise<MutantOutcome> => {
      const file = path.join(dir, `${i}-solution.ts`);
      writeFileSync(file, applyMutant(source, m.location.start, m.location.end, m.replacement));
      const result = await gradeExercise({ exercise, codeFile: file, codeLabel: `${name} (mutant ${m.id})`, skipTypecheck: true });
      // A mutant caught only by a test that races real threads is not caught: a kinder schedule passes it.
      const status =
        result.status === 'pass' ? 'survived' : result.status === 'timeout' ? 'timeout' : result.status === 'fail' && caughtDeterministically(result, exercise.meta.racyTests).length === 0 ? 'survived' : 'killed';
      const at = (p: { line: number; column: number }) => ({ line: p.line + 1, column: p.column + 1 });
      return { mutator: m.mutatorName, replacement: m.replacement, start: at(m.location.start), end: at(m.location.end), status };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
