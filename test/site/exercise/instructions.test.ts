/**
 * The instructions renderer (site/components/exercise/instructions.ts) on small inputs, and
 * on every exercise's starting file: no Markdown left raw (`*last*`, "1. "), every numbered
 * and bulleted item a list item, no word of the header lost except the title line and the
 * terminal's `ticklab hint` sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerComment, instructionInline, instructionsHtml } from '../../../site/components/exercise/instructions.ts';
import { REPO } from '../../cli/helpers.ts';

const wrap = (body: string) => `/**\n${body
  .split('\n')
  .map((l) => ` * ${l}`.trimEnd())
  .join('\n')}\n */\nexport {};\n`;

describe('the instructions renderer', () => {
  it('renders numbered lists, with continuation lines, and a list after a paragraph', () => {
    const html = instructionsHtml(wrap('Exercise: x.\n\nDo, in order:\n\n1. `a()`: first\n   still first\n2. second\n\nThen:\n- c'));
    expect(html).toBe('<p>Do, in order:</p>\n<ol><li><code>a()</code>: first still first</li><li>second</li></ol>\n<p>Then:</p>\n<ul><li>c</li></ul>');
  });

  it('keeps a numbered list that starts elsewhere than 1', () => {
    expect(instructionsHtml(wrap('3. three\n4. four'))).toBe('<ol start="3"><li>three</li><li>four</li></ol>');
  });

  it('renders *emphasis* and **strong**, never inside code, and leaves a lone * (a product) alone', () => {
    expect(instructionInline('a *new* price, **ONE** place, `a*b*c`, L = lambda * W * 2')).toBe(
      'a <em>new</em> price, <strong>ONE</strong> place, <code>a*b*c</code>, L = lambda * W * 2',
    );
  });

  it('drops only the `ticklab hint` sentence of a paragraph, not the paragraph', () => {
    expect(instructionsHtml(wrap('A cancel is never rejected. Run `ticklab hint x` if you are stuck.'))).toBe('<p>A cancel is never rejected.</p>');
  });

  it('escapes HTML', () => {
    expect(instructionsHtml(wrap('- two <b>'))).toBe('<ul><li>two &lt;b&gt;</li></ul>');
  });
});

const EXERCISES = path.join(REPO, 'exercises');
const slugs = readdirSync(EXERCISES).filter((s) => !s.startsWith('.') && !s.startsWith('_'));
const textOf = (html: string) =>
  html
    .replace(/<code>[\s\S]*?<\/code>/g, ' CODE ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
const words = (text: string) => text.replace(/`[^`]*`/g, ' ').match(/[A-Za-z]{4,}/g) ?? [];

describe.each(slugs)('the instructions of exercises/%s/exercise.ts', (slug) => {
  const source = readFileSync(path.join(EXERCISES, slug, 'exercise.ts'), 'utf8');
  const comment = headerComment(source);
  const html = instructionsHtml(source);

  it('leave no Markdown raw', () => {
    const text = textOf(html);
    expect(text, 'emphasis left as stars').not.toMatch(/(^|[\s(])\*\S[^*]*\S\*(?![\w*])/);
    expect(html, 'a numbered item inside a paragraph').not.toMatch(/<p>(\d+)[.)] /);
    expect(html, 'a bullet inside a paragraph').not.toMatch(/<p>[-*] /);
    expect(text, 'the terminal hint command').not.toMatch(/ticklab hint/);
  });

  it('make every list item of the header an <li>', () => {
    const items = comment.split('\n').filter((l) => /^(\d+[.)]|[-*]) +/.test(l)).length;
    expect((html.match(/<li>/g) ?? []).length, 'list items').toBe(items);
  });

  it('lose no word of the header but the title and the hint sentence', () => {
    const shown = new Set(words(textOf(html)));
    const kept = comment.replace(/^Exercise: [a-z0-9-]+\.?$/m, '').replace(/[^.!?]*ticklab hint[^.!?]*[.!?]?/g, '');
    const lost = words(kept).filter((w) => !shown.has(w));
    expect(lost, 'words of the header missing from the page').toEqual([]);
  });
});
