/** `ticklab report` in the terminal: the class report as plain tables. */
import pc from 'picocolors';
import type { ClassReport } from './class-report.ts';

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
/** Long test names and messages cut to fit a terminal line; --json and --html keep them whole. */
const clip = (text: string, width: number) => ([...text].length > width ? `${[...text].slice(0, width - 1).join('')}…` : text);

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => [...(r[c] ?? '')].length)));
  const numeric = head.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number' || /^-?[\d.]+%?$/.test(String(r[c]))));
  const line = (r: string[]) => r.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [pc.bold(line(head)), ...cells.slice(1).map(line)].join('\n');
}

export function formatClassReport(report: ClassReport, options: { tests?: number } = {}): string {
  const t = report.totals;
  const failing = report.tests.filter((x) => x.failures > 0);
  const out: string[] = [
    pc.bold(`${report.students.length} students, ${report.exercises.length} exercises, ${t.results} results: ${t.pass} passed, ${t.fail} failed, ${t.error} errors, ${t.timeout} timed out`),
    '',
    pc.bold('Pass rate per exercise'),
    table(
      ['exercise', 'pass rate', 'pass', 'fail', 'error', '(missing)', 'timeout', 'mean points', 'points'],
      report.exercises.map((e) => [e.exercise, pct(e.passRate), e.pass, e.fail, e.error, e.missing, e.timeout, e.meanScore.toFixed(2), e.points]),
    ),
    '',
    pc.bold('Failure rate per test (highest first)'),
    failing.length
      ? table(
          ['exercise', 'test', 'failure rate', 'failed', 'runs'],
          failing.slice(0, options.tests ?? 15).map((x) => [x.exercise, clip(x.test, 60), pct(x.failureRate), x.failures, x.runs]),
        )
      : 'No test failed.',
    pc.dim(`${failing.length > (options.tests ?? 15) ? `… and ${failing.length - (options.tests ?? 15)} more that failed; ` : ''}${report.tests.length - failing.length} of ${report.tests.length} tests failed for no one`),
  ];
  if (report.messages.length > 0) {
    out.push('', pc.bold('Commonest first failures'), table(['count', 'exercise', 'test', 'message'], report.messages.map((m) => [m.count, m.exercise, clip(m.test, 40), clip(m.pattern, 90)])));
  }
  if (report.problems.length > 0) {
    out.push(
      '',
      pc.bold('Time-outs and errors by kind'),
      table(['kind', 'results', 'by exercise'], report.problems.map((p) => [p.kind, p.count, Object.entries(p.byExercise).map(([e, n]) => `${e} ${n}`).join(', ')])),
    );
  }
  if (report.quizzes.length > 0) {
    out.push('', pc.bold('Quizzes: options chosen'));
    for (const q of report.quizzes) {
      out.push(`${pc.bold(`${q.quiz} / ${q.question}`)}  ${q.right}/${q.answered} right${q.unrecorded ? pc.dim(` (${q.unrecorded} without the choice recorded)`) : ''}`);
      out.push(pc.dim(`  ${q.prompt}`));
      for (const o of q.options) out.push(`  ${String(o.chosen).padStart(4)}  ${o.correct ? pc.green('✓') : ' '} ${o.text}`);
      if (q.otherWrong) out.push(`  ${String(q.otherWrong).padStart(4)}    other wrong values`);
      if (q.mostMisleading) out.push(`  ${pc.yellow('misled most:')} ${q.mostMisleading.text} (${q.mostMisleading.chosen})${q.mostMisleading.why ? pc.dim(` ${q.mostMisleading.why}`) : ''}`);
    }
  }
  return out.join('\n') + '\n';
}
