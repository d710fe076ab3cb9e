/**
 * The course-order check (content/course-order.ts) run on a loaded course: it reads the
 * lessons' files and the exercise folders beside the catalog. One entry for `ticklab
 * check` and the site's build, so the two refuse the same courses with the same words.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { courseOrderFindings, type CourseOrderFinding } from '../course-order.ts';
import { readLessonFiles } from '../lesson-files.ts';
import { EXERCISES_DIR } from '../../grading/exercise-format.ts';
import type { Catalog } from './catalog.ts';

/** Every disagreement between the catalog's outline, its lessons' MDX files and its exercises' meta.json; none without an outline. */
export function catalogCourseOrder(catalog: Catalog): CourseOrderFinding[] {
  if (!catalog.outline) return [];
  const dir = path.join(catalog.root, EXERCISES_DIR);
  const folders = new Set(existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : []);
  const rel = (file: string) => path.relative(catalog.root, file).split(path.sep).join('/');
  return courseOrderFindings({
    outline: catalog.outline,
    lessons: readLessonFiles(catalog.root),
    exercises: catalog.exercises.map((e) => ({ slug: e.slug, metaFile: rel(e.files.meta), lesson: e.meta.lesson, order: e.meta.order })),
    folders,
  });
}
