/**
 * The lesson components' pieces that run without a build: prop schemas and the errors
 * they give (naming the lesson file and the prop), inline markup, links, and the quiz's
 * checking and feedback as the page runs them.
 */
import { describe, expect, it } from 'vitest';
import { calloutPropsSchema, quizPropsSchema, termPropsSchema } from '../../content/schemas/components.ts';
import { codeRegionPropsSchema } from '../../content/schemas/code-region.ts';
import { checkProps, propError, usedWhere } from '../../site/lib/props.ts';
import { escapeHtml, inlineHtml } from '../../site/lib/inline.ts';
import { glossaryUrl, lessonUrl, moduleUrl, splitLessonLink } from '../../site/lib/urls.ts';
import { feedbackHtml, isRight, parseNumber, type QuizData } from '../../site/lib/quiz-client.ts';

const lesson = new URL('http://localhost/ownership/borrowing/');
const page = new URL('http://localhost/quote/');

describe('component props', () => {
  it('name the lesson file and the prop of a bad prop', () => {
    expect(usedWhere(lesson)).toBe('in content/lessons/ownership/borrowing.mdx');
    expect(usedWhere(page)).toBe('on /quote/');
    expect(() => checkProps('Callout', calloutPropsSchema, { kind: 'danger' }, lesson)).toThrow(
      /^<Callout> in content\/lessons\/ownership\/borrowing\.mdx: kind: Invalid enum value\. Expected 'note' \| 'tip' \| 'warning' \| 'correction', received 'danger'$/,
    );
    expect(() => checkProps('Quiz', quizPropsSchema, { id: 'ownership-borrowing', question: ['a'] }, lesson)).toThrow(
      '<Quiz> in content/lessons/ownership/borrowing.mdx: question: not a prop of <Quiz> (misspelt?)',
    );
    expect(() => checkProps('Quiz', quizPropsSchema, { id: 'x', questions: ['a', 'B'] }, lesson)).toThrow('questions[1]: lower-case words joined by hyphens');
    expect(() => checkProps('Quiz', quizPropsSchema, { id: 'x', questions: ['a', 'a'] }, lesson)).toThrow('questions: a question is listed twice');
    expect(() => checkProps('Term', termPropsSchema, {}, lesson)).toThrow('<Term> in content/lessons/ownership/borrowing.mdx: id: Required');
    expect(propError('Quiz', page, 'id', 'no quiz "nope"').message).toBe('<Quiz> on /quote/: id: no quiz "nope"');
  });

  it('accept good props', () => {
    expect(checkProps('Quiz', quizPropsSchema, { id: 'ownership-borrowing', questions: ['refcell-panics'] }, lesson)).toEqual({ id: 'ownership-borrowing', questions: ['refcell-panics'] });
    expect(checkProps('Callout', calloutPropsSchema, { kind: 'correction', title: 'Correct the record' }, lesson).kind).toBe('correction');
  });

  it('<CodeRegion> refuses a solution.ts and accepts grading/', () => {
    const bad = codeRegionPropsSchema.safeParse({ file: 'exercises/borrow-tracker/solution.ts', region: 'guard-life' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/solution\.ts is never quoted with <CodeRegion>; use <Solution/);
    expect(codeRegionPropsSchema.safeParse({ file: 'grading/result-schema.ts' }).success).toBe(true);
    expect(codeRegionPropsSchema.safeParse({ file: 'exercises/borrow-tracker/exercise.ts' }).success).toBe(true);
    expect(codeRegionPropsSchema.safeParse({ file: 'exercises/borrow-tracker/wrong/no-count.ts' }).success).toBe(true);
    expect(codeRegionPropsSchema.safeParse({ file: 'site/lib/progress.ts' }).success).toBe(false);
    const outside = codeRegionPropsSchema.safeParse({ file: '../secrets.ts' });
    expect(outside.error?.issues[0]?.message, 'a path out of the repository').toMatch(/a path from the repository root/);
  });
});

describe('inline markup and links', () => {
  it('escapes everything but `code`', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(inlineHtml('use `&mut T` <b>now</b>')).toBe('use <code>&amp;mut T</code> &lt;b&gt;now&lt;/b&gt;');
    expect(inlineHtml('a ` lone backtick')).toBe('a ` lone backtick');
  });

  it('builds the site\'s addresses', () => {
    expect(lessonUrl('ownership/borrowing')).toBe('/ownership/borrowing/');
    expect(lessonUrl('hardware/false-sharing', 'padding')).toBe('/hardware/false-sharing/#padding');
    expect(moduleUrl('hardware')).toBe('/hardware/');
    expect(glossaryUrl('simd')).toBe('/glossary/#simd');
    expect(splitLessonLink('a/b#c')).toEqual({ lesson: 'a/b', anchor: 'c' });
    expect(splitLessonLink('a/b')).toEqual({ lesson: 'a/b', anchor: undefined });
  });
});

