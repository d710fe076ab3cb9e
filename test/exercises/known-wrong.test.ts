/**
 * The pilot exercises' verdicts can be trusted: every known-wrong solution (wrong/*.patch)
 * fails on every grading, not just on most (three gradings each, with the two-thread
 * tests running), and the reference solution passes. Graded through the CLI's own grading
 * function, the path `ticklab check` takes. That no verdict rests on thread timing is
 * proven structurally by `ticklab check` (a mistake must fail a test not listed in
 * racyTests); the repeats here guard the deterministic tests themselves against luck
 * (a seed or a clock read by mistake).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Exercise } from '../../cli/catalog.ts';
import { KnownWrongFiles, readKnownWrong } from '../../cli/check/known-wrong.ts';
import { gradeExercise } from '../../cli/grader/grade-exercise.ts';
import { mapLimit } from '../../cli/grader/pool.ts';
import type { ExerciseResult } from '../../grading/result-schema.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const PILOTS = ['borrow-tracker', 'lanewise-vwap', 'spsc-push-pop'] as const;
/** Gradings of each known-wrong solution. */
const REPEATS = 3;
/** The known-wrong solutions each pilot must keep, at least (the mistakes its lesson warns of). */
const REQUIRED: Record<(typeof PILOTS)[number], string[]> = {
  'borrow-tracker': ['value-unchecked-after-release', 'release-twice', 'writer-while-readers'],
  'lanewise-vwap': ['missing-tail', 'tail-in-both-lanes', 'no-length-check', 'error-without-lengths'],
  'spsc-push-pop': ['no-atomics', 'full-check-without-or-zero', 'publish-before-write', 'free-before-read'],
};

const catalog = loadCatalog(REPO);
const rel = (file: string) => path.relative(REPO, file);
const failing = (r: ExerciseResult) => r.tests.filter((t) => t.status !== 'pass').map((t) => t.name);

interface Job {
  exercise: Exercise;
  /** The file graded: the solution, or a known-wrong patch applied (as ticklab check applies it). */
  codeFile: string;
  /** The file it comes from, by which results are kept. */
  file: string;
  typed: boolean;
}
const grades = new Map<string, ExerciseResult[]>();
const sources = new KnownWrongFiles();
afterAll(() => sources.remove());

beforeAll(async () => {
  const jobs: Job[] = [];
  for (const slug of PILOTS) {
    const exercise = catalog.exercises.find((e) => e.slug === slug);
    if (!exercise) continue; // reported by the test below
    jobs.push({ exercise, codeFile: exercise.files.solution, file: exercise.files.solution, typed: true });
    for (const file of exercise.files.wrong) {
      const codeFile = sources.write(slug, readKnownWrong(file, exercise.files.solution));
      for (let i = 0; i < REPEATS; i++) jobs.push({ exercise, codeFile, file, typed: false });
    }
  }
  // A first, discarded type-checked grading warms the type-checker's cache. The grader
  // type-checks synchronously in this process while the sandbox runs, so a cold check
  // slower than the time limit (12 s on a loaded two-core machine) blocks the event loop
  // past the limit's timer, and a right answer is reported as a timeout.
  const first = jobs.find((j) => j.typed);
  if (first) await gradeExercise({ exercise: first.exercise, codeFile: first.codeFile, codeLabel: rel(first.file) });
  // Two at a time: the sandbox is a process of its own, and the machine may have two cores.
  await mapLimit(jobs, 2, async ({ exercise, codeFile, file, typed }) => {
    const result = await gradeExercise({ exercise, codeFile, codeLabel: rel(file), skipTypecheck: !typed });
    grades.set(file, [...(grades.get(file) ?? []), result]);
  });
}, 600_000);

describe.each(PILOTS)('%s', (slug) => {
  const exercise = () => {
    const found = catalog.exercises.find((e) => e.slug === slug);
    if (!found) throw new Error(`exercises/${slug} did not load: ${catalog.issues.map((i) => `${i.file}: ${i.message}`).join('; ')}`);
    return found;
  };

  it('keeps the known-wrong solutions each pilot must have', () => {
    const names = exercise().files.wrong.map((f) => path.basename(f, '.patch'));
    for (const name of REQUIRED[slug]) expect(names, `known-wrong solutions in exercises/${slug}/wrong/`).toContain(name);
  });

  it('the reference solution passes, type-checked', () => {
    const [result] = grades.get(exercise().files.solution) ?? [];
    const why = result ? [...result.problems.map((p) => p.message), ...failing(result)].join('; ') : 'not graded';
    expect(result?.status, `grade of exercises/${slug}/solution.ts (${why})`).toBe('pass');
  });

  it(`every known-wrong solution fails each of ${REPEATS} gradings, caught by a test`, () => {
    for (const file of exercise().files.wrong) {
      const results = grades.get(file) ?? [];
      expect(results.length, `gradings of ${rel(file)}`).toBe(REPEATS);
      const passed = results.filter((r) => r.status === 'pass').length;
      expect(passed, `gradings of ${rel(file)} that passed, out of ${REPEATS} (a wrong answer must never pass)`).toBe(0);
      // Caught by a test, not by a crash or a type error: a plausible mistake loads and runs.
      const notByTests = results.filter((r) => r.status !== 'fail' && r.status !== 'timeout');
      expect(
        notByTests.map((r) => `${r.status}: ${r.problems.map((p) => p.message).join('; ')}`),
        `gradings of ${rel(file)} that did not end in a failing test`,
      ).toEqual([]);
    }
  });
});
