import { z } from 'zod';
import { slug } from './slug.ts';
import { checkProgressHead, PROGRESS_FORMAT, PROGRESS_VERSION } from '../progress-format.ts';

export { PROGRESS_FORMAT, PROGRESS_VERSION };

/**
 * A student's progress as a file: what the site's "Export progress" downloads and
 * `ticklab progress export` writes, and what both import. One format for the browser and
 * the terminal, so a student moves between them (and between machines) with one file.
 */

/** How an exercise's last grade ended (the results schema's exercise status). */
export const progressStatusSchema = z.enum(['pass', 'fail', 'error', 'timeout']);

/**
 * A quiz question's last answer. `answer` is the chosen option indices (single and
 * multiple choice, in the quiz file's order, not the shuffled one) or the number typed.
 * The CLI records only whether the answer was right, so its files leave `answer` out.
 */
export const quizAnswerFileSchema = z
  .object({
    answer: z
      .union([z.array(z.number().int().nonnegative()), z.number()])
      .optional()
      .describe('Chosen option indices (in the quiz file\'s order), or the number typed; absent when not recorded (the CLI).'),
    right: z.boolean().describe('Whether the last answer was right.'),
    attempts: z.number().int().nonnegative().default(1).describe('How many times the question was answered.'),
    at: z.number().nonnegative().default(0).describe('When it was last answered (milliseconds since 1970; 0 when unknown).'),
  })
  .strict();

/** One exercise's progress: the student's code and how its last grade went. */
export const exerciseProgressFileSchema = z
  .object({
    code: z.string().optional().describe('The student\'s code (exercise.ts) as last saved.'),
    savedAt: z.number().nonnegative().optional().describe('When the code was saved (milliseconds since 1970).'),
    status: progressStatusSchema.optional().describe('How the last grade ended.'),
    results: z.unknown().optional().describe('The last grade\'s full result (the results schema\'s ExerciseResult), when kept.'),
    hintsShown: z.number().int().nonnegative().default(0).describe('How many hints the student has revealed.'),
    runs: z.number().int().nonnegative().default(0).describe('How many times the student has run the tests.'),
  })
  .strict();

/** The whole file. */
export const progressFileSchema = z
  .object({
    $schema: z.string().optional().describe('Path of the generated JSON schema, for editors.'),
    format: z.literal(PROGRESS_FORMAT).describe('Always "ticklab-progress".'),
    version: z.literal(PROGRESS_VERSION).describe('The format\'s version.'),
    exportedAt: z.string().datetime({ offset: true }).describe('ISO 8601 time the file was written.'),
    exercises: z.record(slug(), exerciseProgressFileSchema).default({}).describe('Exercise slug -> progress.'),
    quizzes: z
      .record(slug(), z.record(slug(), quizAnswerFileSchema))
      .default({})
      .describe('Quiz id (its file name) -> question id -> last answer.'),
  })
  .strict();

export type ProgressFile = z.input<typeof progressFileSchema>;
export type ProgressFileParsed = z.output<typeof progressFileSchema>;
export type ExerciseProgressFile = z.output<typeof exerciseProgressFileSchema>;
export type QuizAnswerFile = z.output<typeof quizAnswerFileSchema>;

/** A readable name for a zod issue's place in the file: "exercises.borrow-tracker.hintsShown". */
function where(path: (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

/**
 * Reads a progress file entry by entry: a file of another format or version is refused
 * as a whole (the error says why), but one bad entry is skipped and named, never the
 * reason to lose the others.
 */
export function parseProgressFile(input: unknown): {
  exercises: Record<string, ExerciseProgressFile>;
  quizzes: Record<string, Record<string, QuizAnswerFile>>;
  skipped: string[];
} {
  const head = checkProgressHead(input);
  const skipped: string[] = [];
  const exercises: Record<string, ExerciseProgressFile> = {};
  const quizzes: Record<string, Record<string, QuizAnswerFile>> = {};
  const record = (value: unknown, name: string): Record<string, unknown> => {
    if (value === undefined) return {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    skipped.push(`${name}: not an object`);
    return {};
  };
  for (const [key, value] of Object.entries(record(head.exercises, 'exercises'))) {
    if (!slug().safeParse(key).success) {
      skipped.push(`exercises.${key}: not an exercise slug`);
      continue;
    }
    const entry = exerciseProgressFileSchema.safeParse(value);
    if (entry.success) exercises[key] = entry.data;
    else skipped.push(entry.error.issues.map((i) => `${where(['exercises', key, ...i.path])}: ${i.message}`).join('; '));
  }
  for (const [quiz, answers] of Object.entries(record(head.quizzes, 'quizzes'))) {
    if (!slug().safeParse(quiz).success) {
      skipped.push(`quizzes.${quiz}: not a quiz id`);
      continue;
    }
    for (const [question, value] of Object.entries(record(answers, `quizzes.${quiz}`))) {
      const entry = quizAnswerFileSchema.safeParse(value);
      if (!slug().safeParse(question).success) skipped.push(`quizzes.${quiz}.${question}: not a question id`);
      else if (entry.success) (quizzes[quiz] ??= {})[question] = entry.data;
      else skipped.push(entry.error.issues.map((i) => `${where(['quizzes', quiz, question, ...i.path])}: ${i.message}`).join('; '));
    }
  }
  return { exercises, quizzes, skipped };
}
