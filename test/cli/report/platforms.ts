/**
 * The platforms' side, for the tests: Gradescope's results.json as a schema written from its
 * autograder specification, and GitHub Classroom's grading reporter's reading of a payload.
 */
import { z } from 'zod';

/** Gradescope's results.json (gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format"). */
const visibility = z.enum(['hidden', 'after_due_date', 'after_published', 'visible']);
export const gradescopeSchema = z
  .object({
    score: z.number().optional(),
    max_score: z.number().optional(),
    execution_time: z.number().optional(),
    output: z.string().optional(),
    visibility: visibility.optional(),
    stdout_visibility: visibility.optional(),
    extra_data: z.record(z.unknown()).optional(),
    tests: z
      .array(
        z
          .object({
            score: z.number().optional(),
            max_score: z.number().optional(),
            status: z.enum(['passed', 'failed']).optional(),
            name: z.string().optional(),
            number: z.string().optional(),
            output: z.string().optional(),
            tags: z.array(z.string()).optional(),
            visibility: visibility.optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict()
  .refine((r) => r.score !== undefined || (r.tests ?? []).every((t) => t.score !== undefined), 'score is required unless every test has one');

/** The reporter's reading of one runner (education/autograding-grading-reporter: src/main.js, src/notify-classroom.js). */
export function readAsReporter(base64: string): { totalScore: number; maxScore: number; failed: boolean; results: { status: string; max_score: number; tests: { name: string; status: string; score: number; message: string | null }[] } } {
  const results = JSON.parse(Buffer.from(base64, 'base64').toString('utf-8'));
  const totalScore = results.max_score ? results.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0) : 0;
  return { totalScore, maxScore: results.max_score || 0, failed: results.status === 'fail' || results.status === 'error', results };
}
