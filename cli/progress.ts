/**
 * A student's progress, kept in `.ticklab/progress.json` beside the course: which
 * exercises passed and how many hints were shown. Written atomically (a temporary file
 * renamed over the old one) so that a crash or Ctrl-C never leaves it half-written.
 * It is never the student's code: the CLI writes exercise files only on `reset`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { stateDir } from './paths.ts';

export const progressSchema = z
  .object({
    version: z.literal(1),
    student: z.string().optional().describe('A random key made once for this student: it seeds the order of quiz options, the same on every run'),
    passed: z.record(z.string(), z.string()).describe('slug -> ISO time it last passed'),
    failed: z.record(z.string(), z.string()).describe('slug -> ISO time it last failed (cleared when it passes)'),
    hintsShown: z.record(z.string(), z.number().int().nonnegative()).describe('slug -> hints revealed so far'),
    quizzes: z
      .record(z.string(), z.record(z.string(), z.boolean()))
      .default({})
      .describe('quiz name -> question id -> answered right the last time'),
  })
  .strict();

export type Progress = z.infer<typeof progressSchema>;

const empty = (): Progress => ({ version: 1, passed: {}, failed: {}, hintsShown: {}, quizzes: {} });

export function progressFile(root?: string): string {
  return path.join(stateDir(root), 'progress.json');
}

/** Reads progress; a missing file is a fresh start, a corrupt one is kept aside, not lost. */
export function loadProgress(root?: string): Progress {
  const file = progressFile(root);
  if (!existsSync(file)) return empty();
  try {
    return progressSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    renameSync(file, `${file}.corrupt-${Date.now()}`);
    return empty();
  }
}

export function saveProgress(progress: Progress, root?: string): void {
  const file = progressFile(root);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(progress, null, 2) + '\n');
  renameSync(temp, file);
}

/** This student's key, made (and kept in `progress`) on first use; the caller saves progress. */
export function studentKey(progress: Progress): string {
  progress.student ??= crypto.randomUUID();
  return progress.student;
}

/** Records a grade's outcome for one exercise. */
export function recordResult(progress: Progress, slug: string, passed: boolean, when = new Date()): void {
  if (passed) {
    progress.passed[slug] = when.toISOString();
    delete progress.failed[slug];
  } else {
    progress.failed[slug] = when.toISOString();
    delete progress.passed[slug];
  }
}
