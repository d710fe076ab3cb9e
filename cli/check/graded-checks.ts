/**
 * The checks of `ticklab check` that read grades: the solution passes, the starting file
 * fails by its tests (not by the compiler), every known-wrong solution is caught by a
 * test, and not only by a test that races real threads.
 */
import path from 'node:path';
import type { Catalog, Exercise } from '../catalog.ts';
import type { ExerciseResult } from '../../grading/result-schema.ts';
import { where } from '../report/format.ts';
import type { CheckFinding } from './static-checks.ts';

/** What grading one exercise's files gave. */
export interface ExerciseGrades {
  starter: ExerciseResult;
  solution: ExerciseResult;
  /** Each known-wrong solution (path relative to the course root) with its grade. */
  wrong: { file: string; mistake: string; result: ExerciseResult }[];
}

/** The names of the tests that did not pass: the ones that catch a wrong solution. */
export function caughtBy(result: ExerciseResult): string[] {
  return result.tests.filter((t) => t.status === 'fail' || t.status === 'timeout').map((t) => t.name);
}

function rel(catalog: Catalog, file: string): string {
  return path.relative(catalog.root, file);
}

const describe = (r: ExerciseResult) =>
  r.problems.map((p) => `${p.kind}${where(p) ? ` at ${where(p)}` : ''}: ${p.message.split('\n')[0]}`).join('; ') ||
  r.tests.filter((t) => t.status !== 'pass').map((t) => `"${t.name}": ${(t.message ?? t.status).split('\n')[0]}`).slice(0, 3).join('; ');

/**
 * The tests that catch a wrong answer on every run: the failing ones, less those that race
 * real threads (`racyTests`), which a wrong answer may pass when the scheduler is kind.
 */
export function caughtDeterministically(result: ExerciseResult, racyTests: readonly string[]): string[] {
  return caughtBy(result).filter((name) => !racyTests.includes(name));
}

/** What grading an exercise's starting file, solution and known-wrong solutions says is wrong with it. */
export function gradeFindings(catalog: Catalog, e: Exercise, grades: ExerciseGrades): CheckFinding[] {
  const { starter, solution } = grades;
  const findings: CheckFinding[] = [];
  const metaFile = rel(catalog, e.files.meta);
  if (solution.status !== 'pass') {
    findings.push({ exercise: e.slug, file: rel(catalog, e.files.solution), message: `the solution does not pass its tests (${solution.status}): ${describe(solution)}` });
  }
  // A racy test named in meta.json must exist, or the check below would trust nothing.
  const names = new Set(solution.tests.map((t) => t.name));
  e.meta.racyTests.forEach((name, i) => {
    if (!names.has(name)) findings.push({ exercise: e.slug, file: metaFile, field: `racyTests[${i}]`, message: `names no test of ${path.basename(e.files.test)} ("${name}"); write the full name, "describe > it"` });
  });
  const onlyByLuck = (r: ExerciseResult) => r.status === 'fail' && e.meta.racyTests.length > 0 && caughtDeterministically(r, e.meta.racyTests).length === 0;
  if (onlyByLuck(starter)) {
    findings.push({ exercise: e.slug, file: rel(catalog, e.files.exercise), message: `the starting file is caught only by tests that race real threads (${caughtBy(starter).join('; ')}): on a kinder schedule it would pass; add a deterministic test` });
  }
  for (const w of grades.wrong) {
    if (onlyByLuck(w.result)) findings.push({ exercise: e.slug, file: w.file, message: `a known-wrong solution is caught only by tests that race real threads (${caughtBy(w.result).join('; ')}): on a kinder schedule it would pass (${w.mistake}); add a deterministic test` });
  }
  if (starter.status === 'pass') {
    findings.push({ exercise: e.slug, file: rel(catalog, e.files.exercise), message: 'the starting file already passes every test: the tests do not test the TODO' });
  } else if (starter.status !== 'fail') {
    findings.push({
      exercise: e.slug,
      file: rel(catalog, e.files.exercise),
      message: `the starting file must type-check, load and fail by its tests, but it gives ${starter.status}: ${describe(starter)}`,
    });
  }
  for (const w of grades.wrong) {
    // A known-wrong solution must be caught by a test, not by the compiler or a crash:
    // a plausible mistake type-checks, and a test that names the mistake teaches.
    if (w.result.status === 'pass') {
      findings.push({ exercise: e.slug, file: w.file, message: `a known-wrong solution passes every test (${w.mistake}): the tests miss this mistake` });
    } else if (w.result.status !== 'fail' && w.result.status !== 'timeout') {
      findings.push({ exercise: e.slug, file: w.file, message: `a known-wrong solution must type-check and load, then fail a test, but it gives ${w.result.status}: ${describe(w.result)}` });
    }
  }
  return findings;
}
