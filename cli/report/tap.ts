/**
 * TAP 14 (testanything.org/tap-version-14-specification.html): one test point per
 * (student, exercise), with its tests as a subtest, so a TAP consumer shows both the
 * exercise's verdict and which test failed. Points go in a YAML diagnostic block.
 */
import type { ResultLike } from './result-like.ts';
import { gradeItems } from './items.ts';
import { rulesFor, scoreResult, type RulesBySlug } from './points.ts';

/** A description may not contain "#" unescaped (it starts a directive), nor a line break. */
const description = (text: string) => text.replace(/\\/g, '\\\\').replace(/#/g, '\\#').replace(/\r?\n/g, ' ');

/** A YAML block scalar, indented for a diagnostic at `pad`. */
function yamlBlock(pad: string, fields: Record<string, string | number>): string[] {
  const lines = [`${pad}  ---`];
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'number') lines.push(`${pad}  ${key}: ${value}`);
    // One line: a JSON string, which is a valid YAML double-quoted scalar whatever it holds.
    else if (!/[\r\n]/.test(value)) lines.push(`${pad}  ${key}: ${JSON.stringify(value)}`);
    else lines.push(`${pad}  ${key}: |-`, ...value.split(/\r?\n/).map((l) => `${pad}    ${l}`));
  }
  lines.push(`${pad}  ...`);
  return lines;
}

export function toTap(results: readonly ResultLike[], rules?: RulesBySlug): string {
  const out = ['TAP version 14', `1..${results.length}`];
  results.forEach((r, i) => {
    const name = r.student ? `${r.student}/${r.exercise}` : r.exercise;
    const items = gradeItems(r, rules);
    const score = scoreResult(r, rulesFor(rules, r.exercise));
    if (r.tests.length > 0) {
      out.push(`# Subtest: ${description(name)}`);
      out.push(`    1..${items.length}`);
      items.forEach((item, t) => {
        const label = description(item.name.slice(r.exercise.length + 3));
        const directive = item.status === 'skip' ? ' # SKIP' : '';
        out.push(`    ${item.status === 'pass' || item.status === 'skip' ? 'ok' : 'not ok'} ${t + 1} - ${label}${directive}`);
        if (item.message && item.status !== 'skip') out.push(...yamlBlock('    ', { message: item.message, score: item.score, max_score: item.max }));
      });
    }
    out.push(`${r.status === 'pass' ? 'ok' : 'not ok'} ${i + 1} - ${description(name)}`);
    const fields: Record<string, string | number> = { status: r.status, score: score.score, max_score: score.max };
    if (r.problems.length > 0) fields.problems = items.filter((item) => item.status === 'error').map((item) => item.message ?? '').join('\n');
    if (r.status !== 'pass') out.push(...yamlBlock('', fields));
  });
  return out.join('\n') + '\n';
}
