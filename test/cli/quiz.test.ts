/** `ticklab quiz`: a quiz in the terminal, options shuffled per student, every chosen option explained, retries, numeric answers, results kept. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shuffledOrder } from '../../content/shuffle.ts';
import { makeCourse, runCli } from './helpers.ts';

/** A course whose student key is known, so the test knows the order of the options. */
function courseFor(student: string): string {
  const root = makeCourse();
  mkdirSync(path.join(root, '.ticklab'), { recursive: true });
  writeFileSync(path.join(root, '.ticklab/progress.json'), JSON.stringify({ version: 1, student, passed: {}, failed: {}, hintsShown: {}, quizzes: {} }));
  return root;
}

/** The letters of the right ("Integer arithmetic is exact", index 0) and wrong option for this student. */
function letters(student: string): { right: string; wrong: string } {
  const order = shuffledOrder(2, `${student}:ticks/why-integers`);
  return { right: 'ab'[order.indexOf(0)]!, wrong: 'ab'[order.indexOf(1)]! };
}

/** Two students whose orders differ: options are shuffled, not fixed. */
const STUDENTS = ['s1', 's2', 's3', 's4', 's5', 's6'];
const FIRST_RIGHT = STUDENTS.find((s) => letters(s).right === 'a')!;
const SECOND_RIGHT = STUDENTS.find((s) => letters(s).right === 'b')!;

describe('ticklab quiz', () => {
  it('lists the quizzes without a name', async () => {
    const run = await runCli(['quiz'], { root: makeCourse() });
    expect(run.stdout, 'the list').toMatch(/ticks\s+Ticks \(1 question\)/);
  });

  it('shows the options in an order that depends on the student, stable from one run to the next', async () => {
    expect(FIRST_RIGHT && SECOND_RIGHT, 'two students with different orders exist').toBeTruthy();
    const a = await runCli(['quiz', 'ticks'], { root: courseFor(FIRST_RIGHT), input: 'q\n' });
    const b = await runCli(['quiz', 'ticks'], { root: courseFor(SECOND_RIGHT), input: 'q\n' });
    expect(a.stdout, 'first student').toMatch(/a\) Integer arithmetic is exact\.\n\s+b\) Integers are always faster\./);
    expect(b.stdout, 'second student').toMatch(/a\) Integers are always faster\.\n\s+b\) Integer arithmetic is exact\./);
    const again = await runCli(['quiz', 'ticks'], { root: courseFor(SECOND_RIGHT), input: 'q\n' });
    expect(again.stdout, 'same student again').toMatch(/a\) Integers are always faster\.\n\s+b\) Integer arithmetic is exact\./);
  });

  it('explains a wrong answer with its misconception and lesson, lets the student try again, and records the first answer', async () => {
    const root = courseFor(FIRST_RIGHT);
    // "ab" is refused for a single choice, "z" is not an option, then "b" (wrong), then "a" (right).
    const run = await runCli(['quiz', 'ticks'], { root, input: 'ab\nz\nb\na\n' });
    expect(run.code, 'exit code').toBe(0);
    expect(run.stdout.match(/Answer with one letter from a to b\./g), 'refusals').toHaveLength(2);
    expect(run.stdout, 'the wrong answer explained').toMatch(/✗ Not quite\.\n\s+b\) Misconception: the point is exactness, not speed\. \(see basics\/quotes\)/);
    expect(run.stdout, 'the right answer is not given away before the retry').not.toMatch(/The right option is/);
    expect(run.stdout, 'a retry offered').toMatch(/Try again, or type s to see the answer\./);
    expect(run.stdout, 'the retry judged').toMatch(/✓ Right\.\n\s+a\) Right: 0\.1 \+ 0\.2 is not 0\.3/);
    expect(run.stdout, 'the full answer').toMatch(/Binary floating point cannot represent most decimal prices exactly/);
    expect(run.stdout, 'score').toMatch(/Score: 0\/1 right at the first try\./);
    const progress = JSON.parse(readFileSync(path.join(root, '.ticklab/progress.json'), 'utf8'));
    expect(progress.quizzes, 'recorded result').toEqual({ ticks: { 'why-integers': false } });
  });

  it('shows the right option when the student asks for it after a wrong answer', async () => {
    const run = await runCli(['quiz', 'ticks'], { root: courseFor(SECOND_RIGHT), input: 'a\ns\n' });
    expect(run.stdout, 'revealed').toMatch(/The right option is b\./);
    expect(run.stdout, 'full answer').toMatch(/Binary floating point/);
  });

  it('scores a right answer', async () => {
    const run = await runCli(['quiz', 'ticks'], { root: courseFor(SECOND_RIGHT), input: 'B\n' });
    expect(run.stdout, 'right').toMatch(/✓ Right\.\n\s+b\) Right: 0\.1 \+ 0\.2 is not 0\.3/);
    expect(run.stdout, 'score').toMatch(/Score: 1\/1 right at the first try\. All right!/);
  });

  it('takes numeric answers within the stated tolerance, naming the misconception behind a known wrong value', async () => {
    const run = await runCli(['quiz', 'latency'], { root: makeCourse(), input: 'fast\n4 ns\n500\n95\n' });
    expect(run.stdout, 'states the tolerance').toMatch(/type a number in ns; right within ±40 ns/);
    expect(run.stdout, 'not a number').toMatch(/Answer with a number in ns\./);
    expect(run.stdout, 'known mistake').toMatch(/✗ Not quite: 4 ns is too low\.\n\s+That is a cache hit, not main memory\. \(see basics\/quotes\)/);
    expect(run.stdout, 'too high').toMatch(/✗ Not quite: 500 ns is too high\./);
    expect(run.stdout, 'right within tolerance').toMatch(/✓ Right\.\n\s+Right: tens of nanoseconds/);
  });

  it('names an unknown quiz', async () => {
    const run = await runCli(['quiz', 'nope'], { root: makeCourse() });
    expect(run.code, 'exit code').toBe(2);
    expect(run.stderr, 'message').toMatch(/unknown quiz "nope"; quizzes are: latency, ticks/);
  });
});
