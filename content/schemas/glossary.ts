import { z } from 'zod';
import { lessonLink, schemaRef, slug } from './slug.ts';

/** One term of the glossary; `<Term id>` in a lesson links to it. */
export const glossaryTermSchema = z
  .object({
    id: slug().describe('Stable id, used by <Term id="..."> and as the anchor on the glossary page.'),
    term: z.string().min(2).describe('The term as it is written, e.g. "cache line".'),
    definition: z.string().min(30).describe('A definition a student can understand without the lesson (one to three sentences, own words).'),
    lesson: lessonLink().describe('The lesson (and section) that teaches it: where a student goes to learn more.'),
    aliases: z.array(z.string()).default([]).describe('Other names or spellings a student may search for.'),
  })
  .strict();

/** `content/glossary/<module>.json`: the terms a module introduces (one file a module, merged on the glossary page). */
export const glossaryFileSchema = z
  .object({
    $schema: schemaRef(),
    terms: z.array(glossaryTermSchema).min(1).describe('The terms, in any order; the page sorts them.'),
  })
  .strict();

export type GlossaryTerm = z.output<typeof glossaryTermSchema>;
export type GlossaryFile = z.output<typeof glossaryFileSchema>;
