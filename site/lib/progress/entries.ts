/**
 * The stored entries of progress: what one key of the store holds and how it is read
 * back. Every entry is versioned (`{ v, kind, data }`); one that is damaged or written by
 * another version is skipped with a notice, never trusted and never fatal.
 *
 * The page's shapes are those of the progress file (content/schemas/progress.ts), taken
 * as types only: the page checks stored entries with the small guards below, and loads
 * zod only to import a file (transfer.ts), so no page ships zod before any interaction.
 */
import type { ExerciseProgressFile, QuizAnswerFile } from '../../../content/schemas/progress.ts';
import { skippedNotice } from './events.ts';

/** One exercise's progress in the page: the file's fields, and whether a run was under way. */
export type ExerciseProgress = ExerciseProgressFile & {
  /** Set just before a run and cleared after: a crash of the tab leaves it set. */
  running?: boolean;
};

/** One question's last answer in the page: as in the file, but always with the answer (`[]` when the CLI did not record it). */
export type QuizAnswer = Omit<QuizAnswerFile, 'answer'> & { answer: NonNullable<QuizAnswerFile['answer']> };

type Status = NonNullable<ExerciseProgress['status']>;
/** Every status, checked against the schema's by the compiler (a new one would not compile until listed). */
const STATUS_NAMES = { pass: true, fail: true, error: true, timeout: true } satisfies Record<Status, true>;
const STATUSES = new Set<string>(Object.keys(STATUS_NAMES));

/** Version of the stored entries (not of the export file). */
const ENTRY_VERSION = 1;
export const STUDENT_KEY = 'student-key';
export const EXERCISE_PREFIX = 'exercise/';
export const QUIZ_PREFIX = 'quiz/';
export const exerciseKey = (slug: string) => `${EXERCISE_PREFIX}${slug}`;
export const quizKey = (quizId: string) => `${QUIZ_PREFIX}${quizId}`;

export type Kind = 'exercise' | 'quiz' | 'student';
export interface Entry<T = unknown> {
  v: number;
  kind: Kind;
  data: T;
}
export const entry = <T>(kind: Kind, data: T): Entry<T> => ({ v: ENTRY_VERSION, kind, data });

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const optional = (x: unknown, test: (y: unknown) => boolean) => x === undefined || test(x);

/** The entry, when `raw` is one of this version and kind. */
export function validEntry(raw: unknown, kind: Kind): Entry | undefined {
  return isObject(raw) && raw.v === ENTRY_VERSION && raw.kind === kind ? (raw as unknown as Entry) : undefined;
}

export function asExercise(data: unknown): ExerciseProgress | undefined {
  if (!isObject(data)) return undefined;
  const ok =
    optional(data.code, (x) => typeof x === 'string') &&
    optional(data.savedAt, (x) => typeof x === 'number') &&
    optional(data.status, (x) => STATUSES.has(x as string)) &&
    optional(data.running, (x) => typeof x === 'boolean') &&
    isCount(data.hintsShown) &&
    isCount(data.runs);
  return ok ? (data as unknown as ExerciseProgress) : undefined;
}

export function asAnswer(data: unknown): QuizAnswer | undefined {
  if (!isObject(data)) return undefined;
  const answer = data.answer;
  const ok =
    (typeof answer === 'number' || (Array.isArray(answer) && answer.every(isCount))) &&
    typeof data.right === 'boolean' &&
    isCount(data.attempts) &&
    typeof data.at === 'number';
  return ok ? (data as unknown as QuizAnswer) : undefined;
}

/** A stored exercise entry, or undefined (with a notice when it exists but cannot be read). */
export function readExercise(raw: unknown, slug: string): ExerciseProgress | undefined {
  if (raw === undefined) return undefined;
  const data = asExercise(validEntry(raw, 'exercise')?.data);
  if (!data) skippedNotice(`exercise "${slug}"`);
  return data;
}

/** A stored quiz entry's answers; the unreadable ones skipped with a notice. */
export function readQuiz(raw: unknown, quizId: string): Record<string, QuizAnswer> {
  if (raw === undefined) return {};
  const e = validEntry(raw, 'quiz');
  if (!e || !isObject(e.data)) {
    skippedNotice(`quiz "${quizId}"`);
    return {};
  }
  const answers: Record<string, QuizAnswer> = {};
  for (const [question, value] of Object.entries(e.data)) {
    const answer = asAnswer(value);
    if (answer) answers[question] = answer;
    else skippedNotice(`question "${question}" of quiz "${quizId}"`);
  }
  return answers;
}

export const defaults = (): ExerciseProgress => ({ hintsShown: 0, runs: 0 });

/** Drops keys whose value is undefined, so a patch `{ running: undefined }` clears the field. */
export function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
