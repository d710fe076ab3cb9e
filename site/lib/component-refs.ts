/**
 * The names a lesson's components give, resolved or refused: a quiz's questions, a
 * glossary term, a quoted file's region. The components (Quiz.astro, Term.astro,
 * CodeRegion.astro) call these at build time; each refusal is the build's error, naming
 * the lesson file, the prop and what exists instead. Pure functions of what the
 * collections hold, so they are tested without a build (test/site/component-refs.test.ts).
 */
import { readFileSync } from 'node:fs';
import { extractRegion } from '../../content/regions.ts';
import { propError } from './props.ts';
import { ROOT } from './root.ts';

/** The error for a `<Quiz id>` that names no quiz. */
export function noQuizError(url: URL, id: string, quizIds: readonly string[]): Error {
  return propError('Quiz', url, 'id', `no quiz "${id}" in content/quizzes/ (quizzes are: ${[...quizIds].sort().join(', ') || 'none'})`);
}

/** The questions `<Quiz questions>` asks for, in that order; every question when none are named. */
export function pickQuestions<Q extends { id: string }>(url: URL, quizId: string, all: readonly Q[], wanted?: readonly string[]): Q[] {
  if (!wanted) return [...all];
  return wanted.map((qid, i) => {
    const q = all.find((x) => x.id === qid);
    if (!q) throw propError('Quiz', url, `questions[${i}]`, `no question "${qid}" in content/quizzes/${quizId}.json; its questions are: ${all.map((x) => x.id).join(', ')}`);
    return q;
  });
}

/** The error for a `<Term id>` that names no glossary entry. */
export function noTermError(url: URL, id: string, termIds: readonly string[]): Error {
  const ids = [...termIds].sort();
  return propError('Term', url, 'id', `no term "${id}" in content/glossary/*.json${ids.length ? ` (terms are: ${ids.join(', ')})` : ' (the glossary is empty)'}`);
}

/** The code `<CodeRegion file region?>` quotes: the marked region of a file of the repository, or all of it. */
export function quotedCode(url: URL, file: string, region: string | undefined, root: string = ROOT): string {
  let source: string;
  try {
    source = readFileSync(`${root}/${file}`, 'utf8');
  } catch {
    throw propError('CodeRegion', url, 'file', `no file ${file}`);
  }
  try {
    return region ? extractRegion(source, region, file) : source.trimEnd();
  } catch (error) {
    throw propError('CodeRegion', url, 'region', error instanceof Error ? error.message : String(error));
  }
}
