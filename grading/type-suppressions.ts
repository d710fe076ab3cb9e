/**
 * Comments that switch the type-checker off. The course's rule is that code which does
 * not type-check does not pass, so a student's file may not silence the checker: each
 * `@ts-nocheck`, `@ts-ignore` and `@ts-expect-error` is reported as a type error at its
 * line. Browser-safe: the CLI and the page both call it.
 */
import type { Problem } from './result-schema.ts';

const SUPPRESSION = /@ts-(nocheck|ignore|expect-error)\b/g;

/** One `type` problem per suppression comment in `source` (a student's file, named `label`). */
export function typeSuppressions(source: string, label: string): Problem[] {
  const problems: Problem[] = [];
  const lines = source.split('\n');
  lines.forEach((text, i) => {
    for (const m of text.matchAll(SUPPRESSION)) {
      problems.push({
        kind: 'type',
        message: `@ts-${m[1]} is not allowed in graded code: it switches the type-checker off, and code that does not type-check does not pass`,
        file: label,
        line: i + 1,
        column: (m.index ?? 0) + 1,
      });
    }
  });
  return problems;
}
