/** Synthetic results for the report's in-process tests: a result from a compact description. */
import type { ResultLike } from '../../../cli/report/result-like.ts';

type Status = 'pass' | 'fail' | 'skip' | 'timeout';

export function result(
  exercise: string,
  student: string | undefined,
  tests: [name: string, status: Status, message?: string][],
  problems: { kind: string; message: string; file?: string }[] = [],
): ResultLike {
  const status =
    problems.some((p) => p.kind === 'timeout') || tests.some((t) => t[1] === 'timeout')
      ? 'timeout'
      : problems.length > 0
        ? 'error'
        : tests.some((t) => t[1] === 'fail') || !tests.some((t) => t[1] === 'pass')
          ? 'fail'
          : 'pass';
  return {
    exercise,
    ...(student ? { student } : {}),
    status,
    durationMs: 10,
    tests: tests.map(([name, s, message]) => ({ name, status: s, durationMs: 1, ...(message ? { message } : {}) })),
    problems,
  };
}
