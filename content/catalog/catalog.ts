/**
 * The course as read from disk, for Node: the outline, the exercises and the quizzes,
 * each validated, with a list of what is wrong by file and field. One loader for the
 * CLI (cli/catalog.ts), the site's build (site/content.config.ts, site/build/) and the tests.
 */
import type { CourseOutline } from '../schemas/course.ts';
import { lessonIds } from '../schemas/course.ts';
import type { Quiz } from '../schemas/quiz.ts';
import { loadExercises, type Exercise } from './exercises.ts';
import type { CatalogIssue } from './issues.ts';
import { loadOutline } from './outline.ts';
import { loadQuizzes } from './quizzes.ts';

export interface Catalog {
  root: string;
  outline: CourseOutline | undefined;
  /** In course order. */
  exercises: Exercise[];
  /** Quizzes by file name (without .json), from content/quizzes/. */
  quizzes: Map<string, Quiz>;
  issues: CatalogIssue[];
}

/** Loads every exercise and quiz that can be loaded from the course at `root`, and lists what is wrong with the rest. */
export function loadCatalog(root: string): Catalog {
  const issues: CatalogIssue[] = [];
  const outline = loadOutline(root, issues);
  const lessons = outline ? lessonIds(outline) : undefined;
  const exercises = loadExercises(root, lessons, issues);
  return { root, outline, exercises, quizzes: loadQuizzes(root, lessons, issues), issues };
}
