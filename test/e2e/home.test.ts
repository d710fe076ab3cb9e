/**
 * The built site (dist/, built once per run by global-setup.ts from the checkout's own
 * content) has a home page listing every module, exercise and quiz of the course, in a
 * document that declares its language and both colour schemes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../cli/catalog.ts';
import { DIST, REPO } from './harness.ts';

describe('the home page', () => {
  it('lists every module, exercise and quiz', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const catalog = loadCatalog(REPO);
    expect(catalog.outline, 'content/course.json loaded').toBeDefined();
    for (const m of catalog.outline!.modules) expect(html, `module ${m.slug}`).toContain(`id="module-${m.slug}"`);
    for (const e of catalog.exercises) expect(html, `exercise ${e.slug}`).toContain(`data-slug="${e.slug}"`);
    for (const q of catalog.quizzes.keys()) expect(html, `quiz ${q}`).toContain(`data-quiz="${q}"`);
    expect(html).toMatch(/<html lang="en"[\s>]/);
    expect(html).toContain('name="color-scheme" content="light dark"');
  });
});
