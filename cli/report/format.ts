/** How results look in a terminal: a line per exercise, details for what did not pass. */
import pc from 'picocolors';
import type { ConsoleLine, ExerciseResult, Problem } from '../../grading/result-schema.ts';

const MARK: Record<ExerciseResult['status'], string> = {
  pass: pc.green('✓ pass'),
  fail: pc.red('✗ fail'),
  error: pc.red('! error'),
  timeout: pc.yellow('⏱ timeout'),
};

export function where(p: Problem): string {
  return p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}` : '';
}

const indent = (text: string, by: string) => text.split('\n').map((l) => by + l).join('\n');

/**
 * A failure message for the terminal: the assertion's line, and its diff only when the
 * diff adds something. For two plain values ("expected 7 to be 3") vitest's five-line
 * diff repeats the first line, so it is dropped; object diffs stay.
 */
export function compactMessage(message: string): string {
  const [head = '', ...rest] = message.split('\n');
  const body = rest.filter((l) => l.trim() !== '');
  const trivialDiff =
    (body.length === 4 && body[0] === '- Expected' && body[1] === '+ Received' && body[2]!.startsWith('- ') && body[3]!.startsWith('+ ')) ||
    (body.length === 2 && body[0]!.startsWith('Expected: ') && body[1]!.startsWith('Received: '));
  return trivialDiff ? head : message;
}

/** One exercise's result; `verbose` adds every failing test's message and the console, by test. */
export function formatResult(r: ExerciseResult, verbose = true): string {
  const name = r.student ? `${r.student}/${r.exercise}` : r.exercise;
  const passed = r.tests.filter((t) => t.status === 'pass').length;
  const lines = [`${MARK[r.status]}  ${pc.bold(name)}  ${pc.dim(`${passed}/${r.tests.length} tests, ${r.durationMs} ms`)}`];
  if (!verbose) return lines[0] as string;
  for (const p of r.problems.slice(0, 10)) {
    const at = where(p);
    lines.push(indent(`${pc.red(p.kind)}${at ? ` ${pc.cyan(at)}` : ''}: ${p.message}`, '    '));
  }
  if (r.problems.length > 10) lines.push(`    … and ${r.problems.length - 10} more`);
  for (const t of r.tests.filter((t) => t.status === 'fail' || t.status === 'timeout').slice(0, 5)) {
    lines.push(`    ${pc.red('✗')} ${t.name}`);
    if (t.message) lines.push(indent(compactMessage(t.message).split('\n').slice(0, 12).join('\n'), '        '));
  }
  const failing = r.tests.filter((t) => t.status === 'fail' || t.status === 'timeout').length;
  if (failing > 5) lines.push(`    … and ${failing - 5} more failing tests`);
  if (r.console?.length) lines.push(formatConsole(r.console));
  // The raw output only where there is no console by test (Chromium's runs; a crash before the harness).
  else if (r.output && r.status !== 'pass') lines.push(pc.dim('    output:'), indent(r.output.trimEnd().split('\n').slice(-15).join('\n'), pc.dim('    │ ')));
  return lines.join('\n');
}

const LEVEL: Record<ConsoleLine['level'], (text: string) => string> = { log: (t) => t, info: (t) => `${pc.cyan('info')} ${t}`, debug: (t) => `${pc.dim('debug')} ${t}`, warn: (t) => `${pc.yellow('warn')} ${t}`, error: (t) => `${pc.red('error')} ${t}` };

/**
 * The console of a run by test, as the page's console pane shows it: each test's lines
 * under its name (lines printed outside any test under "outside the tests"), warnings
 * and errors marked, and the capture's "output truncated" where it cut (the cap is the
 * capture's, grading/console-capture.ts, the same as the page's).
 */
export function formatConsole(entries: readonly ConsoleLine[]): string {
  const lines = [pc.dim(`    console (${entries.filter((e) => !e.truncated).length} lines):`)];
  let group: string | undefined | null = null;
  for (const e of entries) {
    if (e.test !== group) {
      group = e.test;
      lines.push(`      ${group === undefined ? pc.dim('outside the tests') : pc.bold(group)}`);
    }
    if (e.truncated) {
      lines.push(`      ${pc.yellow(`… ${e.text}`)}`);
      continue;
    }
    lines.push(indent(LEVEL[e.level](e.text), pc.dim('      │ ')));
  }
  return lines.join('\n');
}

/** A progress bar such as "[#####-----] 5/10". */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `[${pc.green('#'.repeat(filled))}${pc.dim('-'.repeat(width - filled))}] ${done}/${total}`;
}
