/**
 * `ticklab progress export` and `import`: the student's progress and code as the course
 * site's progress file, moved between checkouts (and the browser); import says what it
 * overwrites, asks unless --yes, and backs up every file first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressFileSchema } from '../../content/schemas/progress.ts';
import { makeCourse, runCli } from './helpers.ts';

/** A fixture course in a git checkout, as a student has it (the starting files committed). */
function checkout(): string {
  const root = makeCourse();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'course');
  return root;
}

const progressOf = (root: string) => JSON.parse(readFileSync(path.join(root, '.ticklab/progress.json'), 'utf8'));

/** Records a pass as `ticklab grade` does (grading itself is tested elsewhere, and is slow on a busy machine). */
function passed(root: string, slug: string): void {
  mkdirSync(path.join(root, '.ticklab'), { recursive: true });
  const file = path.join(root, '.ticklab/progress.json');
  const state = existsSync(file) ? progressOf(root) : { version: 1, passed: {}, failed: {}, hintsShown: {}, quizzes: {} };
  state.passed[slug] = '2026-11-25T18:00:00.000Z';
  writeFileSync(file, JSON.stringify(state));
}

describe('ticklab progress export', () => {
  it('writes the exercises the student touched, with their code and grade, and the quiz answers', async () => {
    const root = checkout();
    const mid = path.join(root, 'exercises/mid-price/exercise.ts');
    writeFileSync(mid, readFileSync(path.join(root, 'exercises/mid-price/solution.ts'), 'utf8'));
    passed(root, 'mid-price');
    await runCli(['hint', 'sum-ticks'], { root });
    const state = progressOf(root);
    state.quizzes = { ticks: { 'why-integers': true } };
    writeFileSync(path.join(root, '.ticklab/progress.json'), JSON.stringify(state));

    const run = await runCli(['progress', 'export'], { root });
    expect(run.code, run.stderr).toBe(0);
    const file = JSON.parse(run.stdout);
    expect(progressFileSchema.safeParse(file).success, 'the shared schema reads it').toBe(true);
    expect(file).toMatchObject({ format: 'ticklab-progress', version: 1 });
    expect(file.exercises['mid-price']).toMatchObject({ code: readFileSync(mid, 'utf8'), status: 'pass', hintsShown: 0 });
    expect(file.exercises['sum-ticks'], 'hints shown, code untouched').toMatchObject({ hintsShown: 1 });
    expect(file.exercises['sum-ticks'].status).toBeUndefined();
    expect(file.quizzes).toEqual({ ticks: { 'why-integers': { right: true } } });

    const out = path.join(root, 'mine.json');
    const toFile = await runCli(['progress', 'export', out], { root });
    expect(toFile.code).toBe(0);
    expect(toFile.stderr).toContain('Exported 2 exercises and 1 quiz answer to');
    expect(JSON.parse(readFileSync(out, 'utf8')).exercises['mid-price'].status).toBe('pass');
  }, 120_000);

  it('leaves out exercises the student has not touched', async () => {
    const run = await runCli(['progress', 'export'], { root: checkout() });
    expect(JSON.parse(run.stdout).exercises).toEqual({});
  });
});

