/**
 * The exercise format's names, in one place: the files of an `exercises/<slug>/` folder
 * and how messages name them. Browser-safe (no Node module): the CLI's catalog, the
 * site's build, the page and the grading core all spell a file through this module.
 */

/** The folder, under the course root, that holds one folder per exercise. */
export const EXERCISES_DIR = 'exercises';

/** The files every exercise folder has, by role. */
export const EXERCISE_FILES = {
  /** The starting file the student edits (its header comment is the instructions). */
  exercise: 'exercise.ts',
  /** The reference solution: the tests must pass on it. */
  solution: 'solution.ts',
  /** The tests, which import `./exercise`. */
  test: 'exercise.test.ts',
  /** Everything about the exercise that is not code (content/schemas/exercise.ts). */
  meta: 'meta.json',
} as const;

/** A role of EXERCISE_FILES: `exercise`, `solution`, `test` or `meta`. */
export type ExerciseFileRole = keyof typeof EXERCISE_FILES;

/** The roles in the order messages list them. */
export const EXERCISE_FILE_ROLES = Object.keys(EXERCISE_FILES) as ExerciseFileRole[];

/** The folder of known-wrong solutions: `<name>.patch` (patches of solution.ts) and `<name>.ts` (drafts of them). */
export const WRONG_DIR = 'wrong';
/** The ending of a known-wrong solution, a patch of solution.ts. */
export const WRONG_PATCH_ENDING = '.patch';
/** The ending of a known-wrong draft, a full copy that `ticklab new <slug> --wrong <name>` turns into a patch. */
export const WRONG_DRAFT_ENDING = '.ts';

/**
 * How messages name an exercise's file, from the course root: `exercises/<slug>/<file>`
 * (the starting file by default), or the folder itself when `file` is empty. The page's
 * runner serves the same paths under `/runner/`.
 */
export function exerciseLabel(slug: string, file: string = EXERCISE_FILES.exercise): string {
  return file ? `${EXERCISES_DIR}/${slug}/${file}` : `${EXERCISES_DIR}/${slug}`;
}

/** `exercises/<slug>/wrong/<name>.patch`, or the draft's `.ts` with `draft`. */
export function knownWrongLabel(slug: string, name: string, draft = false): string {
  return exerciseLabel(slug, `${WRONG_DIR}/${name}${draft ? WRONG_DRAFT_ENDING : WRONG_PATCH_ENDING}`);
}

/** The label of the tests beside a graded file: `exercises/x/solution.ts` gives `exercises/x/exercise.test.ts`. */
export function testLabelBeside(codeLabel: string): string {
  const at = codeLabel.lastIndexOf('/');
  return `${at < 0 ? '' : codeLabel.slice(0, at + 1)}${EXERCISE_FILES.test}`;
}
