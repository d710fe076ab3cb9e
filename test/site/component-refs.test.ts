/**
 * What a lesson's components refuse at build time, without a build: a quiz question, a
 * glossary term or a quoted region that is not there, each naming the lesson file, the
 * prop and what exists instead. (That such an error fails `astro build` is
 * test/site/build.test.ts, once; that a good region is quoted is test/e2e/lesson.test.ts.)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noQuizError, noTermError, pickQuestions, quotedCode } from '../../site/lib/component-refs.ts';
import { tempDir } from '../temp-dir.ts';

const lesson = new URL('http://localhost/ownership/borrowing/');
const questions = [{ id: 'refcell-panics' }, { id: 'e0502' }, { id: 'refcell-sync' }];

describe('<Quiz>', () => {
  it('picks the named questions in the order named, or all', () => {
    expect(pickQuestions(lesson, 'ownership-borrowing', questions, ['refcell-sync', 'e0502']).map((q) => q.id)).toEqual(['refcell-sync', 'e0502']);
    expect(pickQuestions(lesson, 'ownership-borrowing', questions)).toEqual(questions);
  });

  it('refuses a question the quiz does not have, naming the lesson, the prop and the questions it has', () => {
    expect(() => pickQuestions(lesson, 'ownership-borrowing', questions, ['refcell-panics', 'no-such-question'])).toThrow(
      '<Quiz> in content/lessons/ownership/borrowing.mdx: questions[1]: no question "no-such-question" in content/quizzes/ownership-borrowing.json; its questions are: refcell-panics, e0502, refcell-sync',
    );
  });

  it('refuses a quiz that is not there, listing those that are', () => {
    expect(noQuizError(lesson, 'nope', ['b-quiz', 'a-quiz']).message).toBe('<Quiz> in content/lessons/ownership/borrowing.mdx: id: no quiz "nope" in content/quizzes/ (quizzes are: a-quiz, b-quiz)');
    expect(noQuizError(lesson, 'nope', []).message).toMatch(/quizzes are: none\)$/);
  });
});

describe('<Term>', () => {
  it('refuses a term the glossary does not have, listing those it has', () => {
    expect(noTermError(lesson, 'no-such-term', ['tick', 'cache-line']).message).toBe(
      '<Term> in content/lessons/ownership/borrowing.mdx: id: no term "no-such-term" in content/glossary/*.json (terms are: cache-line, tick)',
    );
    expect(noTermError(lesson, 'x', []).message).toMatch(/\(the glossary is empty\)$/);
  });
});

describe('<CodeRegion>', () => {
  const root = tempDir('ticklab-refs-');
  writeFileSync(path.join(root, 'quoted.ts'), '// #region quoted\nexport function quotedHere(): number {\n  return 1;\n}\n// #endregion quoted\n');
  const page = new URL('http://localhost/quote/');

  it('quotes a marked region without its markers, or the whole file', () => {
    expect(quotedCode(page, 'quoted.ts', 'quoted', root)).toBe('export function quotedHere(): number {\n  return 1;\n}');
    expect(quotedCode(page, 'quoted.ts', undefined, root)).toContain('#region quoted');
  });

  it('refuses a region that is not there, listing the regions, and a file that is not there', () => {
    expect(() => quotedCode(page, 'quoted.ts', 'quote', root)).toThrow(/^<CodeRegion> on \/quote\/: region: quoted\.ts: no region "quote"; regions are: .*\bquoted\b/);
    expect(() => quotedCode(page, 'missing.ts', 'quoted', root)).toThrow('<CodeRegion> on /quote/: file: no file missing.ts');
  });
});
