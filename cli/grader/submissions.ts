/**
 * Grading a class: `DIR/<student>/<slug>/exercise.ts`. Every student's every exercise
 * gets a result (a missing file is reported, not skipped), each graded in its own
 * sandbox process that can read neither the solutions nor the other students' folders.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Exercise } from '../catalog.ts';
import { UsageError } from '../errors.ts';
import type { ExerciseResult } from '../../grading/result-schema.ts';
import { EXERCISE_FILES } from '../../grading/exercise-format.ts';
import { gradeExercise } from './grade-exercise.ts';
import { mapLimit } from './pool.ts';

/** A slice of the class for one machine: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes "i/n" with 1 <= i <= n (e.g. --shard 2/4), not "${text}"`);
  }
  return { index, count };
}

/**
 * The students in DIR (every entry, sorted: a folder per student; anything else there gets
 * an error result, never silence), restricted to a shard: student k goes to shard (k mod n) + 1.
 */
export function listStudents(dir: string, shard?: Shard): string[] {
  if (!existsSync(dir)) throw new UsageError(`no submissions folder "${dir}"`);
  const students = readdirSync(dir).sort();
  return shard ? students.filter((_, k) => k % shard.count === shard.index - 1) : students;
}

/** Why DIR/<student> cannot be graded as a student's folder, or undefined when it can. */
export function folderProblem(dir: string, student: string): string | undefined {
  const stat = lstatSync(path.join(dir, student));
  if (stat.isSymbolicLink()) return `${student} is a symbolic link; each student's folder must be the folder itself, not a link to one`;
  if (!stat.isDirectory()) return `${student} is not a folder; the class folder holds one folder per student`;
  if (student.startsWith('.')) return `the folder name ${student} starts with "."; hidden folders are not graded: rename it`;
  return undefined;
}

export interface ClassGradeOptions {
  dir: string;
  exercises: readonly Exercise[];
  shard?: Shard;
  jobs: number;
  onResult?: (result: ExerciseResult) => void;
}

export async function gradeClass(options: ClassGradeOptions): Promise<ExerciseResult[]> {
  const students = listStudents(options.dir, options.shard);
  const work = students.flatMap((student) => options.exercises.map((exercise) => ({ student, exercise })));
  const refused = new Map(students.map((s) => [s, folderProblem(options.dir, s)]));
  return mapLimit(work, options.jobs, async ({ student, exercise }) => {
    const codeFile = path.join(options.dir, student, exercise.slug, EXERCISE_FILES.exercise);
    const codeLabel = `${student}/${exercise.slug}/${EXERCISE_FILES.exercise}`;
    const why = refused.get(student);
    const result: ExerciseResult = why
      ? { exercise: exercise.slug, student, status: 'error', durationMs: 0, tests: [], problems: [{ kind: 'submission', message: why, file: student }] }
      : await gradeExercise({ exercise, codeFile, codeLabel, student, within: options.dir });
    options.onResult?.(result);
    return result;
  });
}
