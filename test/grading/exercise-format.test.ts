/**
 * The exercise format's names (grading/exercise-format.ts) against the course itself:
 * every exercise folder holds the files the module names, and the labels are the
 * paths messages print and the page's runner serves.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXERCISE_FILE_ROLES,
  EXERCISE_FILES,
  EXERCISES_DIR,
  exerciseLabel,
  knownWrongLabel,
  testLabelBeside,
  WRONG_DIR,
  WRONG_DRAFT_ENDING,
  WRONG_PATCH_ENDING,
} from '../../grading/exercise-format.ts';
import { REPO } from '../cli/helpers.ts';

describe('the exercise format', () => {
  const folders = readdirSync(path.join(REPO, EXERCISES_DIR), { withFileTypes: true }).filter((d) => d.isDirectory());

  it('names the files every exercise folder of the course has, and its known-wrong solutions (other files, such as a lesson\'s measurement script, may sit beside them)', () => {
    expect(folders.length, 'exercise folders').toBeGreaterThan(10);
    for (const { name } of folders) {
      const dir = path.join(REPO, EXERCISES_DIR, name);
      for (const role of EXERCISE_FILE_ROLES) expect(existsSync(path.join(dir, EXERCISE_FILES[role])), `${name}: ${EXERCISE_FILES[role]}`).toBe(true);
      const wrong = readdirSync(path.join(dir, WRONG_DIR));
      expect(wrong.length, `${name}: known-wrong solutions`).toBeGreaterThan(0);
      expect(wrong.filter((f) => !f.endsWith(WRONG_PATCH_ENDING)), `${name}/wrong: not patches (drafts are turned into patches)`).toEqual([]);
    }
  });

  it('labels files from the course root, as messages print them', () => {
    expect(exerciseLabel('ring-sizing')).toBe('exercises/ring-sizing/exercise.ts');
    expect(exerciseLabel('ring-sizing', EXERCISE_FILES.meta)).toBe('exercises/ring-sizing/meta.json');
    expect(exerciseLabel('ring-sizing', ''), 'the folder').toBe('exercises/ring-sizing');
    expect(knownWrongLabel('ring-sizing', 'off-by-one')).toBe('exercises/ring-sizing/wrong/off-by-one.patch');
    expect(knownWrongLabel('ring-sizing', 'off-by-one', true)).toBe(`exercises/ring-sizing/wrong/off-by-one${WRONG_DRAFT_ENDING}`);
  });

  it('finds the tests beside the graded file, whichever file is graded', () => {
    expect(testLabelBeside(exerciseLabel('ring-sizing'))).toBe('exercises/ring-sizing/exercise.test.ts');
    expect(testLabelBeside(exerciseLabel('ring-sizing', EXERCISE_FILES.solution))).toBe('exercises/ring-sizing/exercise.test.ts');
    expect(testLabelBeside('exercise.ts'), 'a bare name').toBe('exercise.test.ts');
  });
});
