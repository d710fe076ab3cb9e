/**
 * Grading a class: `DIR/<student>/<slug>/exercise.ts`. Every student's every exercise
 * gets a result (a missing file is reported, not skipped), each graded in its own
 * sandbox process that can read neither the solutions nor the other students' folders.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Exercise } from '../catalog.ts';
import { UsageError } from '../errors.ts';
import type { ExerciseResult } from '../../grading/result-schema.ts';
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

/** The students in DIR (sub-folders, sorted), restricted to a shard: student k goes to shard (k mod n) + 1. */
export function listStudents(dir: string, shard?: Shard): string[] {
  if (!existsSync(dir)) throw new UsageError(`no submissions folder "${dir}"`);
  const students = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
  return shard ? students.filter((_, k) => k % shard.count === shard.index - 1) : students;
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
  return mapLimit(work, options.jobs, async ({ student, exercise }) => {
    const codeFile = path.join(options.dir, student, exercise.slug, 'exercise.ts');
    const result = await gradeExercise({ exercise, codeFile, codeLabel: `${student}/${exercise.slug}/exercise.ts`, student });
    options.onResult?.(result);
    return result;
  });
}
