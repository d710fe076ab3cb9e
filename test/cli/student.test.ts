/** The student's commands: list, hint (one more at each call), reset (with a backup), and unknown names. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCourse, runCli } from './helpers.ts';

describe('ticklab hint', () => {
  it('reveals one more hint at each call, and stops at the last', async () => {
    const root = makeCourse();
    const first = await runCli(['hint', 'sum-ticks'], { root });
    expect(first.stdout).toMatch(/Hint 1\/2: Start from zero/);
    expect(first.stdout).not.toMatch(/Hint 2\/2/);
    const second = await runCli(['hint', 'sum-ticks'], { root });
    expect(second.stdout).toMatch(/Hint 1\/2[\s\S]*Hint 2\/2: A for...of loop/);
    expect(second.stdout).toMatch(/that was the last hint/);
    const third = await runCli(['hint', 'sum-ticks'], { root });
    expect(third.stdout.match(/Hint \d\/2/g)).toHaveLength(2);
  }, 60_000);

  it('names an unknown exercise and suggests near ones', async () => {
    const run = await runCli(['hint', 'sum'], { root: makeCourse() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown exercise "sum"\. Did you mean sum-ticks\?/);
  });
});

describe('a broken exercise', () => {
  it('is named with the file and field at fault, and how to fix it, not called unknown', async () => {
    const root = makeCourse();
    const meta = path.join(root, 'exercises/sum-ticks/meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"minutes"', '"minuets"'));
    const run = await runCli(['grade', 'sum-ticks'], { root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/exercise "sum-ticks" cannot be loaded: exercises\/sum-ticks\/meta.json \(minutes\): Required/);
    expect(run.stderr).toMatch(/"minuets": not a field; check the spelling/);
    expect(run.stderr).toMatch(/then run `ticklab check sum-ticks`/);
  });
});

describe('ticklab list', () => {
  it('shows every exercise in course order with the status of the last grade', async () => {
    const root = makeCourse();
    writeFileSync(path.join(root, 'exercises/mid-price/exercise.ts'), readFileSync(path.join(root, 'exercises/mid-price/solution.ts'), 'utf8'));
    await runCli(['grade'], { root });
    const run = await runCli(['list'], { root });
    expect(run.stdout).toMatch(/Basics › Ticks \(basics\/ticks\)\n\s+✗ failing\s+sum-ticks\s+Sum of ticks/);
    expect(run.stdout).toMatch(/Basics › Quotes \(basics\/quotes\)\n\s+✓ done\s+mid-price/);
    expect(run.stdout).toMatch(/\] 1\/2/);
  }, 60_000);
});

describe('ticklab reset', () => {
  it('restores the committed starting file after --yes, keeping a backup', async () => {
    const root = makeCourse();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'course');
    const file = path.join(root, 'exercises/sum-ticks/exercise.ts');
    const starter = readFileSync(file, 'utf8');
    writeFileSync(file, '// my work in progress\n');

    const refused = await runCli(['reset', 'sum-ticks'], { root });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/confirm with --yes/);
    expect(readFileSync(file, 'utf8')).toBe('// my work in progress\n');

    const done = await runCli(['reset', 'sum-ticks', '--yes'], { root });
    expect(done.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(starter);
    const backups = readdirSync(path.join(root, '.ticklab/backups'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(root, '.ticklab/backups', backups[0]!), 'utf8')).toBe('// my work in progress\n');
  }, 60_000);

  it('explains when there is no committed starting file', async () => {
    const root = makeCourse();
    const run = await runCli(['reset', 'sum-ticks', '--yes'], { root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot find the starting file of sum-ticks/);
    expect(existsSync(path.join(root, '.ticklab/backups'))).toBe(false);
  });
});
