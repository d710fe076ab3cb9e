import { z } from 'zod';
import { slug } from './slug.ts';

/**
 * Props of the MDX components a lesson uses without importing them (docs/lesson-format.md).
 * The site validates every use at build time: a bad or misspelt prop fails the build with
 * the lesson's file and the prop. `<CodeRegion>`'s props are in ./code-region.ts.
 */

/** `<Quiz id="ownership-borrowing" questions={["e0502"]} />`: a quiz, whole or some of its questions. */
export const quizPropsSchema = z
  .object({
    id: slug().describe('The quiz: a file name in content/quizzes/, without ".json".'),
    questions: z
      .array(slug())
      .min(1)
      .refine((ids) => new Set(ids).size === ids.length, 'a question is listed twice')
      .optional()
      .describe('Only these questions, in this order; the whole quiz when absent.'),
  })
  .strict();

/** `<Callout kind="correction" title="...">...</Callout>`: an aside. */
export const calloutPropsSchema = z
  .object({
    kind: z
      .enum(['note', 'tip', 'warning', 'correction'])
      .describe('note: an aside; tip: a practical hint; warning: a trap; correction: where a common source gets it wrong.'),
    title: z.string().min(1).optional().describe('A heading for the aside; defaults to its kind ("Note", "Correct the record", ...).'),
  })
  .strict();

/** `<Term id="cache-line">cache lines</Term>`: the text, linked to its glossary entry. */
export const termPropsSchema = z
  .object({
    id: slug().describe('A term id from a content/glossary/*.json file.'),
  })
  .strict();

export type QuizProps = z.output<typeof quizPropsSchema>;
export type CalloutProps = z.output<typeof calloutPropsSchema>;
export type TermProps = z.output<typeof termPropsSchema>;
