/**
 * How a grade reads in the page: one summary sentence (the verdict, or "timed out after
 * N s in <test>"), the problems with their places (a button goes to the line), then
 * every test with its status in words (not colour alone) and, when it failed, the
 * assertion's message with expected and received values. Plain functions over the
 * results schema, returning escaped HTML, so they are tested without a browser.
 */
import type { ExerciseResult, Problem, TestResult } from '../../../grading/result-schema.ts';
import { escapeHtml, inlineHtml } from '../../lib/inline.ts';
import { EXERCISE_FILES } from '../../../grading/exercise-format.ts';

const STATUS_WORD: Record<TestResult['status'], string> = { pass: 'passed', fail: 'failed', skip: 'skipped', timeout: 'timed out' };
const STATUS_MARK: Record<TestResult['status'], string> = { pass: '✓', fail: '✗', skip: '–', timeout: '⏱' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "timed out after 10 s in <test>": the test that was running when the time limit struck. */
export function timeoutSentence(result: ExerciseResult, timeLimitMs: number): string {
  const seconds = Number.isInteger(timeLimitMs / 1000) ? `${timeLimitMs / 1000}` : (timeLimitMs / 1000).toFixed(1);
  const test = result.tests.find((t) => t.status === 'timeout');
  return test ? `Timed out after ${seconds} s in "${test.name}"` : `Timed out after ${seconds} s while loading the code (top-level code that never ends?)`;
}

/**
 * What the skipped tests are, in one sentence, or '' when none was: in the page a test
 * is skipped because it needs what a browser lacks (Node's threads, most often), so the
 * counts say so instead of "9 of 11 passed" beside "All 9 tests pass".
 */
export function skippedSentence(tests: readonly TestResult[]): string {
  const skipped = tests.filter((t) => t.status === 'skip');
  if (skipped.length === 0) return '';
  const nodeOnly = skipped.filter((t) => /\bnode\b/i.test(t.name)).length;
  const n = skipped.length;
  const verb = (one: string, many: string) => (n === 1 ? one : many);
  return nodeOnly === n
    ? `${plural(n, 'test')} ${verb('runs', 'run')} only in Node; \`ticklab grade\` runs ${verb('it', 'them')}.`
    : `${plural(n, 'test')} ${verb('was', 'were')} skipped in this browser; \`ticklab grade\` runs ${verb('it', 'them')}.`;
}

/** The one-line verdict shown in the status line (and announced to screen readers). */
export function summary(result: ExerciseResult, timeLimitMs: number): string {
  const skipped = skippedSentence(result.tests);
  const verdict = verdictSentence(result, timeLimitMs);
  return skipped && (result.status === 'pass' || result.status === 'fail') ? `${verdict} ${skipped}` : verdict;
}

function verdictSentence(result: ExerciseResult, timeLimitMs: number): string {
  const ran = result.tests.filter((t) => t.status !== 'skip');
  const failed = ran.filter((t) => t.status !== 'pass').length;
  const kinds = new Set(result.problems.map((p) => p.kind));
  switch (result.status) {
    case 'pass':
      return `All ${plural(ran.length, 'test')} pass.`;
    case 'fail':
      return ran.length === 0 ? 'No test ran.' : `${failed} of ${plural(ran.length, 'test')} failed.`;
    case 'timeout':
      return `${timeoutSentence(result, timeLimitMs)}: an endless loop? The run was stopped; the page is fine.`;
    case 'error': {
      if (kinds.has('syntax')) return 'The code does not parse: fix the syntax error below.';
      if (kinds.has('import')) return 'The code imports something it may not: only the engine ("#engine/<module>").';
      if (kinds.size === 1 && kinds.has('type')) {
        const n = result.problems.length;
        return failed === 0 && ran.length > 0
          ? `The tests pass, but the code has ${plural(n, 'type error')}: \`ticklab grade\` counts that as an error too.`
          : `The code has ${plural(n, 'type error')}, and ${failed} of ${plural(ran.length, 'test')} failed.`;
      }
      return 'The code could not be graded: see the problem below.';
    }
  }
}

/** "exercise.ts, line 12, column 5" for a problem with a place in the student's file. */
function where(problem: Problem, codeLabel: string): string | undefined {
  if (!problem.file) return undefined;
  const file = problem.file === codeLabel ? EXERCISE_FILES.exercise : problem.file;
  return `${file}${problem.line ? `, line ${problem.line}` : ''}${problem.column ? `, column ${problem.column}` : ''}`;
}

function problemHtml(problem: Problem, codeLabel: string): string {
  const place = where(problem, codeLabel);
  const go =
    problem.file === codeLabel && problem.line
      ? ` <button type="button" class="link" data-goto-line="${problem.line}" data-goto-column="${problem.column ?? 1}">Go to line ${problem.line}</button>`
      : '';
  return `<li data-kind="${problem.kind}"><strong>${escapeHtml(problem.kind === 'type' ? 'Type error' : problem.kind === 'syntax' ? 'Syntax error' : problem.kind === 'import' ? 'Import not allowed' : problem.kind === 'timeout' ? 'Time limit' : 'Problem')}</strong>${
    place ? ` in ${escapeHtml(place)}` : ''
  }${go}<pre>${escapeHtml(problem.message)}</pre></li>`;
}

function testHtml(test: TestResult): string {
  const message = test.message ? `<pre>${escapeHtml(test.message)}</pre>` : '';
  return `<li data-status="${test.status}"><span class="test-status"><span aria-hidden="true">${STATUS_MARK[test.status]}</span> ${STATUS_WORD[test.status]}</span> <span class="test-name">${escapeHtml(test.name)}</span>${message}</li>`;
}

export interface ResultsView {
  codeLabel: string;
  /** Shown above a result restored from an earlier visit. */
  lastRunAt?: number;
}

/** The results panel's HTML. */
export function resultsHtml(result: ExerciseResult, view: ResultsView): string {
  const parts: string[] = [];
  if (view.lastRunAt) parts.push(`<p class="last-run">Your last run, ${escapeHtml(new Date(view.lastRunAt).toLocaleString())}.</p>`);
  if (result.problems.length > 0) {
    parts.push(`<h4>${plural(result.problems.length, 'problem')}</h4><ul class="problems">${result.problems.map((p) => problemHtml(p, view.codeLabel)).join('')}</ul>`);
  }
  if (result.tests.length > 0) {
    const passed = result.tests.filter((t) => t.status === 'pass').length;
    const ran = result.tests.filter((t) => t.status !== 'skip').length;
    const skipped = skippedSentence(result.tests);
    parts.push(`<h4>Tests: ${passed} of ${ran} passed</h4>${skipped ? `<p class="skipped">${inlineHtml(skipped)}</p>` : ''}<ol class="tests">${result.tests.map(testHtml).join('')}</ol>`);
  }
  return parts.join('');
}

/** The problems to mark in the editor: those in the student's file, with a line. */
export function editorProblems(result: ExerciseResult, codeLabel: string): { line: number; column?: number; message: string }[] {
  return result.problems
    .filter((p) => p.file === codeLabel && p.line !== undefined)
    .map((p) => ({ line: p.line!, ...(p.column ? { column: p.column } : {}), message: p.message }));
}
