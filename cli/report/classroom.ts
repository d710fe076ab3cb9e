/**
 * The payload GitHub Classroom's grading reporter (education/autograding-grading-reporter)
 * reads: for each runner id listed in its `runners` input, an environment variable
 * `<ID>_RESULTS` holding base64 JSON `{ version, status, max_score, tests[] }`, each test
 * with `name`, `status` ("pass"/"fail"/"error"), `score` and `message`. The reporter posts
 * the sum of the tests' `score` out of the sum of `max_score` to Classroom, and fails the
 * check when `status` is "fail" or "error".
 */
import { exerciseLabel } from '../../grading/exercise-format.ts';
import type { ResultLike } from './result-like.ts';
import { gradeItems } from './items.ts';
import { round, type RulesBySlug } from './points.ts';

export interface ClassroomTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  score: number;
  /** Not read by the reporter; kept so a reader sees what each line was worth. */
  max_score: number;
  message: string | null;
  test_code: string;
  filename: string;
  line_no: number;
  execution_time: string;
}

export interface ClassroomResults {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: ClassroomTest[];
}

export function toClassroom(results: readonly ResultLike[], rules?: RulesBySlug): ClassroomResults {
  const tests: ClassroomTest[] = [];
  let max = 0;
  for (const r of results) {
    for (const item of gradeItems(r, rules)) {
      if (item.status === 'skip') continue;
      max += item.max;
      tests.push({
        name: item.name,
        status: item.status,
        score: item.score,
        max_score: item.max,
        message: item.message ?? null,
        test_code: `ticklab grade ${r.exercise}`,
        filename: exerciseLabel(r.exercise),
        line_no: 0,
        execution_time: `${(r.durationMs / 1000).toFixed(2)}s`,
      });
    }
  }
  const status = results.some((r) => r.status === 'error' || r.status === 'timeout') ? 'error' : results.every((r) => r.status === 'pass') ? 'pass' : 'fail';
  return { version: 1, status, max_score: round(max), tests };
}

/** The text for `result=` in $GITHUB_OUTPUT: the JSON, base64-encoded as the reporter decodes it. */
export function classroomPayload(results: readonly ResultLike[], rules?: RulesBySlug): string {
  return Buffer.from(JSON.stringify(toClassroom(results, rules)), 'utf8').toString('base64');
}
