/**
 * A checker for the parts of TAP 14 (testanything.org/tap-version-14-specification.html)
 * that ticklab writes: the version line, a plan, test points numbered from 1 that match the
 * plan, subtests indented by four spaces (with "# Subtest" and their own plan) ahead of their
 * parent's test point, and YAML diagnostics ("  ---" to "  ...", parsed) after a test point.
 * Returns the top-level points, each with its subtest's points and its diagnostic.
 */
import { loadYaml } from './yaml.ts';

export interface TapPoint {
  ok: boolean;
  number: number;
  description: string;
  directive?: string;
  diagnostic?: Record<string, unknown>;
  subtests: TapPoint[];
}

const POINT = /^(not ok|ok) (\d+) - (.*?)(?: # (SKIP|TODO)\b.*)?$/;

function parseLevel(lines: string[], start: number, indent: string): { points: TapPoint[]; plan: number; end: number } {
  const points: TapPoint[] = [];
  let plan = -1;
  let pendingSub: TapPoint[] | undefined;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith(indent)) break;
    const body = line.slice(indent.length);
    if (/^1\.\.\d+$/.test(body)) {
      if (plan >= 0) throw new Error(`line ${i + 1}: a second plan`);
      plan = Number(body.slice(3));
    } else if (body.startsWith('# Subtest: ')) {
      const sub = parseLevel(lines, i + 1, `${indent}    `);
      if (sub.plan !== sub.points.length) throw new Error(`line ${i + 1}: subtest plan ${sub.plan} but ${sub.points.length} points`);
      pendingSub = sub.points;
      i = sub.end - 1;
    } else if (POINT.test(body)) {
      const [, ok, number, description, directive] = POINT.exec(body)!;
      if (Number(number) !== points.length + 1) throw new Error(`line ${i + 1}: test point ${number}, expected ${points.length + 1}`);
      points.push({ ok: ok === 'ok', number: Number(number), description: description!, ...(directive ? { directive } : {}), subtests: pendingSub ?? [] });
      pendingSub = undefined;
    } else if (body === '  ---') {
      const end = lines.indexOf(`${indent}  ...`, i);
      if (end < 0) throw new Error(`line ${i + 1}: YAML block without its "..."`);
      const text = lines.slice(i + 1, end).map((l) => l.slice(indent.length + 2)).join('\n');
      const last = points[points.length - 1];
      if (!last) throw new Error(`line ${i + 1}: YAML block before any test point`);
      last.diagnostic = loadYaml(text) as Record<string, unknown>;
      i = end;
    } else {
      throw new Error(`line ${i + 1}: not TAP: ${JSON.stringify(line)}`);
    }
  }
  return { points, plan, end: i };
}

export function parseTap(text: string): TapPoint[] {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines[0] !== 'TAP version 14') throw new Error('the first line is not "TAP version 14"');
  const { points, plan, end } = parseLevel(lines, 1, '');
  if (end !== lines.length) throw new Error(`line ${end + 1}: not TAP: ${JSON.stringify(lines[end])}`);
  if (plan !== points.length) throw new Error(`plan 1..${plan} but ${points.length} test points`);
  return points;
}
