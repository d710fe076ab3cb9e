import { z } from 'zod';
import { lessonId, schemaRef } from './slug.ts';

/** A mutant of solution.ts that no test can kill because it behaves exactly as the solution does. */
export const equivalentMutantSchema = z
  .object({
    line: z.number().int().positive().describe('The line of solution.ts the mutant changes (1 = first), as `ticklab check --mutants` prints it.'),
    mutator: z.string().min(3).describe('The mutation operator, as Stryker names it and `ticklab check --mutants` prints it, e.g. "ConditionalExpression".'),
    replacement: z.string().min(1).optional().describe('The mutated code, as printed; needed only when the line has more than one mutant of this operator.'),
    why: z.string().min(10).describe('One sentence: why this mutant behaves as the solution does on every input the exercise allows.'),
  })
  .strict();

/**
 * `exercises/<slug>/meta.json`: everything about an exercise that is not code.
 * The slug is the folder's name and is not repeated here (one source of truth);
 * the instructions live in the starting file's header comment and in the lesson.
 */
export const exerciseMetaSchema = z
  .object({
    $schema: schemaRef(),
    title: z.string().min(3).describe('Title shown in the course and by `ticklab list`.'),
    summary: z.string().min(10).describe('One sentence: what the student builds.'),
    lesson: lessonId()
      .describe('The lesson this exercise belongs to: a lesson id from content/course.json.'),
    order: z.number().int().positive().describe('Position of the exercise within its lesson (1 = first).'),
    difficulty: z.enum(['intro', 'core', 'stretch']).describe('intro: one idea; core: the lesson\'s main skill; stretch: for the keen.'),
    minutes: z.number().int().positive().max(240).describe('Expected time for a student, in minutes.'),
    hints: z
      .array(z.string().min(10))
      .min(1)
      .describe('Hints revealed one at a time, each more specific than the one before.'),
    timeLimitMs: z
      .number()
      .int()
      .min(500)
      .max(120_000)
      .default(10_000)
      .describe('Wall-clock limit for grading the whole exercise; an endless loop is stopped and reported at this point.'),
    memoryLimitMb: z
      .number()
      .int()
      .min(64)
      .max(4096)
      .default(256)
      .describe('Heap limit of the grading process, in MiB; a memory bomb is reported past it.'),
    racyTests: z
      .array(z.string().min(3))
      .default([])
      .describe(
        'Full names ("describe > it") of tests that race real threads, whose result on a wrong solution depends on how the threads happen to be scheduled. They must pass on the solution; the starting file and every known-wrong solution must also fail some other, deterministic test (ticklab check proves it), so no verdict rests on luck.',
      ),
    sealing: z
      .string()
      .min(20)
      .optional()
      .describe(
        'Where the student\'s code cannot be held in one sealed Compartment for every test (docs/grading-security.md), what sealing it gets instead, in a sentence: for example source text the tests run in real worker threads.',
      ),
    runsIn: z
      .enum(['both', 'node', 'browser'])
      .default('both')
      .describe('Where the exercise can be graded: both in the browser and by ticklab, or one of them.'),
    equivalentMutants: z
      .array(equivalentMutantSchema)
      .default([])
      .describe('Mutants of solution.ts that `ticklab check --mutants` found surviving and that are equivalent to the solution: excluded from the mutation score. Each must still match a surviving mutant.'),
    points: z
      .number()
      .positive()
      .max(1000)
      .default(1)
      .describe('What the exercise is worth in every grade format (Gradescope, GitHub Classroom, TAP, ticklab report).'),
    testWeights: z
      .record(z.string().min(3), z.number().positive().max(1000))
      .default({})
      .describe(
        'Full test name ("describe > it") -> its weight (default 1). Partial credit is points x (weight of the tests passed / weight of all the tests).',
      ),
    allOrNothing: z
      .boolean()
      .default(false)
      .describe('When true, the exercise earns its points only when it passes as a whole, and nothing otherwise (no partial credit).'),
  })
  .strict();

export type EquivalentMutant = z.output<typeof equivalentMutantSchema>;
/** The metadata as written in meta.json. */
export type ExerciseMetaInput = z.input<typeof exerciseMetaSchema>;
/** The metadata after validation, with defaults filled in. */
export type ExerciseMeta = z.output<typeof exerciseMetaSchema>;
