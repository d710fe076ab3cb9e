/** The course outline, content/course.json, validated: the source of the lessons' order. */
import path from 'node:path';
import { courseOutlineSchema, type CourseOutline } from '../schemas/course.ts';
import { readJson, zodIssues, type CatalogIssue } from './issues.ts';

/** The outline's file, from the course root. */
export const OUTLINE_FILE = 'content/course.json';

/** The outline, or undefined with the issues that stop it loading. */
export function loadOutline(root: string, issues: CatalogIssue[]): CourseOutline | undefined {
  const raw = readJson(path.join(root, OUTLINE_FILE), OUTLINE_FILE, issues);
  if (raw === undefined) return undefined;
  const parsed = courseOutlineSchema.safeParse(raw);
  if (!parsed.success) {
    issues.push(...zodIssues(OUTLINE_FILE, parsed.error));
    return undefined;
  }
  return parsed.data;
}
