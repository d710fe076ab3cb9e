import { z } from 'zod';

/** One answer to choose from. Every option explains itself once chosen, right or wrong. */
export const quizOptionSchema = z
  .object({
    text: z.string().min(1).describe('The option as the student reads it.'),
    correct: z.boolean().default(false).describe('Whether choosing it is right.'),
    why: z
      .string()
      .min(10)
      .describe('Shown once chosen: why it is right, or which misconception it stands for and what is true instead.'),
    see: z
      .string()
      .regex(/^[a-z0-9-]+\/[a-z0-9-]+(#[a-z0-9-]+)?$/, 'a lesson id, optionally with an anchor: "hardware/false-sharing#padding"')
      .optional()
      .describe('The lesson (and section) that corrects this misconception.'),
  })
  .strict();

export const quizQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/).describe('Stable id of the question within its quiz (progress is kept by it).'),
    prompt: z.string().min(10).describe('The question.'),
    kind: z.enum(['single', 'multiple']).default('single').describe('single: exactly one right option; multiple: choose all that are right.'),
    options: z.array(quizOptionSchema).min(2).describe('The options, shown in this order.'),
    answer: z.string().min(40).describe('The full answer, shown after the student answers.'),
  })
  .strict()
  .superRefine((q, ctx) => {
    const right = q.options.filter((o) => o.correct).length;
    if (q.kind === 'single' && right !== 1) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['options'], message: `a single-choice question needs exactly one correct option, not ${right}` });
    }
    if (q.kind === 'multiple' && right === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['options'], message: 'a multiple-choice question needs at least one correct option' });
    }
  });

/** `content/quizzes/<name>.json`: questions that check a lesson's understanding. */
export const quizSchema = z
  .object({
    $schema: z.string().optional().describe('Path of the generated JSON schema, for editors.'),
    title: z.string().min(3).describe('Title of the quiz.'),
    lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/).describe('The lesson it closes: a lesson id from content/course.json.'),
    questions: z.array(quizQuestionSchema).min(1).describe('The questions, in order.'),
  })
  .strict();

export type Quiz = z.output<typeof quizSchema>;
export type QuizQuestion = z.output<typeof quizQuestionSchema>;
export type QuizOption = z.output<typeof quizOptionSchema>;
