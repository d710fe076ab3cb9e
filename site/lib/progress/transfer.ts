/**
 * Progress in and out of the browser: the file "Export progress" downloads and "Import
 * progress" reads (format: content/schemas/progress.ts, shared with `ticklab progress`),
 * and forgetting it all. The file's zod schema is loaded only when importing, so pages do
 * not ship zod before any interaction.
 */
import type { ProgressFile } from '../../../content/schemas/progress.ts';
import { PROGRESS_FORMAT, PROGRESS_VERSION } from '../../../content/progress-format.ts';
import { changed } from './events.ts';
import { withStorage } from './storage.ts';
import { clean, entry, EXERCISE_PREFIX, exerciseKey, QUIZ_PREFIX, quizKey, readExercise, readQuiz, STUDENT_KEY } from './entries.ts';
import { loadQuiz, studentKey } from './store.ts';

export type { ProgressFile };

/** Everything saved, as the file "Export progress" downloads. */
export async function exportProgress(): Promise<ProgressFile> {
  const file = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: new Date().toISOString(),
    exercises: {} as NonNullable<ProgressFile['exercises']>,
    quizzes: {} as NonNullable<ProgressFile['quizzes']>,
  };
  for (const [key, raw] of await withStorage((b) => b.entries())) {
    if (key.startsWith(EXERCISE_PREFIX)) {
      const slug = key.slice(EXERCISE_PREFIX.length);
      const data = readExercise(raw, slug);
      if (!data) continue;
      const { code, savedAt, status, results, hintsShown, runs } = data;
      file.exercises[slug] = clean({ code, savedAt, status, results, hintsShown, runs });
    } else if (key.startsWith(QUIZ_PREFIX)) {
      const quizId = key.slice(QUIZ_PREFIX.length);
      const answers = readQuiz(raw, quizId);
      if (Object.keys(answers).length > 0) file.quizzes[quizId] = answers;
    }
  }
  return file;
}

/**
 * Reads a progress file (parsed JSON) into the store: each exercise in the file replaces
 * the saved one, each quiz answer replaces that question's. A file of another format or
 * version is refused (throws, saying why); a bad entry is skipped and named in `skipped`.
 */
export async function importProgress(file: unknown): Promise<{ imported: number; skipped: string[] }> {
  const { parseProgressFile } = await import('../../../content/schemas/progress.ts');
  const parsed = parseProgressFile(file);
  const pairs: [string, unknown][] = [];
  for (const [slug, ex] of Object.entries(parsed.exercises)) {
    const { code, savedAt, status, results, hintsShown, runs } = ex;
    pairs.push([exerciseKey(slug), entry('exercise', clean({ code, savedAt, status, results, hintsShown, runs }))]);
  }
  let imported = pairs.length;
  const quizIds = Object.keys(parsed.quizzes);
  const current = await Promise.all(quizIds.map((id) => loadQuiz(id)));
  quizIds.forEach((id, i) => {
    const answers = { ...current[i] };
    for (const [question, a] of Object.entries(parsed.quizzes[id]!)) {
      answers[question] = { answer: a.answer ?? [], right: a.right, attempts: a.attempts, at: a.at };
      imported += 1;
    }
    pairs.push([quizKey(id), entry('quiz', answers)]);
  });
  if (pairs.length > 0) await withStorage((b) => b.setMany(pairs));
  changed();
  return { imported, skipped: parsed.skipped };
}

/** Forgets every exercise's code and result and every quiz answer (the student key stays, so option order does not change). */
export async function clearProgress(): Promise<void> {
  const key = await studentKey();
  await withStorage(async (b) => {
    await b.clear();
    await b.setMany([[STUDENT_KEY, entry('student', key)]]);
  });
  changed();
}
