/**
 * Every quiz link to a section of a written lesson lands on that section: a quiz option's,
 * a numeric mistake's or a question's `see` ("hardware/false-sharing#padding-to-a-line")
 * names a lesson of the outline and, once that lesson is written, one of its headings'
 * anchors. (A link to a lesson not yet written goes to its module's page meanwhile.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseOutlineSchema, lessonIds } from '../../content/schemas/course.ts';
import { quizSchema } from '../../content/schemas/quiz.ts';
import { REPO } from '../cli/helpers.ts';
import { headingAnchors, readLessons } from './lesson-source.ts';

describe('links from quizzes to lessons', () => {
  it('name a lesson of the outline, and a section that exists when the lesson is written', () => {
    const outline = courseOutlineSchema.parse(JSON.parse(readFileSync(path.join(REPO, 'content/course.json'), 'utf8')));
    const ids = new Set(lessonIds(outline));
    const anchors = new Map(readLessons(REPO).map((l) => [l.id, headingAnchors(l.source)]));
    const broken: string[] = [];
    const check = (file: string, where: string, link: string | undefined) => {
      if (!link) return;
      const [lesson, anchor] = link.split('#') as [string, string | undefined];
      if (!ids.has(lesson)) broken.push(`${file} (${where}.see): "${lesson}" is not a lesson in content/course.json`);
      const sections = anchors.get(lesson);
      if (anchor && sections && !sections.has(anchor)) broken.push(`${file} (${where}.see): content/lessons/${lesson}.mdx has no section #${anchor}`);
    };
    const dir = path.join(REPO, 'content/quizzes');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const file = `content/quizzes/${name}`;
      const parsed = quizSchema.safeParse(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
      if (!parsed.success) continue; // `ticklab check` names the file and field
      parsed.data.questions.forEach((q, i) => {
        check(file, `questions[${i}]`, q.see);
        q.options?.forEach((o, j) => check(file, `questions[${i}].options[${j}]`, o.see));
        q.mistakes.forEach((m, j) => check(file, `questions[${i}].mistakes[${j}]`, m.see));
      });
    }
    expect(broken, 'quiz links that land nowhere').toEqual([]);
  });
});
