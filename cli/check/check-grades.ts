/**
 * The grades one `ticklab check` run made, saved for a later reader in the same test run
 * (`ticklab check --grades-out FILE`): `npm test` checks first, and the page-against-CLI
 * parity test compares the page with these grades instead of grading every starting file
 * and solution a second time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { exerciseResultSchema, type ExerciseResult } from '../../grading/result-schema.ts';

export const CHECK_GRADES_FORMAT = 'ticklab-check-grades';

export const checkGradesSchema = z
  .object({
    format: z.literal(CHECK_GRADES_FORMAT).describe('Marks the file as saved by `ticklab check --grades-out`.'),
    exercises: z
      .record(
        z.string(),
        z
          .object({
            starter: exerciseResultSchema.describe("The starting file's grade."),
            solution: exerciseResultSchema.describe("The reference solution's grade."),
            wrong: z.array(z.object({ file: z.string(), result: exerciseResultSchema }).strict()).describe('Each known-wrong solution, by its file relative to the course root.'),
          })
          .strict(),
      )
      .describe('By exercise slug: the exercises this check graded.'),
  })
  .strict();

export type CheckGrades = z.infer<typeof checkGradesSchema>;

/** The grades of one exercise, as runChecks keeps them. */
export interface SavedGrades {
  starter: ExerciseResult;
  solution: ExerciseResult;
  wrong: readonly { file: string; result: ExerciseResult }[];
}

/** Writes the grades of a check run to `file`. */
export function writeCheckGrades(file: string, grades: ReadonlyMap<string, SavedGrades>): void {
  const exercises: CheckGrades['exercises'] = {};
  for (const [slug, g] of grades) exercises[slug] = { starter: g.starter, solution: g.solution, wrong: g.wrong.map((w) => ({ file: w.file, result: w.result })) };
  writeFileSync(file, JSON.stringify({ format: CHECK_GRADES_FORMAT, exercises } satisfies CheckGrades));
}

/** Reads grades saved by {@link writeCheckGrades}; a file of another shape is an error naming it. */
export function readCheckGrades(file: string): CheckGrades {
  const parsed = checkGradesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a grades file of ticklab check --grades-out: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
