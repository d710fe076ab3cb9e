/**
 * The course's exercises as the CLI sees them: every `exercises/<slug>/` folder with its
 * validated metadata, in course order (the lesson's place in content/course.json, then
 * the exercise's order within the lesson). A broken folder is reported by file and field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { exerciseMetaSchema, type ExerciseMeta } from '../content/schemas/exercise.ts';
import { SLUG_PATTERN } from '../content/schemas/slug.ts';
import { courseOutlineSchema, lessonIds, type CourseOutline } from '../content/schemas/course.ts';
import { quizSchema, type Quiz } from '../content/schemas/quiz.ts';
import { courseRoot } from './paths.ts';
import { UsageError } from './errors.ts';

/** The files of one exercise folder. */
export interface ExerciseFiles {
  dir: string;
  exercise: string;
  solution: string;
  test: string;
  meta: string;
  /** Known-wrong solutions, `wrong/<name>.patch`: plausible mistakes the tests must fail, as patches of solution.ts (cli/known-wrong.ts). */
  wrong: string[];
  /** Full copies in `wrong/<name>.ts`: drafts of known-wrong solutions, for `ticklab new <slug> --wrong <name>` to turn into patches. */
  wrongDrafts: string[];
}

export interface Exercise {
  slug: string;
  meta: ExerciseMeta;
  files: ExerciseFiles;
}

/** Something wrong with the course's files, named by file (relative to the course root) and field. */
export interface CatalogIssue {
  file: string;
  field?: string;
  message: string;
}

export interface Catalog {
  root: string;
  outline: CourseOutline | undefined;
  exercises: Exercise[];
  /** Quizzes by file name (without .json), from content/quizzes/. */
  quizzes: Map<string, Quiz>;
  issues: CatalogIssue[];
}

/** An issue as one line: "exercises/x/meta.json (minutes): Required". */
export function formatIssue(issue: CatalogIssue): string {
  return `${issue.file}${issue.field ? ` (${issue.field})` : ''}: ${issue.message}`;
}

export { SLUG_PATTERN };

/** How messages name an exercise's folder (`file` empty) or a file in it: `exercises/<slug>/<file>`, from the course root. */
export function exerciseLabel(slug: string, file = 'exercise.ts'): string {
  return file ? `exercises/${slug}/${file}` : `exercises/${slug}`;
}

export function exerciseFiles(root: string, slug: string): ExerciseFiles {
  const dir = path.join(root, 'exercises', slug);
  return {
    dir,
    exercise: path.join(dir, 'exercise.ts'),
    solution: path.join(dir, 'solution.ts'),
    test: path.join(dir, 'exercise.test.ts'),
    meta: path.join(dir, 'meta.json'),
    wrong: filesEndingIn(path.join(dir, 'wrong'), '.patch'),
    wrongDrafts: filesEndingIn(path.join(dir, 'wrong'), '.ts'),
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

/** Turns zod issues into messages that name the file and the field. */
export function zodIssues(file: string, error: z.ZodError): CatalogIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    const keys = 'keys' in issue ? ` (${(issue.keys as string[]).map((k) => `"${k}"`).join(', ')}: not a field; check the spelling)` : '';
    return { file, ...(field ? { field } : {}), message: `${issue.message}${keys}` };
  });
}

function readJson(file: string, rel: string, issues: CatalogIssue[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    issues.push({ file: rel, message: existsSync(file) ? `not valid JSON: ${(error as Error).message}` : 'missing' });
    return undefined;
  }
}

function loadOutline(root: string, issues: CatalogIssue[]): CourseOutline | undefined {
  const rel = 'content/course.json';
  const raw = readJson(path.join(root, rel), rel, issues);
  if (raw === undefined) return undefined;
  const parsed = courseOutlineSchema.safeParse(raw);
  if (!parsed.success) {
    issues.push(...zodIssues(rel, parsed.error));
    return undefined;
  }
  return parsed.data;
}

