/**
 * The checks of `ticklab check` that need no grading: what the course's files say, read
 * as text and metadata (schemas, TODOs, known-wrong patches that apply, unique slugs and
 * titles, quizzes that cannot be passed by picking the longest option, and the course
 * order agreeing between content/course.json, the lessons and the exercises' meta.json).
 * They take a second; `ticklab check --no-grade` runs these alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog, CatalogIssue, Exercise } from '../catalog.ts';
import { quizFairness } from '../../content/quiz-fairness.ts';
import { catalogCourseOrder } from '../../content/catalog/course-order.ts';
import { errorSentences, headerText, textAssertions, unstated, type TextAssertion } from './contract.ts';
import { KnownWrongError, readKnownWrong, type KnownWrong } from './known-wrong.ts';

export interface CheckFinding extends CatalogIssue {
  /** The exercise it concerns, when it concerns one. */
  exercise?: string;
  /** A warning is printed but does not fail the check; anything else is an error. */
  severity?: 'warning';
}

/** How much longer than every wrong option a right one may be before it gives itself away. */
export const LONGEST_RIGHT_RATIO = 1.3;

/** Warnings for questions whose right option is the longest by far: picking the longest would pass. */
export function guessableFindings(catalog: Catalog): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const [name, quiz] of catalog.quizzes) {
    quiz.questions.forEach((q, i) => {
      const options = q.options ?? [];
      const longestWrong = Math.max(0, ...options.filter((o) => !o.correct).map((o) => o.text.length));
      const rightLengths = options.filter((o) => o.correct).map((o) => o.text.length);
      if (longestWrong > 0 && rightLengths.some((n) => n > LONGEST_RIGHT_RATIO * longestWrong)) {
        findings.push({
          severity: 'warning',
          file: `content/quizzes/${name}.json`,
          field: `questions[${i}].options`,
          message: `the right option is the longest by far (${Math.max(...rightLengths)} characters against at most ${longestWrong}): a student who picks the longest option passes; make the distractors as full and plausible as the answer`,
        });
      }
    });
  }
  return findings;
}

/** The fewest known-wrong solutions an exercise keeps. */
export const MIN_KNOWN_WRONG = 2;

/** The first sentence of a file's leading block comment: what the known-wrong solution gets wrong. */
export function mistakeOf(source: string): string | undefined {
  const header = /^\s*\/\*\*?([\s\S]*?)\*\//.exec(source)?.[1];
  if (!header) return undefined;
  const text = header.replace(/^\s*\* ?/gm, '').replace(/\s+/g, ' ').trim();
  return text ? (/^.*?[.!?](\s|$)/.exec(text)?.[0] ?? text).trim() : undefined;
}

