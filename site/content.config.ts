/**
 * Content collections: the course outline, the exercises' metadata, the quizzes, the
 * lessons (MDX) and the glossary, validated at build time by the same zod schemas as
 * `ticklab check`, so a broken file fails the build with its path and the field at fault.
 */
import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob } from 'astro/loaders';
import { outlineModuleSchema, courseOutlineSchema } from '../content/schemas/course.ts';
import { exerciseMetaSchema } from '../content/schemas/exercise.ts';
import { quizSchema } from '../content/schemas/quiz.ts';
import { lessonFrontmatterSchema } from '../content/schemas/lesson.ts';
import { loadGlossary } from './lib/glossary.ts';

const modules = defineCollection({
  // The outline is one file; each module becomes an entry, in course order.
  loader: async () => {
    const file = new URL('../content/course.json', import.meta.url);
    const outline = courseOutlineSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    return outline.modules.map((m, index) => ({ id: m.slug, index, ...m }));
  },
  schema: outlineModuleSchema.extend({ id: z.string(), index: z.number().int() }),
});

const exercises = defineCollection({
  loader: glob({ pattern: '*/meta.json', base: './exercises', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: exerciseMetaSchema,
});

const quizzes = defineCollection({
  loader: glob({ pattern: '*.json', base: './content/quizzes' }),
  schema: quizSchema,
});

const lessons = defineCollection({
  // content/lessons/<module>/<lesson>.mdx: the id is "<module>/<lesson>", the lesson id of content/course.json.
  loader: glob({ pattern: '*/*.mdx', base: './content/lessons', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: lessonFrontmatterSchema,
});

const glossary = defineCollection({
  // Every content/glossary/*.json, merged: one entry a term, ids unique across files.
  loader: async () => (await loadGlossary(new URL('../content/glossary/', import.meta.url))).map((t) => ({ ...t })),
  schema: z.object({ id: z.string(), term: z.string(), definition: z.string(), lesson: z.string(), aliases: z.array(z.string()), file: z.string() }),
});

export const collections = { modules, exercises, quizzes, lessons, glossary };
