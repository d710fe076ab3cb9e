/**
 * The instructor's integrity check behind `ticklab check`: everything that must hold for
 * the course to be sound. The central one: each exercise's tests fail on its starting
 * file (so they test something) and pass on its reference solution (so they can be met).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog, pick, type Catalog, type CatalogIssue, type Exercise } from './catalog.ts';
import { gradeExercise } from './grader/grade.ts';
import { mapLimit } from './grader/pool.ts';
import type { ExerciseResult } from './harness/result-schema.ts';
import { where } from './report/format.ts';

export interface CheckFinding extends CatalogIssue {
  /** The exercise it concerns, when it concerns one. */
  exercise?: string;
}

export interface CheckReport {
  catalog: Catalog;
  findings: CheckFinding[];
  /** The starting file's and the solution's grades, by slug. */
  grades: Map<string, { starter: ExerciseResult; solution: ExerciseResult }>;
}

const TODO = /\/\/\s*TODO\b/;
const IMPORTS_EXERCISE = /from\s+['"]\.\/exercise(\.ts)?['"]/;
const PLACEHOLDER = /\bTODO\b/;

function rel(catalog: Catalog, file: string): string {
  return path.relative(catalog.root, file);
}

/** Checks that need no grading: the files' contents and what must be unique. */
export function staticFindings(catalog: Catalog): CheckFinding[] {
  const findings: CheckFinding[] = [...catalog.issues];
  const seen = new Map<string, string>();
  const unique = (key: string, file: string, field: string, what: string, exercise: string) => {
    const other = seen.get(key);
    if (other) findings.push({ file, field, exercise, message: `${what} is also used by ${other}` });
    else seen.set(key, exercise);
  };
  for (const e of catalog.exercises) {
    const metaFile = rel(catalog, e.files.meta);
    const starter = readFileSync(e.files.exercise, 'utf8');
    const solution = readFileSync(e.files.solution, 'utf8');
    const test = readFileSync(e.files.test, 'utf8');
    if (!TODO.test(starter)) findings.push({ exercise: e.slug, file: rel(catalog, e.files.exercise), message: 'the starting file has no "// TODO" marking where the student edits' });
    if (TODO.test(solution)) findings.push({ exercise: e.slug, file: rel(catalog, e.files.solution), message: 'the solution still has a "// TODO": finish it' });
    if (!IMPORTS_EXERCISE.test(test)) findings.push({ exercise: e.slug, file: rel(catalog, e.files.test), message: 'the test file must import the code under test from "./exercise.ts"' });
    if (/from\s+['"]\.\/solution/.test(test)) findings.push({ exercise: e.slug, file: rel(catalog, e.files.test), message: 'the test file imports the solution: tests must grade "./exercise.ts" only' });
    for (const field of ['title', 'summary'] as const) {
      if (PLACEHOLDER.test(e.meta[field])) findings.push({ exercise: e.slug, file: metaFile, field, message: 'still a placeholder (contains TODO)' });
    }
    e.meta.hints.forEach((hint, i) => {
      if (PLACEHOLDER.test(hint)) findings.push({ exercise: e.slug, file: metaFile, field: `hints[${i}]`, message: 'still a placeholder (contains TODO)' });
      if (e.meta.hints.indexOf(hint) !== i) findings.push({ exercise: e.slug, file: metaFile, field: `hints[${i}]`, message: 'repeats an earlier hint' });
    });
    unique(`slug:${e.slug.toLowerCase()}`, rel(catalog, e.files.dir), 'slug', `the slug "${e.slug}"`, e.slug);
    unique(`title:${e.meta.title.toLowerCase()}`, metaFile, 'title', `the title "${e.meta.title}"`, e.slug);
    unique(`order:${e.meta.lesson}#${e.meta.order}`, metaFile, 'order', `order ${e.meta.order} in lesson ${e.meta.lesson}`, e.slug);
  }
  if (catalog.outline) {
    const slugs = new Set<string>();
    for (const m of catalog.outline.modules) {
      if (slugs.has(m.slug)) findings.push({ file: 'content/course.json', field: `modules.${m.slug}`, message: 'duplicate module slug' });
      slugs.add(m.slug);
      const lessons = new Set<string>();
      for (const l of m.lessons) {
        if (lessons.has(l.slug)) findings.push({ file: 'content/course.json', field: `modules.${m.slug}.lessons.${l.slug}`, message: 'duplicate lesson slug' });
        lessons.add(l.slug);
      }
    }
  }
  return findings;
}

function gradeFindings(catalog: Catalog, e: Exercise, starter: ExerciseResult, solution: ExerciseResult): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const describe = (r: ExerciseResult) =>
    r.problems.map((p) => `${p.kind}${where(p) ? ` at ${where(p)}` : ''}: ${p.message.split('\n')[0]}`).join('; ') ||
    r.tests.filter((t) => t.status !== 'pass').map((t) => `"${t.name}": ${(t.message ?? t.status).split('\n')[0]}`).slice(0, 3).join('; ');
  if (solution.status !== 'pass') {
    findings.push({ exercise: e.slug, file: rel(catalog, e.files.solution), message: `the solution does not pass its tests (${solution.status}): ${describe(solution)}` });
  }
  if (starter.status === 'pass') {
    findings.push({ exercise: e.slug, file: rel(catalog, e.files.exercise), message: 'the starting file already passes every test: the tests do not test the TODO' });
  } else if (starter.status !== 'fail') {
    findings.push({
      exercise: e.slug,
      file: rel(catalog, e.files.exercise),
      message: `the starting file must type-check, load and fail by its tests, but it gives ${starter.status}: ${describe(starter)}`,
    });
  }
  return findings;
}

/** Runs every check; `slugs` narrows the grading to some exercises (static checks cover all). */
export async function runChecks(options: { jobs: number; slugs?: readonly string[]; onExercise?: (slug: string, ok: boolean) => void }): Promise<CheckReport> {
  const catalog = loadCatalog();
  const findings = staticFindings(catalog);
  const grades = new Map<string, { starter: ExerciseResult; solution: ExerciseResult }>();
  const chosen = options.slugs?.length ? pick(catalog, options.slugs) : catalog.exercises;
  await mapLimit(chosen, options.jobs, async (e) => {
    const starter = await gradeExercise({ exercise: e });
    const solution = await gradeExercise({ exercise: e, codeFile: e.files.solution, codeLabel: rel(catalog, e.files.solution) });
    grades.set(e.slug, { starter, solution });
    const found = gradeFindings(catalog, e, starter, solution);
    findings.push(...found);
    options.onExercise?.(e.slug, !findings.some((f) => f.exercise === e.slug)); // static and graded findings
  });
  return { catalog, findings, grades };
}
