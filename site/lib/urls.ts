/**
 * The site's addresses, in one place: a lesson is `/<module>/<lesson>/`, a module
 * `/<module>/`, a glossary term `/glossary/#<id>`. Browser-safe (no build-time imports),
 * so components, client scripts and tests build links the same way.
 */

/** `/ownership/borrowing/`, or `/ownership/borrowing/#e0502` with a section. */
export function lessonUrl(lessonId: string, anchor?: string): string {
  return `/${lessonId}/${anchor ? `#${anchor}` : ''}`;
}

/** A module's page, listing its lessons. */
export function moduleUrl(moduleSlug: string): string {
  return `/${moduleSlug}/`;
}

/** A term on the glossary page. */
export function glossaryUrl(termId?: string): string {
  return `/glossary/${termId ? `#${termId}` : ''}`;
}

/** The page listing every exercise with the student's status. */
export const EXERCISES_URL = '/exercises/';
/** The search results page (`?q=`). */
export const SEARCH_URL = '/search/';

/** Splits a lesson link ("hardware/false-sharing#padding-to-a-line") into the lesson id and the section. */
export function splitLessonLink(link: string): { lesson: string; anchor: string | undefined } {
  const [lesson, anchor] = link.split('#') as [string, string | undefined];
  return { lesson, anchor };
}
