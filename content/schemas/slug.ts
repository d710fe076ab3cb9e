import { z } from 'zod';

/** Lower-case words joined by single hyphens: the one pattern for every slug and id. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A lesson id, "<module>/<lesson>", e.g. "ownership/borrowing". */
export const LESSON_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

/** A lesson id with an optional section anchor: "hardware/false-sharing#padding". */
export const LESSON_LINK_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*(#[a-z0-9]+(-[a-z0-9]+)*)?$/;

/** A slug (module, lesson, exercise, question, glossary term). */
export const slug = () => z.string().regex(SLUG_PATTERN, 'lower-case words joined by hyphens, e.g. "false-sharing"');

/** A lesson id from content/course.json. */
export const lessonId = () => z.string().regex(LESSON_ID_PATTERN, 'a lesson id is "<module>/<lesson>", e.g. "ownership/borrowing"');

/** A link to a lesson, optionally to a section of it. */
export const lessonLink = () =>
  z.string().regex(LESSON_LINK_PATTERN, 'a lesson id, optionally with a section anchor: "hardware/false-sharing#padding"');

/** The `$schema` field of a content JSON file: the path of its generated JSON Schema, for editors. */
export const schemaRef = () => z.string().optional().describe('Path of the generated JSON schema, for editors.');

/** Where a content file's `$schema` points from the file's folder: `docs/schemas/<kind>.schema.json`. */
export function schemaPath(kind: string, fromDepth: number): string {
  return `${'../'.repeat(fromDepth)}docs/schemas/${kind}.schema.json`;
}
