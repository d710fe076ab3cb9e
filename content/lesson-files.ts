/**
 * The lessons' MDX files as written, read from a course folder, for the checks that
 * need their text without building the site (content/course-order.ts). Node only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LessonText } from './course-order.ts';

/** Where a lesson's file sits: content/lessons/<module>/<lesson>.mdx, its id "<module>/<lesson>". */
const LESSON_FILE = /^([^/]+\/[^/]+)\.mdx$/;

/**
 * Every content/lessons/<module>/<lesson>.mdx under `root`, sorted by id; undefined when
 * the course has no content/lessons/ folder (a course of exercises only, with no pages).
 */
export function readLessonFiles(root: string): LessonText[] | undefined {
  const dir = path.join(root, 'content', 'lessons');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(path.sep).join('/'))
    .flatMap((entry) => {
      const id = LESSON_FILE.exec(entry)?.[1];
      return id ? [{ id, file: `content/lessons/${entry}`, source: readFileSync(path.join(dir, entry), 'utf8') }] : [];
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
