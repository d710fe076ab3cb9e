import { z } from 'zod';
import { schemaRef, slug } from './slug.ts';

/** One lesson in the course outline; its MDX page is `content/lessons/<module>/<lesson>.mdx`. */
export const outlineLessonSchema = z
  .object({
    slug: slug().describe('The lesson\'s slug within its module.'),
    title: z.string().min(3).describe('Title of the lesson.'),
  })
  .strict();

/** One module of the course: a group of lessons in order. */
export const outlineModuleSchema = z
  .object({
    slug: slug().describe('The module\'s slug; lesson ids start with it.'),
    title: z.string().min(3).describe('Title of the module.'),
    lessons: z.array(outlineLessonSchema).min(1).describe('The module\'s lessons, in teaching order.'),
  })
  .strict();

/** `content/course.json`: the order of modules and lessons, from which lesson ids are made. */
export const courseOutlineSchema = z
  .object({
    $schema: schemaRef(),
    title: z.string().describe('Name of the course.'),
    modules: z.array(outlineModuleSchema).min(1).describe('The modules, in teaching order.'),
  })
  .strict();

export type CourseOutline = z.output<typeof courseOutlineSchema>;
export type OutlineModule = z.output<typeof outlineModuleSchema>;
export type OutlineLesson = z.output<typeof outlineLessonSchema>;

/** The ids ("<module>/<lesson>") of every lesson in the outline, in order. */
export function lessonIds(outline: CourseOutline): string[] {
  return outline.modules.flatMap((m) => m.lessons.map((l) => `${m.slug}/${l.slug}`));
}

/** "Module › Lesson" titles by lesson id, for headings. */
export function lessonTitles(outline: CourseOutline | undefined): Map<string, string> {
  return new Map((outline?.modules ?? []).flatMap((m) => m.lessons.map((l) => [`${m.slug}/${l.slug}`, `${m.title} › ${l.title}`] as [string, string])));
}