describe('quiz checking', () => {
  const link = { href: '/ownership/borrowing/#x', label: 'Shared and exclusive borrows', written: true };
  const single: QuizData['questions'][number] = {
    id: 'q',
    kind: 'single',
    options: [
      { correct: false, why: 'Misconception: A.', see: link },
      { correct: true, why: 'Right: B.', see: null },
    ],
    value: null,
    tolerance: null,
    unit: null,
    mistakes: [],
    explanation: null,
    see: null,
    answer: 'The full answer.',
  };
  const multiple = { ...single, kind: 'multiple' as const, options: [...single.options, { correct: true, why: 'Right: C.', see: null }] };
  const numeric = {
    ...single,
    kind: 'numeric' as const,
    options: [],
    value: 80,
    tolerance: 40,
    unit: 'ns',
    mistakes: [{ min: 0, max: 10, why: 'That is a cache hit.', see: link }],
    explanation: 'DRAM is about 80 ns away.',
    see: link,
  };
  const text = (i: number) => `option ${i}`;

  it('reads typed numbers as a student writes them', () => {
    expect(parseNumber(' 80 ')).toBe(80);
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('-1.5e3')).toBe(-1500);
    expect(parseNumber('1_000')).toBe(1000);
    expect(parseNumber('eighty')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('judges single, multiple and numeric answers', () => {
    expect(isRight(single, [1])).toBe(true);
    expect(isRight(single, [0])).toBe(false);
    expect(isRight(multiple, [1, 2])).toBe(true);
    expect(isRight(multiple, [1])).toBe(false);
    expect(isRight(multiple, [0, 1, 2])).toBe(false);
    expect(isRight(numeric, 120)).toBe(true);
    expect(isRight(numeric, 40)).toBe(true);
    expect(isRight(numeric, 121)).toBe(false);
  });

  it('explains each chosen option, links the section, and gives the answer only when right', () => {
    const wrong = feedbackHtml(single, [0], 1, text);
    expect(wrong.right).toBe(false);
    expect(wrong.html).toContain('Not right yet');
    expect(wrong.html).toContain('option 0');
    expect(wrong.html).toContain('Misconception: A.');
    expect(wrong.html).toContain('<a class="see" href="/ownership/borrowing/#x">Read: Shared and exclusive borrows</a>');
    expect(wrong.html).not.toContain('The full answer');
    const right = feedbackHtml(single, [1], 2, text);
    expect(right.right).toBe(true);
    expect(right.html).toContain('Right: B.');
    expect(right.html).toContain('The full answer.');
  });

  it('says when every chosen option is right but one is missing, and offers the answer after two tries', () => {
    const partial = feedbackHtml(multiple, [1], 2, text);
    expect(partial.html).toContain('not every right option is chosen');
    expect(partial.html).toContain('<details><summary>Show the full answer</summary>');
  });

  it('names the misconception behind a known wrong number, or links the section', () => {
    expect(feedbackHtml(numeric, 5, 1, text).html).toContain('That is a cache hit.');
    const far = feedbackHtml(numeric, 500, 1, text).html;
    expect(far).toContain('500 ns is not within ±40 ns of the answer');
    expect(far).toContain('Read: Shared and exclusive borrows');
    const right = feedbackHtml(numeric, 90, 1, text).html;
    expect(right).toContain('90 ns is within ±40 ns of 80 ns');
    expect(right).toContain('DRAM is about 80 ns away.');
  });
});
