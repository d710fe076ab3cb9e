/** JUnit XML from grade results: one testsuite per (student, exercise), one testcase per test. */
import type { ExerciseResult } from '../../grading/result-schema.ts';

const escape = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
    // XML 1.0 forbids most control characters; a student's output may contain them.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function toJunit(results: readonly ExerciseResult[]): string {
  const suites = results.map((r) => {
    const name = r.student ? `${r.student}/${r.exercise}` : r.exercise;
    const failures = r.tests.filter((t) => t.status === 'fail' || t.status === 'timeout').length;
    const skipped = r.tests.filter((t) => t.status === 'skip').length;
    const cases = r.tests.map((t) => {
      const body =
        t.status === 'fail' || t.status === 'timeout'
          ? `<failure type="${t.status}" message="${escape((t.message ?? t.status).split('\n')[0] ?? '')}">${escape(t.message ?? '')}</failure>`
          : t.status === 'skip'
            ? '<skipped/>'
            : '';
      return `    <testcase classname="${escape(name)}" name="${escape(t.name)}" time="${seconds(t.durationMs)}">${body}</testcase>`;
    });
    // Problems (syntax, types, timeouts, crashes) are errors of the suite as a whole.
    const errors = r.problems.map(
      (p) =>
        `    <testcase classname="${escape(name)}" name="${escape(`[${p.kind}]`)}" time="0"><error type="${p.kind}" message="${escape(p.message.split('\n')[0] ?? '')}">${escape(
          [p.file && `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`, p.message].filter(Boolean).join('\n'),
        )}</error></testcase>`,
    );
    return [
      `  <testsuite name="${escape(name)}" tests="${r.tests.length + r.problems.length}" failures="${failures}" errors="${r.problems.length}" skipped="${skipped}" time="${seconds(r.durationMs)}">`,
      ...cases,
      ...errors,
      ...(r.output ? [`    <system-out>${escape(r.output)}</system-out>`] : []),
      '  </testsuite>',
    ].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="ticklab">', ...suites, '</testsuites>', ''].join('\n');
}
