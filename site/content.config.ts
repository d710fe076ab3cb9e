/**
 * Content collections: the course outline, the exercises' metadata, the quizzes, the
 * lessons (MDX) and the glossary, validated at build time by the same zod schemas as
 * `ticklab check`, so a broken file fails the build with its path and the field at fault.
 * The exercises come from the catalog the CLI and the runner's build load too.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob } from 'astro/loaders';
import { outlineModuleSchema, courseOutlineSchema } from '../content/schemas/course.ts';
import { exerciseMetaSchema } from '../content/schemas/exercise.ts';
import { loadCatalog } from '../content/catalog/catalog.ts';
import { formatIssue } from '../content/catalog/issues.ts';
import { catalogCourseOrder } from '../content/catalog/course-order.ts';
import { EXERCISES_DIR } from '../grading/exercise-format.ts';
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
  // Every exercise folder that loads, by slug, in course order; one that does not, or a
  // course order the outline, the lessons and meta.json disagree on, fails the build, said
  // as `ticklab check` says it. In `astro dev`, again when a file of exercises/ changes.
  loader: {
    name: 'ticklab-exercises',
    load: async ({ config, store, parseData, watcher }) => {
      const root = fileURLToPath(config.root);
      const load = async () => {
        const catalog = loadCatalog(root);
        // A broken exercise and a course order that disagrees with itself, reported together.
        const broken = [...catalog.issues.filter((i) => i.file.startsWith(`${EXERCISES_DIR}/`)), ...catalogCourseOrder(catalog)];
        if (broken.length) throw new Error(`exercises: ${broken.map(formatIssue).join('\n')}`);
        store.clear();
        for (const e of catalog.exercises) {
          store.set({ id: e.slug, data: await parseData({ id: e.slug, data: e.meta }), filePath: path.relative(root, e.files.meta) });
        }
      };
      await load();
      watcher?.on('change', (file) => {
        if (file.startsWith(path.join(root, EXERCISES_DIR) + path.sep)) load().catch((error: unknown) => console.error(String(error)));
      });
    },
  },
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
