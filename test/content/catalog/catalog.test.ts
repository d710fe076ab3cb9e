/**
 * The Node catalog (content/catalog/), which the CLI, the site's build and the tests load
 * the course with: the course in order with nothing wrong, and a broken folder reported
 * by file and field while the rest still loads.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../content/catalog/catalog.ts';
import { formatIssue } from '../../../content/catalog/issues.ts';
import { lessonIds } from '../../../content/schemas/course.ts';
import { REPO } from '../../cli/helpers.ts';
import { tempDir } from '../../temp-dir.ts';

const FIXTURE = path.join(REPO, 'test/fixtures/course');

describe('the catalog', () => {
  it('loads the course with nothing wrong, its exercises in course order', () => {
    const catalog = loadCatalog(REPO);
    expect(catalog.issues.map(formatIssue), 'issues of the course').toEqual([]);
    const lessons = lessonIds(catalog.outline!);
    const places = catalog.exercises.map((e) => [lessons.indexOf(e.meta.lesson), e.meta.order]);
    expect(places.every(([lesson]) => lesson! >= 0), 'every exercise names a lesson of the outline').toBe(true);
    const sorted = [...places].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(places, 'lesson by lesson, then by order').toEqual(sorted);
    expect(catalog.quizzes.size, 'quizzes').toBeGreaterThan(0);
  });

  it('reports a broken folder by file and field and loads the others', () => {
    const root = tempDir('ticklab-catalog-');
    cpSync(FIXTURE, root, { recursive: true });
    const good = loadCatalog(root);
    expect(good.issues.map(formatIssue), 'the fixture course').toEqual([]);
    const slugs = good.exercises.map((e) => e.slug);

    rmSync(path.join(root, 'exercises', slugs[0]!, 'solution.ts'));
    mkdirSync(path.join(root, 'exercises', 'Bad_Name'));
    const meta = path.join(root, 'exercises', slugs[1]!, 'meta.json');
    writeFileSync(meta, JSON.stringify({ title: 'x' }));
    const broken = loadCatalog(root);
    const lines = broken.issues.map(formatIssue);
    expect(lines).toContain(`exercises/${slugs[0]}/solution.ts: missing: every exercise folder has exercise.ts, solution.ts, exercise.test.ts and meta.json`);
    expect(lines.some((l) => l.startsWith('exercises/Bad_Name: "Bad_Name" is not a valid slug')), lines.join('\n')).toBe(true);
    expect(lines.some((l) => l.startsWith(`exercises/${slugs[1]}/meta.json (summary): `)), lines.join('\n')).toBe(true);
    expect(broken.exercises.map((e) => e.slug), 'what still loads').toEqual(slugs.slice(2));
  });
});
