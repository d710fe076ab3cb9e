/**
 * What is wrong with the course's files, said the same way everywhere (`ticklab check`,
 * the site's build): the file from the course root, the field, and what to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';

/** Something wrong with the course's files, named by file (relative to the course root) and field. */
export interface CatalogIssue {
  file: string;
  field?: string;
  message: string;
}

/** An issue as one line: "exercises/x/meta.json (minutes): Required". */
export function formatIssue(issue: CatalogIssue): string {
  return `${issue.file}${issue.field ? ` (${issue.field})` : ''}: ${issue.message}`;
}

/** Turns zod issues into messages that name the file and the field. */
export function zodIssues(file: string, error: z.ZodError): CatalogIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    const keys = 'keys' in issue ? ` (${(issue.keys as string[]).map((k) => `"${k}"`).join(', ')}: not a field; check the spelling)` : '';
    return { file, ...(field ? { field } : {}), message: `${issue.message}${keys}` };
  });
}

/** The JSON in `file` (`rel` from the course root), or undefined with an issue when it is missing or not JSON. */
export function readJson(file: string, rel: string, issues: CatalogIssue[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    issues.push({ file: rel, message: existsSync(file) ? `not valid JSON: ${(error as Error).message}` : 'missing' });
    return undefined;
  }
}
