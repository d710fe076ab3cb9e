/** `ticklab quiz`: a quiz in the terminal, with every chosen option explained and results kept. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCourse, runCli } from './helpers.ts';

describe('ticklab quiz', () => {
  it('lists the quizzes without a name', async () => {
    const run = await runCli(['quiz'], { root: makeCourse() });
    expect(run.stdout).toMatch(/ticks\s+Ticks \(1 question\)/);
  });

  it('explains a wrong answer, names the misconception\'s lesson, and records the result', async () => {
    const root = makeCourse();
    // "ab" is refused for a single choice, "z" is not an option, then "b" (wrong).
    const run = await runCli(['quiz', 'ticks'], { root, input: 'ab\nz\nb\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Question 1\/1\. Why are prices kept as integer ticks\?\n\s+a\) Integer arithmetic is exact\.\n\s+b\) Integers are always faster\./);
    expect(run.stdout.match(/Answer with one letter from a to b\./g)).toHaveLength(2);
    expect(run.stdout).toMatch(/✗ Not quite\.\n\s+b\) Misconception: the point is exactness, not speed\. \(see basics\/quotes\)\n\s+The right option is a\./);
    expect(run.stdout).toMatch(/Binary floating point cannot represent most decimal prices exactly/);
    expect(run.stdout).toMatch(/Score: 0\/1\./);
    const progress = JSON.parse(readFileSync(path.join(root, '.ticklab/progress.json'), 'utf8'));
    expect(progress.quizzes).toEqual({ ticks: { 'why-integers': false } });
  });

  it('scores a right answer', async () => {
    const run = await runCli(['quiz', 'ticks'], { root: makeCourse(), input: 'A\n' });
    expect(run.stdout).toMatch(/✓ Right\.\n\s+a\) Right: 0\.1 \+ 0\.2 is not 0\.3/);
    expect(run.stdout).toMatch(/Score: 1\/1\. All right!/);
  });

  it('names an unknown quiz', async () => {
    const run = await runCli(['quiz', 'nope'], { root: makeCourse() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown quiz "nope"; quizzes are: ticks/);
  });
});
