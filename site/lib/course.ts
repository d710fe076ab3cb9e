/**
 * The course as the pages see it at build time: modules and lessons in teaching order
 * (content/course.json), which lessons are written (content/lessons/), each lesson's
 * exercises and quizzes, and links resolved to pages. A lesson in the outline without
 * its MDX file yet is listed as not yet written, never given a page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { lessonUrl, moduleUrl, splitLessonLink } from './urls.ts';

export interface LessonInfo {
  /** "<module>/<lesson>" */
  id: string;
  module: string;
  slug: string;
  title: string;
  moduleTitle: string;
  /** Its place in the whole course, from 0. */
  index: number;
  /** Whether content/lessons/<id>.mdx exists (and so the lesson has a page). */
  written: boolean;
  entry: CollectionEntry<'lessons'> | undefined;
}

export interface ModuleInfo {
  slug: string;
  title: string;
  index: number;
  lessons: LessonInfo[];
}

let cache: Promise<{ modules: ModuleInfo[]; lessons: LessonInfo[] }> | undefined;

/** Modules and lessons in course order, each lesson with its MDX entry when written. */
export function course(): Promise<{ modules: ModuleInfo[]; lessons: LessonInfo[] }> {
  cache ??= (async () => {
    const [modules, entries]: [CollectionEntry<'modules'>[], CollectionEntry<'lessons'>[]] = await Promise.all([getCollection('modules'), getCollection('lessons')]);
    const byId = new Map(entries.map((e) => [e.id, e]));
    const known = new Set(modules.flatMap((m: CollectionEntry<'modules'>) => m.data.lessons.map((l: { slug: string }) => `${m.id}/${l.slug}`)));
    for (const e of entries) {
      if (!known.has(e.id)) {
        throw new Error(`content/lessons/${e.id}.mdx: "${e.id}" is not a lesson in content/course.json; add it to its module there, or rename the file`);
      }
    }
    let index = 0;
    const out = modules
      .sort((a: CollectionEntry<'modules'>, b: CollectionEntry<'modules'>) => a.data.index - b.data.index)
      .map((m: CollectionEntry<'modules'>) => ({
        slug: m.id,
        title: m.data.title,
        index: m.data.index,
        lessons: m.data.lessons.map((l: { slug: string; title: string }): LessonInfo => {
          const id = `${m.id}/${l.slug}`;
          const entry = byId.get(id);
          return { id, module: m.id, slug: l.slug, title: l.title, moduleTitle: m.data.title, index: index++, written: entry !== undefined, entry };
        }),
      }));
    return { modules: out, lessons: out.flatMap((m: ModuleInfo) => m.lessons) };
  })();
  return cache;
}

/** The written lessons before and after `id`, skipping the ones not yet written. */
export async function neighbours(id: string): Promise<{ previous: LessonInfo | undefined; next: LessonInfo | undefined }> {
  const { lessons } = await course();
  const at = lessons.findIndex((l) => l.id === id);
  const written = (l: LessonInfo) => l.written;
  return {
    previous: lessons.slice(0, Math.max(at, 0)).reverse().find(written),
    next: lessons.slice(at + 1).find(written),
  };
}

/** Where a lesson link ("hardware/false-sharing#padding-to-a-line") goes, and what to call it. */
export interface ResolvedLink {
  href: string;
  /** "Lesson title", or "Lesson title (not yet written)" when the link goes to its module's page instead. */
  label: string;
  written: boolean;
}

/** Resolves a lesson link to a page: the lesson's (with its section) when written, else its module's. */
export async function resolveLessonLink(link: string): Promise<ResolvedLink> {
  const { lessons } = await course();
  const { lesson, anchor } = splitLessonLink(link);
  const info = lessons.find((l) => l.id === lesson);
  if (!info) throw new Error(`"${link}" is not a lesson in content/course.json`);
  if (info.written) return { href: lessonUrl(info.id, anchor), label: info.title, written: true };
  return { href: moduleUrl(info.module), label: `${info.title} (not yet written)`, written: false };
}

/** Exercises by lesson id, in their order within the lesson. */
export async function exercisesByLesson(): Promise<Map<string, CollectionEntry<'exercises'>[]>> {
  const exercises: CollectionEntry<'exercises'>[] = await getCollection('exercises');
  const map = new Map<string, CollectionEntry<'exercises'>[]>();
  for (const e of exercises.sort((a: CollectionEntry<'exercises'>, b: CollectionEntry<'exercises'>) => a.data.order - b.data.order)) {
    map.set(e.data.lesson, [...(map.get(e.data.lesson) ?? []), e]);
  }
  return map;
}

/** Quizzes by lesson id. */
export async function quizzesByLesson(): Promise<Map<string, CollectionEntry<'quizzes'>[]>> {
  const quizzes: CollectionEntry<'quizzes'>[] = await getCollection('quizzes');
  const map = new Map<string, CollectionEntry<'quizzes'>[]>();
  for (const q of quizzes.sort((a: CollectionEntry<'quizzes'>, b: CollectionEntry<'quizzes'>) => a.id.localeCompare(b.id))) map.set(q.data.lesson, [...(map.get(q.data.lesson) ?? []), q]);
  return map;
}