/** Loads every exercise that can be loaded, and lists what is wrong with the rest. */
export function loadCatalog(root = courseRoot()): Catalog {
  const issues: CatalogIssue[] = [];
  const outline = loadOutline(root, issues);
  const lessons = outline ? lessonIds(outline) : [];
  const exercisesDir = path.join(root, 'exercises');
  const slugs = existsSync(exercisesDir)
    ? readdirSync(exercisesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : [];
  const exercises: Exercise[] = [];
  for (const slug of slugs) {
    const files = exerciseFiles(root, slug);
    const rel = (file: string) => path.relative(root, file);
    if (!SLUG_PATTERN.test(slug)) {
      issues.push({ file: rel(files.dir), message: `"${slug}" is not a valid slug: use lower-case words joined by hyphens, e.g. "ring-sizing"` });
      continue;
    }
    const missing = (['exercise', 'solution', 'test', 'meta'] as const).filter((k) => !existsSync(files[k]));
    for (const k of missing) issues.push({ file: rel(files[k]), message: 'missing: every exercise folder has exercise.ts, solution.ts, exercise.test.ts and meta.json' });
    if (missing.includes('meta')) continue;
    const raw = readJson(files.meta, rel(files.meta), issues);
    if (raw === undefined) continue;
    const parsed = exerciseMetaSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(rel(files.meta), parsed.error));
      continue;
    }
    if (outline && !lessons.includes(parsed.data.lesson)) {
      issues.push({ file: rel(files.meta), field: 'lesson', message: `"${parsed.data.lesson}" is not a lesson in content/course.json` });
    }
    if (missing.length === 0) exercises.push({ slug, meta: parsed.data, files });
  }
  const rank = (e: Exercise) => {
    const i = lessons.indexOf(e.meta.lesson);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  exercises.sort((a, b) => rank(a) - rank(b) || a.meta.order - b.meta.order || a.slug.localeCompare(b.slug));
  return { root, outline, exercises, quizzes: loadQuizzes(root, outline ? lessons : undefined, issues), issues };
}

/** Validates every `content/quizzes/*.json`, and that the lessons it names exist. */
export function loadQuizzes(root: string, lessons: readonly string[] | undefined, issues: CatalogIssue[]): Map<string, Quiz> {
  const quizzes = new Map<string, Quiz>();
  const dir = path.join(root, 'content', 'quizzes');
  if (!existsSync(dir)) return quizzes;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const rel = `content/quizzes/${name}`;
    const raw = readJson(path.join(dir, name), rel, issues);
    if (raw === undefined) continue;
    const parsed = quizSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(rel, parsed.error));
      continue;
    }
    const quiz = parsed.data;
    const missing = (id: string) => lessons !== undefined && !lessons.includes(id.split('#')[0]!);
    if (missing(quiz.lesson)) issues.push({ file: rel, field: 'lesson', message: `"${quiz.lesson}" is not a lesson in content/course.json` });
    const ids = new Set<string>();
    quiz.questions.forEach((q, i) => {
      if (ids.has(q.id)) issues.push({ file: rel, field: `questions[${i}].id`, message: `the id "${q.id}" is used by an earlier question` });
      ids.add(q.id);
      (q.options ?? []).forEach((o, j) => {
        if (o.see && missing(o.see)) issues.push({ file: rel, field: `questions[${i}].options[${j}].see`, message: `"${o.see}" is not a lesson in content/course.json` });
      });
      q.mistakes.forEach((m, j) => {
        if (m.see && missing(m.see)) issues.push({ file: rel, field: `questions[${i}].mistakes[${j}].see`, message: `"${m.see}" is not a lesson in content/course.json` });
      });
      if (q.see && missing(q.see)) issues.push({ file: rel, field: `questions[${i}].see`, message: `"${q.see}" is not a lesson in content/course.json` });
    });
    quizzes.set(name.replace(/\.json$/, ''), quiz);
  }
  return quizzes;
}

/** Finds exercises by slug, with a helpful error for an unknown one. */
export function pick(catalog: Catalog, slugs: readonly string[]): Exercise[] {
  if (slugs.length === 0) return catalog.exercises;
  return slugs.map((slug) => {
    const found = catalog.exercises.find((e) => e.slug === slug);
    if (found) return found;
    // The folder is there but did not load: say what is wrong with it, not "unknown".
    const broken = catalog.issues.filter((i) => i.file.startsWith(`${exerciseLabel(slug, '')}/`) || i.file === exerciseLabel(slug, ''));
    if (broken.length) {
      const what = broken.map(formatIssue).join('; ');
      throw new UsageError(`exercise "${slug}" cannot be loaded: ${what}. Fix it (docs/authoring.md explains each field), then run \`ticklab check ${slug}\`.`);
    }
    const near = catalog.exercises.filter((e) => e.slug.includes(slug) || slug.includes(e.slug)).map((e) => e.slug);
    const hint = near.length ? ` Did you mean ${near.join(' or ')}?` : ' Run `ticklab list` to see them all.';
    throw new UsageError(`unknown exercise "${slug}".${hint}`);
  });
}