describe('ticklab progress import', () => {
  const browserFile = (code: string) => ({
    format: 'ticklab-progress',
    version: 1,
    exportedAt: '2026-11-25T20:00:00.000Z',
    exercises: {
      'sum-ticks': { code, savedAt: Date.parse('2026-11-25T19:00:00Z'), status: 'pass', hintsShown: 2, runs: 5, results: { status: 'pass' } },
      'no-such-exercise': { hintsShown: 0 },
    },
    quizzes: { ticks: { 'why-integers': { answer: [1], right: false, attempts: 2, at: 1 } }, nope: { x: { right: true } } },
  });

  it('asks first, and changes nothing without an answer', async () => {
    const root = checkout();
    const file = path.join(root, 'in.json');
    writeFileSync(file, JSON.stringify(browserFile('export const mine = 1;\n')));
    const before = readFileSync(path.join(root, 'exercises/sum-ticks/exercise.ts'), 'utf8');
    const run = await runCli(['progress', 'import', file], { root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('This overwrites');
    expect(run.stdout).toContain('exercises/sum-ticks/exercise.ts');
    expect(run.stdout).toContain('Nothing changed: confirm with --yes when not at a terminal.');
    expect(readFileSync(path.join(root, 'exercises/sum-ticks/exercise.ts'), 'utf8')).toBe(before);
    expect(existsSync(path.join(root, '.ticklab/progress.json'))).toBe(false);
  });

  it('with --yes, backs up every file it overwrites, then writes the code and the progress', async () => {
    const root = checkout();
    mkdirSync(path.join(root, '.ticklab'), { recursive: true });
    writeFileSync(path.join(root, '.ticklab/progress.json'), JSON.stringify({ version: 1, passed: {}, failed: { 'mid-price': '2026-01-01T00:00:00.000Z' }, hintsShown: {}, quizzes: {} }));
    const exercise = path.join(root, 'exercises/sum-ticks/exercise.ts');
    const mine = readFileSync(exercise, 'utf8') + '\n// my own notes\n';
    writeFileSync(exercise, mine);
    const file = path.join(root, 'in.json');
    writeFileSync(file, JSON.stringify(browserFile('export const fromTheBrowser = 1;\n')));

    const run = await runCli(['progress', 'import', file, '--yes'], { root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 exercise (code for 1), 1 quiz answer');
    expect(run.stdout).toContain('skipped exercises.no-such-exercise: no exercise "no-such-exercise" in this course');
    expect(run.stdout).toContain('skipped quizzes.nope: no quiz "nope" in this course');
    expect(run.stdout).toContain('Imported 1 exercise and 1 quiz answer; new code in exercises/sum-ticks/exercise.ts.');

    expect(readFileSync(exercise, 'utf8')).toBe('export const fromTheBrowser = 1;\n');
    const backups = readdirSync(path.join(root, '.ticklab/backups'));
    const codeBackup = backups.find((b) => b.startsWith('sum-ticks-'));
    expect(codeBackup, 'the code it replaced is kept').toBeDefined();
    expect(readFileSync(path.join(root, '.ticklab/backups', codeBackup!), 'utf8')).toBe(mine);
    expect(backups.some((b) => b.startsWith('progress-')), 'the progress it replaced is kept').toBe(true);

    const progress = progressOf(root);
    expect(progress.passed['sum-ticks']).toBe('2026-11-25T19:00:00.000Z');
    expect(progress.failed['mid-price'], 'other exercises are kept').toBe('2026-01-01T00:00:00.000Z');
    expect(progress.hintsShown['sum-ticks']).toBe(2);
    expect(progress.quizzes.ticks['why-integers']).toBe(false);

    const list = await runCli(['list'], { root });
    expect(list.stdout).toMatch(/✓ done\s+sum-ticks/);
  }, 120_000);

  it('round-trips: what one checkout exports, another imports', async () => {
    const a = checkout();
    writeFileSync(path.join(a, 'exercises/mid-price/exercise.ts'), readFileSync(path.join(a, 'exercises/mid-price/solution.ts'), 'utf8'));
    passed(a, 'mid-price');
    const file = path.join(a, 'out.json');
    await runCli(['progress', 'export', file], { root: a });

    const b = checkout();
    const run = await runCli(['progress', 'import', file, '--yes'], { root: b });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(path.join(b, 'exercises/mid-price/exercise.ts'), 'utf8')).toBe(readFileSync(path.join(a, 'exercises/mid-price/exercise.ts'), 'utf8'));
    expect((await runCli(['list'], { root: b })).stdout).toMatch(/✓ done\s+mid-price/);
  }, 120_000);

  it('refuses a file that is not a progress file, saying why', async () => {
    const root = checkout();
    const other = path.join(root, 'other.json');
    writeFileSync(other, JSON.stringify({ format: 'something', version: 1 }));
    const wrong = await runCli(['progress', 'import', other, '--yes'], { root });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('not a TickLab progress file: "format" is "something", not "ticklab-progress"');
    const newer = path.join(root, 'newer.json');
    writeFileSync(newer, JSON.stringify({ format: 'ticklab-progress', version: 2 }));
    expect((await runCli(['progress', 'import', newer, '--yes'], { root })).stderr).toContain('progress file version 2 is not supported');
    const broken = path.join(root, 'broken.json');
    writeFileSync(broken, '{ nope');
    expect((await runCli(['progress', 'import', broken], { root })).stderr).toContain('is not a progress file: not valid JSON');
    expect((await runCli(['progress', 'import'], { root })).stderr).toContain('name the progress file to import');
    expect((await runCli(['progress', 'sync'], { root })).stderr).toContain('the actions are "export [FILE]" and "import FILE"');
  }, 120_000);
});
