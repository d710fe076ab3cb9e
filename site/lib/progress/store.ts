/**
 * The student's progress as the page reads and writes it: each exercise's code, runs,
 * hints and last result, each quiz answer, and this browser's student key, kept so that a
 * student finds everything again tomorrow. Writes are atomic read-modify-write
 * transactions and announce the change (events.ts); reads never break the page.
 * Export, import and clearing are transfer.ts's.
 */
import { changed, notify } from './events.ts';
import { withStorage } from './storage.ts';
import { asAnswer, clean, defaults, entry, EXERCISE_PREFIX, exerciseKey, isObject, quizKey, readExercise, readQuiz, STUDENT_KEY, validEntry, asExercise, type ExerciseProgress, type QuizAnswer } from './entries.ts';

export type { ExerciseProgress, QuizAnswer };

/** An exercise's progress; defaults (no code, no runs, no hints) when there is none or it cannot be read. */
export async function loadExercise(slug: string): Promise<ExerciseProgress> {
  try {
    const raw = await withStorage((b) => b.get(exerciseKey(slug)));
    return { ...defaults(), ...readExercise(raw, slug) };
  } catch (error) {
    notify(`Your saved progress could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return defaults();
  }
}

/** Merges `patch` into an exercise's progress in one transaction; `undefined` values clear fields. */
export async function saveExercise(slug: string, patch: Partial<ExerciseProgress>): Promise<void> {
  await withStorage((b) =>
    b.update(exerciseKey(slug), (old) => {
      const current = asExercise(validEntry(old, 'exercise')?.data) ?? defaults();
      return entry('exercise', clean({ ...current, ...patch }));
    }),
  );
  changed();
}

/** Every exercise's progress that can be read, by slug (for lists and the home page). */
export async function listExercises(): Promise<Record<string, ExerciseProgress>> {
  const all: Record<string, ExerciseProgress> = {};
  try {
    for (const [key, raw] of await withStorage((b) => b.entries())) {
      if (!key.startsWith(EXERCISE_PREFIX)) continue;
      const slug = key.slice(EXERCISE_PREFIX.length);
      const data = readExercise(raw, slug);
      if (data) all[slug] = { ...defaults(), ...data };
    }
  } catch (error) {
    notify(`Your saved progress could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return all;
}

/** A quiz's saved answers by question id; the unreadable ones are skipped with a notice. */
export async function loadQuiz(quizId: string): Promise<Record<string, QuizAnswer>> {
  try {
    return readQuiz(await withStorage((b) => b.get(quizKey(quizId))), quizId);
  } catch (error) {
    notify(`Your saved quiz answers could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

/** Records one question's answer, keeping the quiz's other answers. */
export async function saveQuizAnswer(quizId: string, questionId: string, answer: QuizAnswer): Promise<void> {
  await withStorage((b) =>
    b.update(quizKey(quizId), (old) => {
      const e = validEntry(old, 'quiz');
      const answers: Record<string, QuizAnswer> = {};
      if (e && isObject(e.data)) {
        for (const [q, v] of Object.entries(e.data)) {
          const a = asAnswer(v);
          if (a) answers[q] = a;
        }
      }
      answers[questionId] = answer;
      return entry('quiz', answers);
    }),
  );
  changed();
}

let cachedKey: string | undefined;

function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This browser's student key: random, made once and kept; it seeds the order of quiz options. */
export async function studentKey(): Promise<string> {
  if (cachedKey) return cachedKey;
  const valid = (raw: unknown) => {
    const e = validEntry(raw, 'student');
    return e && typeof e.data === 'string' && /^[0-9a-f]{8,64}$/.test(e.data) ? e.data : undefined;
  };
  try {
    await withStorage((b) => b.update(STUDENT_KEY, (old) => (valid(old) ? old : entry('student', randomKey()))));
    cachedKey = valid(await withStorage((b) => b.get(STUDENT_KEY)));
  } catch {
    // Fall through: a key for this visit only.
  }
  cachedKey ??= randomKey();
  return cachedKey;
}
