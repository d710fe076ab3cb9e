import { z } from 'zod';
import { lessonId, lessonLink, schemaRef, slug } from './slug.ts';

/** One answer to choose from. Every option explains itself once chosen, right or wrong. */
export const quizOptionSchema = z
  .object({
    text: z.string().min(1).describe('The option as the student reads it.'),
    correct: z.boolean().default(false).describe('Whether choosing it is right.'),
    why: z
      .string()
      .min(10)
      .describe('Shown once chosen: why it is right, or which misconception it stands for and what is true instead.'),
    see: lessonLink().optional().describe('The lesson (and section) that corrects this misconception.'),
  })
  .strict();

/** A numeric answer that is a known mistake: a range of wrong values and the misconception behind them. */
export const numericMistakeSchema = z
  .object({
    min: z.number().describe('Lowest value of the range (inclusive).'),
    max: z.number().describe('Highest value of the range (inclusive).'),
    why: z.string().min(10).describe('The misconception that gives a value in this range, and what is true instead.'),
    see: lessonLink().optional().describe('The lesson (and section) that corrects it.'),
  })
  .strict();

/**
 * A question. `single` and `multiple` are answered by choosing options (shown shuffled per
 * student); `numeric` by a number, right within `tolerance` of `value`.
 */
export const quizQuestionSchema = z
  .object({
    id: slug().describe('Stable id of the question within its quiz (progress is kept by it).'),
    prompt: z.string().min(10).describe('The question.'),
    kind: z
      .enum(['single', 'multiple', 'numeric'])
      .default('single')
      .describe('single: exactly one right option; multiple: choose all that are right; numeric: type a number.'),
    options: z.array(quizOptionSchema).min(2).optional().describe('single and multiple: the options (shown shuffled per student).'),
    value: z.number().optional().describe('numeric: the right answer.'),
    tolerance: z.number().nonnegative().optional().describe('numeric: how far from `value` an answer may be and still be right (absolute, in `unit`).'),
    unit: z.string().optional().describe('numeric: the unit the answer is given in, shown next to the input ("ns", "x", "bytes").'),
    mistakes: z.array(numericMistakeSchema).default([]).describe('numeric: common wrong answers, each with the misconception behind it.'),
    explanation: z.string().min(10).optional().describe('numeric: why the right value is right, shown when the answer is right.'),
    see: lessonLink().optional().describe('numeric: the section that teaches the figure, linked from a wrong answer.'),
    answer: z.string().min(40).describe('The full answer, shown after the student answers.'),
  })
  .strict()
  .superRefine((q, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (q.kind === 'numeric') {
      if (q.value === undefined) issue('value', 'a numeric question needs its right value');
      if (q.tolerance === undefined) issue('tolerance', 'a numeric question states its tolerance (0 for an exact answer)');
      if (q.options) issue('options', 'a numeric question has no options (use "mistakes" for common wrong values)');
      if (q.value !== undefined && q.tolerance !== undefined) {
        q.mistakes.forEach((m, i) => {
          if (m.min > m.max) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['mistakes', i, 'min'], message: 'min is above max' });
          if (m.min <= q.value! + q.tolerance! && m.max >= q.value! - q.tolerance!) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['mistakes', i], message: 'this mistake\'s range overlaps the right answer' });
          }
        });
      }
      return;
    }
    if (!q.options) return issue('options', `a ${q.kind}-choice question needs options`);
    for (const field of ['value', 'tolerance', 'unit', 'explanation', 'see'] as const) {
      if (q[field] !== undefined) issue(field, `only numeric questions have "${field}"`);
    }
    if (q.mistakes.length > 0) issue('mistakes', 'only numeric questions have "mistakes"; explain a wrong option in its "why"');
    const right = q.options.filter((o) => o.correct).length;
    if (q.kind === 'single' && right !== 1) issue('options', `a single-choice question needs exactly one correct option, not ${right}`);
    if (q.kind === 'multiple' && right === 0) issue('options', 'a multiple-choice question needs at least one correct option');
  });

/** `content/quizzes/<name>.json`: questions that check a lesson's understanding. */
export const quizSchema = z
  .object({
    $schema: schemaRef(),
    title: z.string().min(3).describe('Title of the quiz.'),
    lesson: lessonId().describe('The lesson it closes: a lesson id from content/course.json.'),
    questions: z.array(quizQuestionSchema).min(1).describe('The questions, in order.'),
  })
  .strict();

export type Quiz = z.output<typeof quizSchema>;
export type QuizQuestion = z.output<typeof quizQuestionSchema>;
export type QuizOption = z.output<typeof quizOptionSchema>;
export type NumericMistake = z.output<typeof numericMistakeSchema>;
