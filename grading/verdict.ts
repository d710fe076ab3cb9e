/** The one rule that turns a run's tests and problems into an exercise's status, for both front ends. */
import type { ExerciseStatus, Problem, TestResult } from './result-schema.ts';

/** The exercise's verdict from its tests and problems. */
export function verdict(tests: readonly TestResult[], problems: readonly Problem[]): ExerciseStatus {
  if (problems.some((p) => p.kind === 'timeout') || tests.some((t) => t.status === 'timeout')) return 'timeout';
  if (problems.length > 0) return 'error';
  if (tests.some((t) => t.status === 'fail')) return 'fail';
  return tests.some((t) => t.status === 'pass') ? 'pass' : 'fail';
}
