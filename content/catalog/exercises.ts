/**
 * The course's exercises from disk: every `exercises/<slug>/` folder with its validated
 * metadata, in course order (the lesson's place in content/course.json, then the
 * exercise's order within the lesson). The file names are grading/exercise-format.ts's.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { exerciseMetaSchema, type ExerciseMeta } from '../schemas/exercise.ts';
import { SLUG_PATTERN } from '../schemas/slug.ts';
import {
  EXERCISE_FILE_ROLES,
  EXERCISE_FILES,
  EXERCISES_DIR,
  WRONG_DIR,
  WRONG_DRAFT_ENDING,
  WRONG_PATCH_ENDING,
} from '../../grading/exercise-format.ts';
import { readJson, zodIssues, type CatalogIssue } from './issues.ts';
import { OUTLINE_FILE } from './outline.ts';

/** The files of one exercise folder, as absolute paths. */
export interface ExerciseFiles {
  dir: string;
  exercise: string;
  solution: string;
  test: string;
  meta: string;
  /** Known-wrong solutions, `wrong/<name>.patch`: plausible mistakes the tests must fail, as patches of solution.ts (cli/check/known-wrong.ts). */
  wrong: string[];
  /** Full copies in `wrong/<name>.ts`: drafts of known-wrong solutions, for `ticklab new <slug> --wrong <name>` to turn into patches. */
  wrongDrafts: string[];
}

export interface Exercise {
  slug: string;
  meta: ExerciseMeta;
  files: ExerciseFiles;
}

export function exerciseFiles(root: string, slug: string): ExerciseFiles {
  const dir = path.join(root, EXERCISES_DIR, slug);
  return {
    dir,
    exercise: path.join(dir, EXERCISE_FILES.exercise),
    solution: path.join(dir, EXERCISE_FILES.solution),
    test: path.join(dir, EXERCISE_FILES.test),
    meta: path.join(dir, EXERCISE_FILES.meta),
    wrong: filesEndingIn(path.join(dir, WRONG_DIR), WRONG_PATCH_ENDING),
    wrongDrafts: filesEndingIn(path.join(dir, WRONG_DIR), WRONG_DRAFT_ENDING),
  };
}

/** The files of a `wrong/` folder with one ending, by name. */
function filesEndingIn(dir: string, ending: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ending))
    .sort()
    .map((f) => path.join(dir, f));
}

const names = EXERCISE_FILE_ROLES.map((role) => EXERCISE_FILES[role]);
/** "exercise.ts, solution.ts, exercise.test.ts and meta.json". */
const EVERY_FILE = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * Every exercise that loads, in course order, and an issue for each folder that does not
 * (a bad slug, a missing file, a meta.json the schema refuses) or names a lesson that
 * `lessons` (the outline's, when it loaded) does not have.
 */
export function loadExercises(root: string, lessons: readonly string[] | undefined, issues: CatalogIssue[]): Exercise[] {
  const exercisesDir = path.join(root, EXERCISES_DIR);
  const slugs = existsSync(exercisesDir)
    ? readdirSync(exercisesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : [];
  const rel = (file: string) => path.relative(root, file);
  const exercises: Exercise[] = [];
  for (const slug of slugs) {
    const files = exerciseFiles(root, slug);
    if (!SLUG_PATTERN.test(slug)) {
      issues.push({ file: rel(files.dir), message: `"${slug}" is not a valid slug: use lower-case words joined by hyphens, e.g. "ring-sizing"` });
      continue;
    }
    const missing = EXERCISE_FILE_ROLES.filter((role) => !existsSync(files[role]));
    for (const role of missing) issues.push({ file: rel(files[role]), message: `missing: every exercise folder has ${EVERY_FILE}` });
    if (missing.includes('meta')) continue;
    const raw = readJson(files.meta, rel(files.meta), issues);
    if (raw === undefined) continue;
    const parsed = exerciseMetaSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(rel(files.meta), parsed.error));
      continue;
    }
    if (lessons && !lessons.includes(parsed.data.lesson)) {
      issues.push({ file: rel(files.meta), field: 'lesson', message: `"${parsed.data.lesson}" is not a lesson in ${OUTLINE_FILE}` });
    }
    if (missing.length === 0) exercises.push({ slug, meta: parsed.data, files });
  }
  const rank = (e: Exercise) => {
    const i = lessons ? lessons.indexOf(e.meta.lesson) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return exercises.sort((a, b) => rank(a) - rank(b) || a.meta.order - b.meta.order || a.slug.localeCompare(b.slug));
}
