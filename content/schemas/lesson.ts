import { z } from 'zod';

/** A source a lesson's facts come from: named at the end of the lesson. */
export const lessonSourceSchema = z
  .object({
    title: z.string().min(3).describe('What the source is: "SEC, Release 34-101070 (Rule 612 amendments), 2024".'),
    url: z.string().url().describe('Where a student can read it.'),
    note: z.string().optional().describe('What the lesson takes from it, when the title does not say.'),
  })
  .strict();

/**
 * The frontmatter of `content/lessons/<module>/<lesson>.mdx`. The title is not here: it
 * comes from content/course.json, so it is written once.
 */
export const lessonFrontmatterSchema = z
  .object({
    summary: z.string().min(20).max(300).describe('One or two sentences: what the lesson is about, shown in lists and search results.'),
    outcomes: z
      .array(z.string().min(10))
      .min(2)
      .max(6)
      .describe('Learning outcomes: what the student will be able to do afterwards, each starting with a verb.'),
    minutes: z
      .number()
      .int()
      .min(5)
      .max(120)
      .describe('Expected time for the whole lesson, in minutes: readingMinutes plus the minutes of its exercises (content/lesson-time.ts checks the sum).'),
    readingMinutes: z.number().int().min(5).max(30).optional().describe('Expected time to read the lesson and answer its checks, in minutes; absent when the lesson has no exercise (then it is `minutes`).'),
    exerciseSitting: z
      .enum(['same', 'separate'])
      .default('same')
      .describe('separate: the exercise is meant for a second sitting (required when the lesson takes over 25 minutes in all); the module page says so.'),
    sources: z.array(lessonSourceSchema).default([]).describe('Where the lesson\'s facts and figures come from.'),
  })
  .strict();

export type LessonFrontmatter = z.output<typeof lessonFrontmatterSchema>;
export type LessonSource = z.output<typeof lessonSourceSchema>;
