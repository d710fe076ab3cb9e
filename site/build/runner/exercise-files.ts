/**
 * Each exercise as the page grades it: its compiled tests (`tests/<slug>.js`), the sources
 * the page type-checks and shows (`exercises/<slug>/exercise.test.ts`, `exercise.ts`, and
 * `solution.ts`, fetched only when the student asks to see it), and its manifest entry.
 * The paths under `/runner/` are the files' labels from the course root.
 */
import { readFileSync } from 'node:fs';
import type { Exercise } from '../../../content/catalog/exercises.ts';
import { EXERCISE_FILES, exerciseLabel } from '../../../grading/exercise-format.ts';
import type { ManifestExercise } from '../../lib/runner/protocol.ts';
import { needsIsolation } from '../exercise-facts.ts';
import type { RunnerFiles } from './files.ts';
import type { TestModule } from './test-modules.ts';

/** The manifest entry of `exercise`, and its files into `files`. */
export function addExercise(files: RunnerFiles, exercise: Exercise, test: TestModule): ManifestExercise {
  const { slug, meta } = exercise;
  const entry: ManifestExercise = {
    slug,
    title: meta.title,
    runsIn: meta.runsIn,
    timeLimitMs: meta.timeLimitMs,
    testModule: `tests/${slug}.js`,
    testSource: exerciseLabel(slug, EXERCISE_FILES.test),
    starterSource: exerciseLabel(slug, EXERCISE_FILES.exercise),
    engineImports: test.engineImports,
    needsIsolation: needsIsolation(exercise.files),
  };
  files.set(`runner/${entry.testModule}`, test.code);
  files.set(`runner/${entry.testSource}`, readFileSync(exercise.files.test, 'utf8'));
  files.set(`runner/${entry.starterSource}`, readFileSync(exercise.files.exercise, 'utf8'));
  files.set(`runner/${exerciseLabel(slug, EXERCISE_FILES.solution)}`, readFileSync(exercise.files.solution, 'utf8'));
  return entry;
}
