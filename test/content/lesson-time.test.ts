/** Honest lesson time (content/lesson-time.ts): the rule on made-up lessons, and every lesson of the course. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonTimeFindings, timeLabel, type LessonTime } from '../../content/lesson-time.ts';
import { lessonFrontmatterSchema } from '../../content/schemas/lesson.ts';
import { REPO } from '../cli/helpers.ts';
import { readLessons } from './lesson-source.ts';

/** The frontmatter's time fields (plain scalars at the top level, so no YAML parser is needed). */
function timeOf(source: string): LessonTime {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '';
  const scalar = (key: string) => new RegExp(`^${key}:\\s*(\\S+)\\s*$`, 'm').exec(front)?.[1];
  const shape = lessonFrontmatterSchema.pick({ minutes: true, readingMinutes: true, exerciseSitting: true });
  const reading = scalar('readingMinutes');
  return shape.parse({ minutes: Number(scalar('minutes')), ...(reading ? { readingMinutes: Number(reading) } : {}), exerciseSitting: scalar('exerciseSitting') });
}

describe('lesson time', () => {
  it('counts reading and exercises, and wants a separate sitting past 25 minutes', () => {
    expect(lessonTimeFindings('a.mdx', { minutes: 35, readingMinutes: 15, exerciseSitting: 'separate' }, [20])).toEqual([]);
    expect(lessonTimeFindings('a.mdx', { minutes: 15, readingMinutes: 15 }, [20]).map((f) => f.field)).toEqual(['minutes', 'exerciseSitting']);
    expect(lessonTimeFindings('a.mdx', { minutes: 12, readingMinutes: 12, exerciseSitting: 'separate' }, [])[0]!.message).toMatch(/no exercise/);
    expect(lessonTimeFindings('a.mdx', { minutes: 20, readingMinutes: 10 }, [10])).toEqual([]);
  });
  it('says on the module page when the exercise is a second sitting', () => {
    expect(timeLabel({ minutes: 50, readingMinutes: 15, exerciseSitting: 'separate' }, [35])).toBe('About 15 minutes of reading, then a 35-minute exercise in a separate sitting.');
    expect(timeLabel({ minutes: 20, readingMinutes: 10, exerciseSitting: 'same' }, [10])).toBe('About 20 minutes: 10 of reading and a 10-minute exercise.');
    expect(timeLabel({ minutes: 12, readingMinutes: 12 }, [])).toBe('About 12 minutes.');
  });
  it("holds for every lesson: minutes = reading + its exercises' minutes", () => {
    const exercises = new Map<string, number[]>();
    for (const slug of readdirSync(path.join(REPO, 'exercises'))) {
      let meta: { lesson: string; minutes: number };
      try {
        meta = JSON.parse(readFileSync(path.join(REPO, 'exercises', slug, 'meta.json'), 'utf8'));
      } catch {
        continue; // not an exercise folder; `ticklab check` reports a broken meta.json
      }
      exercises.set(meta.lesson, [...(exercises.get(meta.lesson) ?? []), meta.minutes]);
    }
    const lessons = readLessons(REPO);
    const findings = lessons.flatMap((l) => lessonTimeFindings(l.file, timeOf(l.source), exercises.get(l.id) ?? []));
    expect(findings).toEqual([]);
    expect(lessons.length).toBeGreaterThan(20);
  });
});
