/**
 * docs/gradescope/run_autograder, run as Gradescope runs it: in a temporary folder laid out
 * as /autograder (source/ with exercises.txt, submission/ with the student's files, results/),
 * against this checkout's ticklab and a copy of the fixture course. It must leave a
 * results.json that fits Gradescope's format with the points the rules give, and still
 * leave one, saying why, when grading cannot run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp-dir.ts';
import { makeCourse, REPO, runCli } from '../helpers.ts';
import { gradescopeSchema } from './platforms.ts';

const SCRIPT = path.join(REPO, 'docs/gradescope/run_autograder');

function runAutograder(autograder: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [SCRIPT], { cwd: autograder, env: { ...process.env, NO_COLOR: '1', AUTOGRADER: autograder, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** /autograder as Gradescope lays it out, with the zip's exercises.txt in source/. */
function autograderFolder(exercises: string): string {
  const root = tempDir('ticklab-autograder-');
  for (const d of ['source', 'submission', 'results']) mkdirSync(path.join(root, d));
  writeFileSync(path.join(root, 'source/exercises.txt'), exercises);
  return root;
}

describe('Gradescope run_autograder', () => {
  it('grades the submission into results.json with the meta.json points', async () => {
    const course = makeCourse();
    // sum-ticks is worth 4, its "adds prices" test 3 of them.
    const metaFile = path.join(course, 'exercises/sum-ticks/meta.json');
    writeFileSync(metaFile, JSON.stringify({ ...JSON.parse(readFileSync(metaFile, 'utf8')), points: 4, testWeights: { 'sumTicks > adds prices': 3 } }));
    const ag = autograderFolder('# this assignment\nsum-ticks\nmid-price\n');
    // The student handed in sum-ticks as their repository has it, and mid-price's starting file as <slug>.ts.
    mkdirSync(path.join(ag, 'submission/exercises/sum-ticks'), { recursive: true });
    writeFileSync(path.join(ag, 'submission/exercises/sum-ticks/exercise.ts'), readFileSync(path.join(course, 'exercises/sum-ticks/solution.ts')));
    writeFileSync(path.join(ag, 'submission/mid-price.ts'), readFileSync(path.join(course, 'exercises/mid-price/exercise.ts')));

    const run = await runAutograder(ag, { TICKLAB_HOME: REPO, TICKLAB_ROOT: course });
    expect(run.code, run.out).toBe(0);
    const results = gradescopeSchema.parse(JSON.parse(readFileSync(path.join(ag, 'results/results.json'), 'utf8')));
    expect(results.score).toBe(4);
    expect(results.max_score).toBe(5);
    expect(results.tests!.map((t) => [t.name, t.score, t.max_score, t.status])).toEqual([
      ['sum-ticks > sumTicks > is 0 for no prices', 1, 1, 'passed'],
      ['sum-ticks > sumTicks > adds prices', 3, 3, 'passed'],
      ['mid-price > is bid + ask in half ticks', 0, 1, 'failed'],
    ]);
    expect(results.output).toBe('1 of 2 exercises passed: sum-ticks pass, mid-price fail.');
  }, 180_000);

  it('still writes results.json, with the reason, when grading cannot run', async () => {
    const ag = autograderFolder('no-such-exercise\n');
    const run = await runAutograder(ag, { TICKLAB_HOME: REPO, TICKLAB_ROOT: makeCourse() });
    expect(run.code).toBe(0);
    const results = gradescopeSchema.parse(JSON.parse(readFileSync(path.join(ag, 'results/results.json'), 'utf8')));
    expect(results.score).toBe(0);
    expect(results.output).toMatch(/could not grade this submission \(exit 2\):[\s\S]*no-such-exercise/);
  }, 60_000);

  it('refuses --gradescope on a class of several students before grading anyone', async () => {
    const course = makeCourse();
    for (const student of ['ada', 'bo']) mkdirSync(path.join(course, 'class', student, 'sum-ticks'), { recursive: true });
    const run = await runCli(['grade', '--submissions', path.join(course, 'class'), '--gradescope', path.join(course, 'results.json')], { root: course });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--gradescope writes one submission's results, and .*class holds 2 students/);
    expect(run.stdout).not.toMatch(/sum-ticks/);
  }, 60_000);
});