const TODO = /\/\/\s*TODO\b/;
const IMPORTS_EXERCISE = /from\s+['"]\.\/exercise(\.ts)?['"]/;
const PLACEHOLDER = /\bTODO\b/;

function rel(catalog: Catalog, file: string): string {
  return path.relative(catalog.root, file);
}

/** What an exercise's tests pin in text (error classes, message regexes and strings), beside what its text says of errors. */
export interface ExerciseContract {
  assertions: TextAssertion[];
  /** The sentences of the starting file's header comment that speak of errors. */
  sentences: string[];
}

export function contractOf(e: Exercise): ExerciseContract {
  return { assertions: textAssertions(readFileSync(e.files.test, 'utf8')), sentences: errorSentences(headerText(readFileSync(e.files.exercise, 'utf8'))) };
}

/** Checks that need no grading: the files' contents and what must be unique. */
export function staticFindings(catalog: Catalog): CheckFinding[] {
  const findings: CheckFinding[] = [...catalog.issues, ...guessableFindings(catalog), ...quizFairness(catalog.quizzes).findings];
  const seen = new Map<string, string>();
  const unique = (key: string, file: string, field: string, what: string, exercise: string) => {
    const other = seen.get(key);
    if (other) findings.push({ file, field, exercise, message: `${what} is also used by ${other}` });
    else seen.set(key, exercise);
  };
  for (const e of catalog.exercises) {
    const metaFile = rel(catalog, e.files.meta);
    const starter = readFileSync(e.files.exercise, 'utf8');
    const solution = readFileSync(e.files.solution, 'utf8');
    const test = readFileSync(e.files.test, 'utf8');
    if (!TODO.test(starter)) findings.push({ exercise: e.slug, file: rel(catalog, e.files.exercise), message: 'the starting file has no "// TODO" marking where the student edits' });
    if (TODO.test(solution)) findings.push({ exercise: e.slug, file: rel(catalog, e.files.solution), message: 'the solution still has a "// TODO": finish it' });
    if (!IMPORTS_EXERCISE.test(test)) findings.push({ exercise: e.slug, file: rel(catalog, e.files.test), message: 'the test file must import the code under test from "./exercise.ts"' });
    if (/from\s+['"]\.\/solution/.test(test)) findings.push({ exercise: e.slug, file: rel(catalog, e.files.test), message: 'the test file imports the solution: tests must grade "./exercise.ts" only' });
    for (const field of ['title', 'summary'] as const) {
      if (PLACEHOLDER.test(e.meta[field])) findings.push({ exercise: e.slug, file: metaFile, field, message: 'still a placeholder (contains TODO)' });
    }
    e.meta.hints.forEach((hint, i) => {
      if (PLACEHOLDER.test(hint)) findings.push({ exercise: e.slug, file: metaFile, field: `hints[${i}]`, message: 'still a placeholder (contains TODO)' });
      if (e.meta.hints.indexOf(hint) !== i) findings.push({ exercise: e.slug, file: metaFile, field: `hints[${i}]`, message: 'repeats an earlier hint' });
    });
    if (e.files.wrong.length < MIN_KNOWN_WRONG) {
      findings.push({
        exercise: e.slug,
        file: rel(catalog, e.files.dir),
        field: 'wrong/',
        message: `keeps ${e.files.wrong.length} known-wrong solution${e.files.wrong.length === 1 ? '' : 's'}; write at least ${MIN_KNOWN_WRONG} plausible mistakes in wrong/<name>.patch that the tests must fail`,
      });
    }
    for (const file of e.files.wrong) {
      const source = readFileSync(file, 'utf8');
      if (!mistakeOf(source)) findings.push({ exercise: e.slug, file: rel(catalog, file), message: 'starts with no /** ... */ comment saying what mistake it makes' });
      if (TODO.test(source)) findings.push({ exercise: e.slug, file: rel(catalog, file), message: 'still has a "// TODO": a known-wrong solution is a finished, plausible answer' });
      const applied = knownWrongOrError(e, file);
      if (applied instanceof KnownWrongError) findings.push({ exercise: e.slug, file: rel(catalog, file), message: applied.reason });
    }
    for (const file of e.files.wrongDrafts) {
      const name = path.basename(file, '.ts');
      findings.push({ exercise: e.slug, file: rel(catalog, file), message: `a known-wrong solution is kept as a patch of solution.ts: run \`ticklab new ${e.slug} --wrong ${name}\` to turn this file into wrong/${name}.patch` });
    }
    // A test may pin only what the exercise text states: a right answer must not fail on a detail only a hint names.
    const text = headerText(starter);
    for (const a of textAssertions(test)) {
      const missing = unstated(a, text);
      if (missing) findings.push({ severity: 'warning', exercise: e.slug, file: `${rel(catalog, e.files.test)}:${a.line}`, message: `${a.matcher}(${a.source}) pins ${missing}: state it in the header comment of exercise.ts, or stop testing it` });
    }
    unique(`slug:${e.slug.toLowerCase()}`, rel(catalog, e.files.dir), 'slug', `the slug "${e.slug}"`, e.slug);
    unique(`title:${e.meta.title.toLowerCase()}`, metaFile, 'title', `the title "${e.meta.title}"`, e.slug);
    unique(`order:${e.meta.lesson}#${e.meta.order}`, metaFile, 'order', `order ${e.meta.order} in lesson ${e.meta.lesson}`, e.slug);
  }
  findings.push(...catalogCourseOrder(catalog));
  return findings;
}

/** A known-wrong patch applied, or why it cannot be. */
export function knownWrongOrError(e: Exercise, file: string): KnownWrong | KnownWrongError {
  try {
    return readKnownWrong(file, e.files.solution);
  } catch (error) {
    if (error instanceof KnownWrongError) return error;
    throw error;
  }
}
