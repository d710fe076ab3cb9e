/**
 * Gradescope's `results.json` for one submission, in the format of Gradescope's autograder
 * specification (gradescope-autograders.readthedocs.io, "Autograder Specifications"):
 * a top-level `score`, `max_score` and `output`, and `tests[]` with `name`, `score`,
 * `max_score`, `status` ("passed"/"failed"), `output` and `visibility`.
 */
import type { ResultLike } from './result-like.ts';
import { UsageError } from '../errors.ts';
import { gradeItems } from './items.ts';
import { round, type RulesBySlug } from './points.ts';

export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output?: string;
  visibility: GradescopeVisibility;
}

export interface GradescopeResults {
  score: number;
  max_score: number;
  execution_time: number;
  output: string;
  visibility: GradescopeVisibility;
  stdout_visibility: GradescopeVisibility;
  tests: GradescopeTest[];
}

/** One submission's results; several students' results are refused (Gradescope grades one submission at a time). */
export function toGradescope(results: readonly ResultLike[], rules?: RulesBySlug, visibility: GradescopeVisibility = 'visible'): GradescopeResults {
  const students = new Set(results.map((r) => r.student ?? ''));
  if (students.size > 1) throw new UsageError(`--gradescope writes one submission's results, and these are ${students.size} students' (grade one student's folder)`);
  const tests: GradescopeTest[] = [];
  let score = 0;
  let max = 0;
  results.forEach((r, e) => {
    // A skipped test is worth nothing and is not a failure: Gradescope has no status for it.
    gradeItems(r, rules).filter((item) => item.status !== 'skip').forEach((item, t) => {
      score += item.score;
      max += item.max;
      tests.push({
        name: item.name,
        number: `${e + 1}.${t + 1}`,
        score: item.score,
        max_score: item.max,
        status: item.status === 'pass' ? 'passed' : 'failed',
        ...(item.message ? { output: item.message } : {}),
        visibility,
      });
    });
  });
  const passed = results.filter((r) => r.status === 'pass').length;
  return {
    score: round(score),
    max_score: round(max),
    execution_time: Math.round(results.reduce((sum, r) => sum + r.durationMs, 0) / 1000),
    output: `${passed} of ${results.length} exercise${results.length === 1 ? '' : 's'} passed: ${results.map((r) => `${r.exercise} ${r.status}`).join(', ')}.`,
    visibility,
    stdout_visibility: 'hidden',
    tests,
  };
}
