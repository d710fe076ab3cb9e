/**
 * The glossary (content/glossary/*.json) and the lessons agree: every `<Term id>` in a
 * lesson resolves, every term is used by some lesson, ids are unique across files, and
 * every term points at a lesson of the outline (and at a section that exists, once that
 * lesson is written).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseOutlineSchema, lessonIds } from '../../content/schemas/course.ts';
import { loadGlossary, type GlossaryEntry } from '../../site/lib/glossary.ts';
import { REPO } from '../cli/helpers.ts';
import { tempDir } from '../temp-dir.ts';
import { headingAnchors, readLessons, termUses, type LessonSource } from './lesson-source.ts';

let terms: GlossaryEntry[];
let lessons: LessonSource[];
const outline = courseOutlineSchema.parse(JSON.parse(readFileSync(path.join(REPO, 'content/course.json'), 'utf8')));

beforeAll(async () => {
  terms = await loadGlossary(path.join(REPO, 'content/glossary'));
  lessons = readLessons(REPO);
});

describe('the glossary', () => {
  it('defines the eight terms of the seed', () => {
    const ids = new Set(terms.map((t) => t.id));
    for (const id of ['cache-line', 'false-sharing', 'branch-prediction', 'simd', 'numa', 'kernel-bypass', 'fpga', 'lock-free']) {
      expect(ids.has(id), `glossary term ${id}`).toBe(true);
    }
  });

  it('resolves every <Term id> in every lesson', () => {
    const ids = new Set(terms.map((t) => t.id));
    const unresolved = lessons.flatMap((l) =>
      termUses(l.source)
        .filter((u) => u.id === undefined || !ids.has(u.id))
        .map((u) => `${l.file}:${u.line}: <Term id="${u.id ?? '?'}"> ${u.id === undefined ? 'needs a plain id="..."' : 'is not in content/glossary/*.json'}`),
    );
    expect(unresolved, 'terms used in lessons but not defined').toEqual([]);
  });

  it('uses every term in some lesson (a term whose own lesson is not written yet waits for it)', () => {
    const written = new Set(lessons.map((l) => l.id));
    const used = new Set(lessons.flatMap((l) => termUses(l.source).map((u) => u.id)));
    const unused = terms
      .filter((t) => !used.has(t.id) && written.has(t.lesson.split('#')[0]!))
      .map((t) => `${t.file}: "${t.id}" is taught in ${t.lesson}, but no lesson links it with <Term id="${t.id}">`);
    expect(unused, 'terms no lesson uses').toEqual([]);
  });

  it('points every term at a lesson of the outline, and at a section of it that exists once it is written', () => {
    const ids = new Set(lessonIds(outline));
    const anchors = new Map(lessons.map((l) => [l.id, headingAnchors(l.source)]));
    const broken = terms.flatMap((t) => {
      const [lesson, anchor] = t.lesson.split('#') as [string, string | undefined];
      if (!ids.has(lesson)) return [`${t.file} (${t.id}.lesson): "${lesson}" is not a lesson in content/course.json`];
      const sections = anchors.get(lesson);
      if (anchor && sections && !sections.has(anchor)) {
        return [`${t.file} (${t.id}.lesson): content/lessons/${lesson}.mdx has no section #${anchor}; its sections are: ${[...sections].join(', ')}`];
      }
      return [];
    });
    expect(broken).toEqual([]);
  });

  it('rejects an id defined in two files, naming both', async () => {
    const dir = tempDir('ticklab-glossary-');
    const term = (id: string) => ({ id, term: id, definition: 'A definition long enough to pass the schema.', lesson: 'ownership/borrowing' });
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ terms: [term('cache-line')] }));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ terms: [term('simd'), term('cache-line')] }));
    await expect(loadGlossary(dir)).rejects.toThrow('content/glossary/b.json (terms.1.id): the term id "cache-line" is also defined in content/glossary/a.json');
  });

  it('names the file and field of a bad entry', async () => {
    const dir = tempDir('ticklab-glossary-');
    writeFileSync(path.join(dir, 'x.json'), JSON.stringify({ terms: [{ id: 'Cache Line', term: 'c', definition: 'short', lesson: 'nowhere' }] }));
    const error = await loadGlossary(dir).catch((e: Error) => e);
    expect(String(error)).toContain('content/glossary/x.json (terms.0.id)');
    expect(String(error)).toContain('content/glossary/x.json (terms.0.definition)');
    expect(String(error)).toContain('content/glossary/x.json (terms.0.lesson)');
  });
});

describe('reading lessons', () => {
  it('finds <Term> ids outside code and the anchors headings get', () => {
    const source = ['---', 'summary: x', '---', '## What rustc says: E0502 and E0499', 'A <Term id="simd">lane</Term> and <Term id={"numa"} />.', '```', '<Term id="not-this">', '```', '### `RefCell`: the same rule', '## What rustc says: E0502 and E0499'].join('\n');
    expect(termUses(source)).toEqual([
      { id: 'simd', line: 5 },
      { id: 'numa', line: 5 },
    ]);
    expect([...headingAnchors(source)]).toEqual(['what-rustc-says-e0502-and-e0499', 'refcell-the-same-rule', 'what-rustc-says-e0502-and-e0499-1']);
  });
});
