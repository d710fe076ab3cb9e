/** The course's quizzes from disk: every `content/quizzes/*.json`, validated, and the lessons it names checked against the outline. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { quizSchema, type Quiz } from '../schemas/quiz.ts';
import { readJson, zodIssues, type CatalogIssue } from './issues.ts';
import { OUTLINE_FILE } from './outline.ts';

/** Quizzes by file name (without .json); `lessons` undefined when the outline did not load (nothing to check against). */
export function loadQuizzes(root: string, lessons: readonly string[] | undefined, issues: CatalogIssue[]): Map<string, Quiz> {
  const quizzes = new Map<string, Quiz>();
  const dir = path.join(root, 'content', 'quizzes');
  if (!existsSync(dir)) return quizzes;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const rel = `content/quizzes/${name}`;
    const raw = readJson(path.join(dir, name), rel, issues);
    if (raw === undefined) continue;
    const parsed = quizSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(rel, parsed.error));
      continue;
    }
    const quiz = parsed.data;
    const missing = (id: string) => lessons !== undefined && !lessons.includes(id.split('#')[0]!);
    const notALesson = (field: string, id: string) => issues.push({ file: rel, field, message: `"${id}" is not a lesson in ${OUTLINE_FILE}` });
    if (missing(quiz.lesson)) notALesson('lesson', quiz.lesson);
    const ids = new Set<string>();
    quiz.questions.forEach((q, i) => {
      if (ids.has(q.id)) issues.push({ file: rel, field: `questions[${i}].id`, message: `the id "${q.id}" is used by an earlier question` });
      ids.add(q.id);
      (q.options ?? []).forEach((o, j) => {
        if (o.see && missing(o.see)) notALesson(`questions[${i}].options[${j}].see`, o.see);
      });
      q.mistakes.forEach((m, j) => {
        if (m.see && missing(m.see)) notALesson(`questions[${i}].mistakes[${j}].see`, m.see);
      });
      if (q.see && missing(q.see)) notALesson(`questions[${i}].see`, q.see);
    });
    quizzes.set(name.replace(/\.json$/, ''), quiz);
  }
  return quizzes;
}
