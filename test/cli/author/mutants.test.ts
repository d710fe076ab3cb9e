/**
 * `ticklab check --mutants`: StrykerJS on the fixture course's solutions, a surviving
 * mutant printed as a diff and failing the run, a stale equivalent mark refused (the
 * score's arithmetic with marks is test/cli/mutants/score.test.ts); and the
 * one-mutant-at-a-time road for tests that read the solution's source.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleExercises } from '../../../cli/commands/author/mutants.ts';
import { makeCourse, REPO, runCli } from '../helpers.ts';

/** A fixture course whose tests can import vitest: Stryker's sandbox links the course's node_modules. */
function course(): string {
  const root = makeCourse();
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
  return root;
}

function edit(root: string, rel: string, change: (text: string) => string) {
  const file = path.join(root, rel);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

const mutants = (root: string, ...args: string[]) => runCli(['check', '--mutants', '--jobs', '1', ...args], { root });

describe('ticklab check --mutants', () => {
  it('prints a survivor as a diff, and a mark that matches no surviving mutant, and fails', async () => {
    const root = course();
    // Tests that add only zeros cannot tell += from -=.
    edit(root, 'exercises/sum-ticks/exercise.test.ts', (t) => t.replace('sumTicks([100, 101, 99])).toBe(300)', 'sumTicks([0, 0])).toBe(0)'));
    edit(root, 'exercises/sum-ticks/meta.json', (t) => t.replace('"timeLimitMs"', '"equivalentMutants": [{ "line": 9, "mutator": "BlockStatement", "why": "a line the solution does not have" }],\n  "timeLimitMs"'));
    const run = await mutants(root, 'sum-ticks');
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/✗ sum-ticks: 50\.0% \(1 of 2 mutants killed; \d+ s\)/);
    expect(run.stdout).toMatch(/survived exercises\/sum-ticks\/solution\.ts line 4 \(AssignmentOperator\)\n\s+- for \(const p of prices\) total \+= p;\n\s+\+ for \(const p of prices\) total -= p;/);
    expect(run.stdout).toMatch(/error exercises\/sum-ticks\/meta\.json \(equivalentMutants\[0\]\): line 9 BlockStatement matches no surviving mutant/);
    expect(run.stdout).toMatch(/mutants: mean score 50\.0% over 1 exercise; 0 passed, 1 failed \(at least 100%, no stale mark\): sum-ticks/);
    expect(readdirSync(path.join(root, 'reports/mutation')), 'the report stays, the sandbox goes').toEqual(['sum-ticks.html']);
  }, 180_000);

  it('counts a mutant killed only by a test that races real threads (racyTests) as surviving', async () => {
    const root = course();
    // Only "adds prices" tells += from -=; were it racy, a kinder schedule would pass the mutant.
    edit(root, 'exercises/sum-ticks/meta.json', (t) => t.replace('"timeLimitMs"', '"racyTests": ["sumTicks > adds prices"],\n  "timeLimitMs"'));
    const run = await mutants(root, 'sum-ticks');
    expect(run.stdout, run.stderr).toMatch(/✗ sum-ticks: 50\.0% \(1 of 2 mutants killed; \d+ s\)\n\s+survived exercises\/sum-ticks\/solution\.ts line 4 \(AssignmentOperator\)/);
  }, 180_000);

  it('mutates one mutant at a time, through the grader, when the tests rebuild the solution from its source', async () => {
    const root = course();
    edit(root, 'exercises/sum-ticks/exercise.test.ts', (t) =>
      t.replace(
        "describe('sumTicks', () => {",
        "describe('sumTicks', () => {\n  it('works rebuilt from its source text, as in a worker', () => {\n    expect(new Function(`return (${sumTicks.toString()})`)()([1, 2])).toBe(3);\n  });",
      ),
    );
    const run = await mutants(root, 'sum-ticks', '--min-score', '100');
    expect(run.stdout, run.stderr).toMatch(/✓ sum-ticks: 100\.0% \(2 of 2 mutants killed; \d+ s, one mutant at a time \(the tests fail on Stryker's instrumented solution\)\)/);
    expect(run.code).toBe(0);
    // The reason is said, not hidden: Stryker's error names the failing test.
    expect(run.stdout + run.stderr).toMatch(/One or more tests failed in the initial test run:[^]*works rebuilt from its source text/);
    expect(run.stderr).toMatch(/sum-ticks: the tests fail on Stryker's instrumented, unmutated solution/);
    expect(existsSync(path.join(root, 'reports/mutation/.stryker-tmp')), 'no sandbox left behind').toBe(false);
  }, 180_000);
});

describe('sampleExercises', () => {
  const slugs = ['e', 'a', 'd', 'b', 'c'];
  it('takes n consecutive slugs in order from where the commit points, wrapping round', () => {
    expect(sampleExercises(slugs, 2, '00000000')).toEqual(['a', 'b']);
    expect(sampleExercises(slugs, 3, '00000004')).toEqual(['e', 'a', 'b']);
    expect(sampleExercises(slugs, 9, 'ffffffff')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('covers every exercise over successive commits', () => {
    const seen = new Set(['00000000', '00000002', '00000004'].flatMap((seed) => sampleExercises(slugs, 2, seed)));
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
