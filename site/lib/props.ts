/**
 * Build-time checking of MDX component props: a bad prop, or a name that does not resolve
 * (an exercise, a quiz, a question, a region, a term), fails `astro build` with the
 * lesson's file and the prop, e.g.
 *
 *   <Quiz> in content/lessons/ownership/borrowing.mdx: questions[1]: no question "e0599" in
 *   content/quizzes/ownership-borrowing.json; its questions are: e0502, refcell-sync
 *
 * Every component of the lesson format uses it (<Exercise> and <Solution> too).
 */
import { existsSync } from 'node:fs';
import type { ZodType, ZodTypeDef } from 'zod';
import { ROOT } from './root.ts';

const LESSON_PAGE = /^\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/;

/**
 * Where a component is used: "in content/lessons/<module>/<lesson>.mdx" on a lesson page,
 * "on <path>" on any other page.
 */
export function usedWhere(url: URL): string {
  const lesson = LESSON_PAGE.exec(url.pathname);
  if (lesson) {
    const file = `content/lessons/${lesson[1]}/${lesson[2]}.mdx`;
    if (existsSync(`${ROOT}/${file}`)) return `in ${file}`;
  }
  return `on ${url.pathname}`;
}

/** The error a component throws for a bad prop: `<Name> in <lesson file>: <prop>: <what is wrong>`. */
export function propError(component: string, url: URL, prop: string, message: string): Error {
  return new Error(`<${component}> ${usedWhere(url)}: ${prop}: ${message}`);
}

/** Validates a component's props with its zod schema; throws naming the lesson file and each bad prop. */
export function checkProps<T>(component: string, schema: ZodType<T, ZodTypeDef, unknown>, props: unknown, url: URL): T {
  const parsed = schema.safeParse(props);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => `${k}: not a prop of <${component}> (misspelt?)`);
    const prop = i.path.length ? i.path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k ? `.${p}` : p)).join('') : '(props)';
    return [`${prop}: ${i.message}`];
  });
  throw new Error(`<${component}> ${usedWhere(url)}: ${issues.join('; ')}`);
}
