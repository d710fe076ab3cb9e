/** `ticklab check`: the instructor's integrity check, on a sound course and on broken ones. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../../cli/commands/author/check.ts';
import { shutdown } from '../../../cli/grader/shutdown.ts';
import { makeCourse, runCli } from '../helpers.ts';
import { runInProcess } from '../in-process.ts';

// The grader's type-check worker lives as long as this process: end it with the file.
afterAll(() => shutdown());

/**
 * `ticklab check --json`, run in this process (the command's function, as the command line
 * calls it; the spawned runs below prove that wiring); `--no-grade` where a test is about
 * the files only.
 */
async function check(root: string, ...flags: string[]) {
  const run = await runInProcess(root, () => checkCommand({ json: true, jobs: 2, grade: !flags.includes('--no-grade') }));
  return { code: run.code, report: JSON.parse(run.stdout) as { ok: boolean; findings: { file: string; field?: string; message: string }[] } };
}

function edit(root: string, rel: string, change: (text: string) => string) {
  const file = path.join(root, rel);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('ticklab check', () => {
  it('passes on a sound course', async () => {
    const { code, report } = await check(makeCourse());
    expect(report).toEqual({ ok: true, exercises: 2, findings: [] });
    expect(code).toBe(0);
  }, 60_000);

  it('--no-grade checks the files in a second or two, grades nothing, and says so', async () => {
    const root = makeCourse();
    edit(root, 'exercises/sum-ticks/exercise.ts', () => readFileSync(path.join(root, 'exercises/sum-ticks/solution.ts'), 'utf8') + '// TODO: nothing\n');
    const { code, report } = await check(root, '--no-grade');
    // A starting file that passes is found only by grading: not here.
    expect(report).toEqual({ ok: true, exercises: 2, graded: false, findings: [] });
    expect(code).toBe(0);
    const run = await runCli(['check', '--no-grade'], { root });
    expect(run.stdout).toContain('check passed for the files of 2 exercises and 2 quizzes; nothing was graded (--no-grade).');
  }, 60_000);

  it('names the file and the field of a misspelt metadata key', async () => {
    const root = makeCourse();
    edit(root, 'exercises/sum-ticks/meta.json', (t) => t.replace('"minutes"', '"minuets"'));
    const { code, report } = await check(root, '--no-grade');
    expect(code).toBe(1);
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/sum-ticks/meta.json', field: 'minutes', message: 'Required' }));
    expect(report.findings.some((f) => f.file === 'exercises/sum-ticks/meta.json' && /"minuets": not a field/.test(f.message))).toBe(true);
  }, 60_000);

  it('rejects a starting file that already passes', async () => {
    const root = makeCourse();
    edit(root, 'exercises/sum-ticks/exercise.ts', () => readFileSync(path.join(root, 'exercises/sum-ticks/solution.ts'), 'utf8') + '// TODO: nothing\n');
    const { report } = await check(root);
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/sum-ticks/exercise.ts', message: expect.stringMatching(/already passes/) }));
  }, 60_000);

  it('rejects a solution that fails, and a starting file that does not compile', async () => {
    const root = makeCourse();
    edit(root, 'exercises/mid-price/solution.ts', (t) => t.replace('return bid + ask', 'return bid - ask'));
    edit(root, 'exercises/sum-ticks/exercise.ts', (t) => t.replace('return prices.length;', 'return prices.size;'));
    const { report } = await check(root);
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/mid-price/solution.ts', message: expect.stringMatching(/does not pass/) }));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ file: 'exercises/sum-ticks/exercise.ts', message: expect.stringMatching(/must type-check.*type at exercises\/sum-ticks\/exercise.ts:4/) }),
    );
  }, 60_000);

  it('finds a missing TODO, an unknown lesson, a duplicate title and a missing file', async () => {
    const root = makeCourse();
    edit(root, 'exercises/sum-ticks/exercise.ts', (t) => t.replace('// TODO: add the prices up.', '// add the prices up.'));
    edit(root, 'exercises/mid-price/meta.json', (t) => t.replace('"Mid price"', '"Sum of ticks"'));
    edit(root, 'exercises/sum-ticks/meta.json', (t) => t.replace('basics/ticks', 'basics/tics'));
    writeFileSync(path.join(root, 'exercises/mid-price/solution.ts'), '');
    const { report } = await check(root);
    const messages = report.findings.map((f) => `${f.file}${f.field ? `#${f.field}` : ''}: ${f.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^exercises\/sum-ticks\/exercise.ts: the starting file has no "\/\/ TODO"/));
    expect(messages).toContainEqual(expect.stringMatching(/^exercises\/sum-ticks\/meta.json#lesson: "basics\/tics" is not a lesson/));
    expect(messages).toContainEqual(expect.stringMatching(/meta.json#title: the title "Sum of ticks" is also used by/));
    expect(messages).toContainEqual(expect.stringMatching(/^exercises\/mid-price\/solution.ts: the solution does not pass/));
  }, 60_000);

  it('checks quizzes: one right option for a single choice, known lessons, unique ids', async () => {
    const root = makeCourse();
    edit(root, 'content/quizzes/ticks.json', (t) =>
      t
        .replace('"Integers are always faster.", "why"', '"Integers are always faster.", "correct": true, "why"')
        .replace('"see": "basics/quotes"', '"see": "basics/quote"'),
    );
    const { report } = await check(root, '--no-grade');
    expect(report.findings).toEqual([
      { file: 'content/quizzes/ticks.json', field: 'questions[0].options', message: 'a single-choice question needs exactly one correct option, not 2' },
    ]);
    edit(root, 'content/quizzes/ticks.json', (t) => t.replace('"Integers are always faster.", "correct": true, "why"', '"Integers are always faster.", "why"'));
    const again = await check(root, '--no-grade');
    expect(again.report.findings).toEqual([
      { file: 'content/quizzes/ticks.json', field: 'questions[0].options[1].see', message: '"basics/quote" is not a lesson in content/course.json' },
    ]);
  }, 60_000);

  it('reports JSON that is not JSON, naming the file', async () => {
    const root = makeCourse();
    writeFileSync(path.join(root, 'exercises/sum-ticks/meta.json'), '{ "title": ');
    const { report } = await check(root, '--no-grade');
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/sum-ticks/meta.json', message: expect.stringMatching(/^not valid JSON/) }));
  }, 60_000);
});

describe('ticklab check: known-wrong solutions', () => {
  it('names a known-wrong solution that passes every test', async () => {
    const root = makeCourse();
    // A patch that changes a comment only: the solution itself, under a known-wrong name.
    edit(root, 'exercises/sum-ticks/wrong/counts.patch', (t) => t.replace('/** Counts the prices instead of adding them. */', '/** Not wrong at all. */').replace(/@@[^]*$/, '@@ -2,3 +2,3 @@\n export function sumTicks(prices: readonly number[]): number {\n-  let total = 0;\n+  let total = 0; // the same answer\n   for (const p of prices) total += p;\n'));
    const { code, report } = await check(root);
    expect(code, 'exit code').toBe(1);
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/sum-ticks/wrong/counts.patch', message: expect.stringMatching(/passes every test \(Not wrong at all\.\)/) }));
  }, 60_000);

  it('names a known-wrong patch that no longer applies to solution.ts, and a full copy left in wrong/', async () => {
    const root = makeCourse();
    edit(root, 'exercises/sum-ticks/solution.ts', (t) => t.replace('let total = 0;', 'let sum = 0;').replace('total += p', 'sum += p').replace('return total', 'return sum'));
    writeFileSync(path.join(root, 'exercises/mid-price/wrong/draft.ts'), readFileSync(path.join(root, 'exercises/mid-price/solution.ts'), 'utf8'));
    const { code, report } = await check(root, '--no-grade');
    expect(code, 'exit code').toBe(1);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ file: 'exercises/sum-ticks/wrong/counts.patch', message: expect.stringMatching(/^no longer applies to solution\.ts: the hunk "@@ -1,6 \+1,4 @@" does not match it/) }),
    );
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/mid-price/wrong/draft.ts', message: expect.stringMatching(/run `ticklab new mid-price --wrong draft` to turn this file into wrong\/draft\.patch/) }));
  }, 60_000);

  it('asks for at least two known-wrong solutions, each saying what it gets wrong', async () => {
    const root = makeCourse();
    rmSync(path.join(root, 'exercises/mid-price/wrong/average.patch'));
    edit(root, 'exercises/sum-ticks/wrong/counts.patch', (t) => t.replace(/^\/\*\*[^]*?\*\/\n/, ''));
    const { report } = await check(root, '--no-grade');
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/mid-price', field: 'wrong/', message: expect.stringMatching(/at least 2/) }));
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/sum-ticks/wrong/counts.patch', message: expect.stringMatching(/no \/\*\* \.\.\. \*\/ comment/) }));
  }, 60_000);

  it('refuses a verdict that rests only on tests racing real threads (racyTests), and names a racy test that does not exist', async () => {
    const root = makeCourse();
    edit(root, 'exercises/sum-ticks/meta.json', (t) => t.replace('"timeLimitMs"', '"racyTests": ["sumTicks > adds prices", "sumTicks > adds nothing"],\n  "timeLimitMs"'));
    const { code, report } = await check(root);
    expect(code, 'exit code').toBe(1);
    // skips-first fails "adds prices" only: were that test racy, a kind schedule would pass it.
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/sum-ticks/wrong/skips-first.patch', message: expect.stringMatching(/caught only by tests that race real threads \(sumTicks > adds prices\)/) }));
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'exercises/sum-ticks/meta.json', field: 'racyTests[1]', message: expect.stringMatching(/names no test/) }));
    expect(report.findings.filter((f) => f.file === 'exercises/sum-ticks/meta.json' && f.field === 'racyTests[0]'), 'a racy test that exists').toEqual([]);
  }, 60_000);

  it('prints the tests that catch each known-wrong solution', async () => {
    const run = await runCli(['check', 'sum-ticks'], { root: makeCourse() });
    expect(run.stdout, 'check output').toMatch(/wrong\/skips-first\.patch: Starts the loop at index 1, so the first price is never added\. → caught by "sumTicks > adds prices"/);
  }, 60_000);
});

describe('ticklab check: quizzes that can be guessed', () => {
  it('fails when a right option is the longest by far (content/quiz-fairness.ts), and still warns', async () => {
    const root = makeCourse();
    edit(root, 'content/quizzes/ticks.json', (t) => t.replace('"Integer arithmetic is exact."', '"Integer arithmetic is exact: a price in ticks is a whole number, and adding or comparing whole numbers never rounds."'));
    const { code, report } = await check(root, '--no-grade');
    expect(code, 'over 1.15x the longest distractor fails the check').toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({ file: 'content/quizzes/ticks.json', field: 'questions[0].options', message: expect.stringMatching(/x the longest distractor \(at most 1\.15x\)/) }),
    ]);
    expect((report as { warnings?: unknown[] }).warnings, 'warnings').toEqual([
      expect.objectContaining({ severity: 'warning', file: 'content/quizzes/ticks.json', field: 'questions[0].options', message: expect.stringMatching(/longest by far/) }),
    ]);
  }, 60_000);
});
