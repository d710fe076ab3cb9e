/**
 * A result as the scored lines the platforms show (one per test, or one for an exercise
 * that has no test results), shared by the Gradescope, GitHub Classroom and TAP writers so
 * that they name, score and explain every line the same way.
 */
import type { ProblemLike, ResultLike } from './result-like.ts';
import { rulesFor, scoreResult, type RulesBySlug } from './points.ts';

export interface GradeItem {
  /** "<slug> > <test name>", or "<slug>" for an exercise graded without tests. */
  name: string;
  exercise: string;
  /** pass; fail (a test failed or timed out); error (the exercise could not be graded: no test ran). */
  status: 'pass' | 'fail' | 'error' | 'skip';
  score: number;
  max: number;
  /** Why it did not pass: the test's message, or the problems. */
  message?: string;
}

const where = (p: ProblemLike) => (p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}` : '');

export const problemLine = (p: ProblemLike): string => `${p.kind}${where(p) ? ` at ${where(p)}` : ''}: ${p.message}`;

/** The scored lines of one result; problems beside tests that ran are worth 0 and are listed on a line of their own. */
export function gradeItems(result: ResultLike, rules?: RulesBySlug): GradeItem[] {
  const scored = scoreResult(result, rulesFor(rules, result.exercise));
  const problems = result.problems.map(problemLine).join('\n');
  if (result.tests.length === 0) {
    return [{ name: result.exercise, exercise: result.exercise, status: 'error', score: 0, max: scored.max, message: problems || `${result.status}: no test ran` }];
  }
  const items: GradeItem[] = scored.tests.map((t, i) => {
    const message = result.tests[i]!.message ?? (t.status === 'timeout' ? 'stopped at the time limit' : undefined);
    return {
      name: `${result.exercise} > ${t.name}`,
      exercise: result.exercise,
      status: t.status === 'pass' ? 'pass' : t.status === 'skip' ? 'skip' : 'fail',
      score: t.score,
      max: t.max,
      ...(message && t.status !== 'pass' ? { message } : {}),
    };
  });
  if (problems) items.push({ name: `${result.exercise} > problems`, exercise: result.exercise, status: 'error', score: 0, max: 0, message: problems });
  return items;
}
