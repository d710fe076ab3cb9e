/** A CSV table of grade results: one row per (student, exercise), for a gradebook. */
import type { ExerciseResult } from '../../grading/result-schema.ts';

const cell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const CSV_HEADER = ['student', 'exercise', 'status', 'tests_passed', 'tests_total', 'duration_ms', 'problem'] as const;

export function toCsv(results: readonly ExerciseResult[]): string {
  const rows = results.map((r) => [
    r.student ?? '',
    r.exercise,
    r.status,
    r.tests.filter((t) => t.status === 'pass').length,
    r.tests.length,
    r.durationMs,
    r.problems[0] ? `${r.problems[0].kind}: ${r.problems[0].message.split('\n')[0]}` : '',
  ]);
  return [CSV_HEADER, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
