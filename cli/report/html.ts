/**
 * `ticklab report --html FILE`: the class report as one self-contained page (inline CSS and
 * SVG, no script, no font or image to fetch) that an instructor opens or attaches.
 */
import type { ClassReport } from './class-report.ts';
import { escapeHtml as h, heatMap, legend, passRateBars, STATUS_COLOUR, STATUS_LABEL } from './svg.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Points to two decimals, whole numbers as they are. */
const points = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

function htmlTable(caption: string, head: string[], rows: (string | number)[][], numeric: readonly number[] = []): string {
  const cls = (c: number) => (numeric.includes(c) ? ' class="num"' : '');
  return [
    `<div class="scroll" tabindex="0" role="region" aria-label="${h(caption)}"><table><caption>${h(caption)}</caption>`,
    `<thead><tr>${head.map((x, c) => `<th scope="col"${cls(c)}>${h(x)}</th>`).join('')}</tr></thead><tbody>`,
    ...rows.map((r) => `<tr>${r.map((x, c) => (c === 0 ? `<th scope="row">${h(String(x))}</th>` : `<td${cls(c)}>${h(String(x))}</td>`)).join('')}</tr>`),
    '</tbody></table></div>',
  ].join('\n');
}

const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; color: #1f2328; background: #fff; }
body { max-width: 70rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.55rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; } .num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; max-width: 100%; }
.plot { max-width: 100%; height: auto; font-size: 12px; fill: #1f2328; } .plot .tick { fill: #57606a; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.35rem; vertical-align: -0.1rem; border: 1px solid #8c959f; }
code { font-size: 0.88rem; } .muted { color: #57606a; }
`;

export function toHtml(report: ClassReport, options: { title?: string; anonymous?: boolean } = {}): string {
  const t = report.totals;
  const title = options.title ?? 'TickLab class report';
  const sections: string[] = [];
  const failing = report.tests.filter((x) => x.failures > 0);
  sections.push(`<section aria-labelledby="s-pass"><h2 id="s-pass">Pass rate per exercise</h2>${passRateBars(report)}
${htmlTable(
  'Results per exercise',
  ['Exercise', 'Pass rate', 'Passed', 'Failed', 'Errors', 'of which not handed in', 'Timed out', 'Mean points', 'Points'],
  report.exercises.map((e) => [e.exercise, pct(e.passRate), e.pass, e.fail, e.error, e.missing, e.timeout, e.meanScore.toFixed(2), e.points]),
  [1, 2, 3, 4, 5, 6, 7, 8],
)}</section>`);
  sections.push(`<section aria-labelledby="s-grid"><h2 id="s-grid">Students and exercises</h2>${legend()}${heatMap(report)}
${htmlTable(
  'Points per student',
  ['Student', ...report.exercises.map((e) => e.exercise), 'Total'],
  report.grid.map((row) => [row.student, ...row.cells.map((c) => `${STATUS_LABEL[c.status]} (${points(c.score)})`), `${points(row.score)} / ${points(row.max)}`]),
)}</section>`);
  sections.push(`<section aria-labelledby="s-tests"><h2 id="s-tests">Failure rate per test</h2>
${failing.length ? htmlTable('Tests that failed, highest failure rate first', ['Test', 'Exercise', 'Failure rate', 'Failed', 'Runs'], failing.map((x) => [x.test, x.exercise, pct(x.failureRate), x.failures, x.runs]), [2, 3, 4]) : '<p>No test failed.</p>'}
<p class="muted">${report.tests.length - failing.length} of ${report.tests.length} tests failed for no one.</p></section>`);
  sections.push(`<section aria-labelledby="s-msg"><h2 id="s-msg">Commonest first failures</h2>
<p class="muted">The first thing that went wrong in each result that did not pass, grouped with numbers and ids replaced by &lt;n&gt; and &lt;id&gt;.</p>
${report.messages.length ? htmlTable('First failures by message', ['Message', 'Exercise', 'Test', 'Students', 'Example'], report.messages.map((m) => [m.pattern, m.exercise, m.test, m.count, m.example]), [3]) : '<p>Every result passed.</p>'}</section>`);
  sections.push(`<section aria-labelledby="s-kind"><h2 id="s-kind">Time-outs and errors by kind</h2>
${report.problems.length ? htmlTable('Problems by kind', ['Kind', 'Results', 'By exercise'], report.problems.map((p) => [p.kind, p.count, Object.entries(p.byExercise).map(([e, n]) => `${e}: ${n}`).join(', ')]), [1]) : '<p>None.</p>'}</section>`);
  if (report.quizzes.length > 0) {
    sections.push(`<section aria-labelledby="s-quiz"><h2 id="s-quiz">Quizzes: options chosen</h2>
${report.quizzes
  .map((q) =>
    [
      `<h3>${h(q.quiz)} / ${h(q.question)}</h3><p>${h(q.prompt)}</p><p>${q.right} of ${q.answered} right${q.unrecorded ? `; ${q.unrecorded} answered in the terminal, where the choice is not recorded` : ''}.${q.mostMisleading ? ` Misled most: <strong>${h(q.mostMisleading.text)}</strong> (${q.mostMisleading.chosen})${q.mostMisleading.why ? `: <em>${h(q.mostMisleading.why)}</em>` : ''}.` : ''}</p>`,
      htmlTable(`${q.quiz} / ${q.question}: options chosen`, ['Option', 'Right?', 'Chosen'], [...q.options.map((o) => [o.text, o.correct ? 'right' : 'wrong', o.chosen]), ...(q.otherWrong ? [['Other wrong values', 'wrong', q.otherWrong]] : [])], [2]),
    ].join('\n'),
  )
  .join('\n')}</section>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${h(title)}</h1>
<p>${report.students.length} students, ${report.exercises.length} exercises, ${t.results} results: ${t.pass} passed, ${t.fail} failed, ${t.error} errors, ${t.timeout} timed out.${options.anonymous ? ' Students\u2019 names are replaced by numbers.' : ''}</p></header>
<main>
${sections.join('\n')}
</main>
<footer class="muted"><p>Made by <code>ticklab report</code>. Colours: ${(Object.keys(STATUS_COLOUR) as (keyof typeof STATUS_COLOUR)[]).map((s) => STATUS_LABEL[s]).join(', ')}.</p></footer>
</body>
</html>
`;
}
