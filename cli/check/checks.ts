/**
 * The instructor's integrity check behind `ticklab check`: everything that must hold for
 * the course to be sound. The central one: each exercise's tests fail on its starting
 * file (so they test something) and pass on its reference solution (so they can be met).
 * The checks themselves are static-checks.ts (the files) and graded-checks.ts (the grades);
 * this file grades and gathers.
 */
import path from 'node:path';
import { loadCatalog, pick, type Catalog, type Exercise } from '../catalog.ts';
import { gradeExercise } from '../grader/grade-exercise.ts';
import { mapLimit } from '../grader/pool.ts';
import { KnownWrongError, KnownWrongFiles } from './known-wrong.ts';
import { knownWrongOrError, mistakeOf, staticFindings, type CheckFinding } from './static-checks.ts';
import { gradeFindings, type ExerciseGrades } from './graded-checks.ts';

export interface CheckReport {
  catalog: Catalog;
  findings: CheckFinding[];
  /** The starting file's, the solution's and each known-wrong solution's grades, by slug. */
  grades: Map<string, ExerciseGrades>;
}

function rel(catalog: Catalog, file: string): string {
  return path.relative(catalog.root, file);
}

/** What {@link runChecks} does. */
export interface CheckOptions {
  /** Exercises graded at once. */
  jobs: number;
  /** Grade only these exercises (the checks of the files cover all). */
  slugs?: readonly string[];
  /** False: check the files only (schemas, quizzes, TODOs, uniqueness) and grade nothing. Default true. */
  grade?: boolean;
  /** Called as each exercise's grading ends. */
  onExercise?: (slug: string, ok: boolean, grades: ExerciseGrades, exercise: Exercise) => void;
}

/** Runs every check; `slugs` narrows the grading to some exercises (static checks cover all). */
export async function runChecks(options: CheckOptions): Promise<CheckReport> {
  const catalog = loadCatalog();
  const findings = staticFindings(catalog);
  const grades = new Map<string, ExerciseGrades>();
  if (options.grade === false) return { catalog, findings, grades };
  const chosen = options.slugs?.length ? pick(catalog, options.slugs) : catalog.exercises;
  // The graders read files: each known-wrong patch is applied into a folder of this run's own.
  const sources = new KnownWrongFiles();
  try {
    await mapLimit(chosen, options.jobs, async (e) => {
      const starter = await gradeExercise({ exercise: e });
      const solution = await gradeExercise({ exercise: e, codeFile: e.files.solution, codeLabel: rel(catalog, e.files.solution) });
      const wrong: ExerciseGrades['wrong'] = [];
      for (const file of e.files.wrong) {
        const known = knownWrongOrError(e, file);
        if (known instanceof KnownWrongError) continue; // a static finding already says why
        const label = rel(catalog, file);
        const codeFile = sources.write(e.slug, known);
        wrong.push({ file: label, mistake: mistakeOf(known.header) ?? label, result: await gradeExercise({ exercise: e, codeFile, codeLabel: label }) });
      }
      const graded = { starter, solution, wrong };
      grades.set(e.slug, graded);
      const found = gradeFindings(catalog, e, graded);
      findings.push(...found);
      options.onExercise?.(e.slug, !findings.some((f) => f.exercise === e.slug && f.severity !== 'warning'), graded, e); // static and graded errors; a warning is printed, it fails nothing
    });
  } finally {
    sources.remove();
  }
  return { catalog, findings, grades };
}
