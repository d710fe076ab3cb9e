/**
 * What the class got wrong, from its results: pass rate per exercise, failure rate per test,
 * the commonest first failure (grouped by normalised message), problems by kind, and each
 * student's grid of verdicts and points. Deterministic: the same results in any order (one
 * run, or shards merged) give the same report; durations and dates are left out for that.
 */
import { normaliseMessage } from './normalise.ts';
import { rulesFor, round, scoreResult, type RulesBySlug } from './points.ts';
import type { ResultLike } from './result-like.ts';

/** A cell of the students x exercises grid: a result's status, `missing` (no file handed in) or `none` (not graded). */
export type CellStatus = 'pass' | 'fail' | 'error' | 'timeout' | 'missing' | 'none';

export interface ExerciseSummary {
  exercise: string;
  points: number;
  graded: number;
  pass: number;
  fail: number;
  error: number;
  timeout: number;
  missing: number;
  /** Share of graded results that pass, 0 to 1. */
  passRate: number;
  /** Mean points per graded result. */
  meanScore: number;
}

export interface TestSummary {
  exercise: string;
  test: string;
  runs: number;
  /** Runs that failed or timed out. */
  failures: number;
  failureRate: number;
}

export interface MessageGroup {
  exercise: string;
  /** The first failing test's name, or "[kind]" for a problem before the tests. */
  test: string;
  pattern: string;
  count: number;
  /** One message of the group as it was (first line, the student's name replaced). */
  example: string;
}

export interface ProblemKindSummary {
  kind: string;
  /** Results with at least one problem of this kind. */
  count: number;
  byExercise: Record<string, number>;
}

export interface GridRow {
  student: string;
  score: number;
  max: number;
  cells: { exercise: string; status: CellStatus; score: number }[];
}

export interface ClassAnalysis {
  students: string[];
  exercises: ExerciseSummary[];
  tests: TestSummary[];
  messages: MessageGroup[];
  problems: ProblemKindSummary[];
  grid: GridRow[];
  totals: { results: number; pass: number; fail: number; error: number; timeout: number };
}

export interface AnalyseOptions {
  rules?: RulesBySlug;
  /** Exercise slugs in course order; exercises not in it follow, sorted. */
  order?: readonly string[];
  /** How many message groups to keep (the commonest). */
  topMessages?: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The problem kinds the grader knows, in the order a reader expects; kinds added later follow, sorted. */
const KIND_ORDER = ['missing', 'syntax', 'type', 'import', 'load', 'runtime', 'timeout', 'memory', 'crash', 'no-tests'];

export function cellStatus(r: ResultLike): CellStatus {
  return r.problems.some((p) => p.kind === 'missing') ? 'missing' : r.status;
}

/** The first thing that went wrong in a result that did not pass, as (test, message). */
function firstFailure(r: ResultLike): { test: string; message: string } | undefined {
  const test = r.tests.find((t) => t.status === 'fail' || t.status === 'timeout');
  if (test) return { test: test.name, message: test.message ?? (test.status === 'timeout' ? 'stopped at the time limit' : 'failed') };
  const problem = r.problems[0];
  if (problem) return { test: `[${problem.kind}]`, message: `${problem.kind}: ${problem.message}` };
  return r.status === 'pass' ? undefined : { test: '[no test passed]', message: `${r.status}: no test passed` };
}

export function analyse(input: readonly ResultLike[], options: AnalyseOptions = {}): ClassAnalysis {
  const place = new Map((options.order ?? []).map((slug, i) => [slug, i]));
  const exerciseOrder = (a: string, b: string) => (place.get(a) ?? Infinity) - (place.get(b) ?? Infinity) || byText(a, b);
  const results = [...input].sort((a, b) => byText(a.student ?? '', b.student ?? '') || exerciseOrder(a.exercise, b.exercise));
  const slugs = [...new Set(results.map((r) => r.exercise))].sort(exerciseOrder);
  const students = [...new Set(results.map((r) => r.student ?? ''))].sort(byText);

  const exercises = new Map<string, ExerciseSummary>();
  const tests = new Map<string, TestSummary>();
  const messages = new Map<string, MessageGroup>();
  const kinds = new Map<string, ProblemKindSummary>();
  const rows = new Map<string, GridRow>(students.map((s) => [s, { student: s, score: 0, max: 0, cells: [] }]));
  const totals = { results: results.length, pass: 0, fail: 0, error: 0, timeout: 0 };

  for (const slug of slugs) {
    const points = rulesFor(options.rules, slug).points;
    exercises.set(slug, { exercise: slug, points, graded: 0, pass: 0, fail: 0, error: 0, timeout: 0, missing: 0, passRate: 0, meanScore: 0 });
  }
  for (const r of results) {
    const summary = exercises.get(r.exercise)!;
    const status = cellStatus(r);
    const score = scoreResult(r, rulesFor(options.rules, r.exercise)).score;
    summary.graded += 1;
    summary[r.status] += 1;
    if (status === 'missing') summary.missing += 1;
    summary.meanScore += score;
    totals[r.status] += 1;
    const row = rows.get(r.student ?? '')!;
    row.cells.push({ exercise: r.exercise, status, score });
    row.score += score;

    for (const t of r.tests) {
      if (t.status === 'skip') continue;
      const k = `${r.exercise}\u0000${t.name}`;
      const entry = tests.get(k) ?? { exercise: r.exercise, test: t.name, runs: 0, failures: 0, failureRate: 0 };
      entry.runs += 1;
      if (t.status !== 'pass') entry.failures += 1;
      tests.set(k, entry);
    }

    const seen = new Set<string>();
    for (const p of r.problems) if (!seen.has(p.kind)) seen.add(p.kind);
    // A test that hit the time limit is a time-out even when no problem says so.
    if (r.status === 'timeout') seen.add('timeout');
    for (const kind of seen) {
      const entry = kinds.get(kind) ?? { kind, count: 0, byExercise: {} };
      entry.count += 1;
      entry.byExercise[r.exercise] = (entry.byExercise[r.exercise] ?? 0) + 1;
      kinds.set(kind, entry);
    }

    const failure = firstFailure(r);
    if (failure) {
      const pattern = normaliseMessage(failure.message, r.student);
      const k = `${r.exercise}\u0000${failure.test}\u0000${pattern}`;
      const group = messages.get(k) ?? { exercise: r.exercise, test: failure.test, pattern, count: 0, example: normaliseExample(failure.message, r.student) };
      group.count += 1;
      messages.set(k, group);
    }
  }

  for (const summary of exercises.values()) {
    summary.passRate = summary.graded ? round(summary.pass / summary.graded) : 0;
    summary.meanScore = summary.graded ? round(summary.meanScore / summary.graded) : 0;
  }
  for (const entry of tests.values()) entry.failureRate = entry.runs ? round(entry.failures / entry.runs) : 0;
  const grid = [...rows.values()].map((row) => {
    const cells = slugs.map((slug) => row.cells.find((c) => c.exercise === slug) ?? { exercise: slug, status: 'none' as const, score: 0 });
    const max = cells.reduce((sum, c) => sum + (c.status === 'none' ? 0 : exercises.get(c.exercise)!.points), 0);
    return { student: row.student, score: round(row.score), max: round(max), cells };
  });
  const kindPlace = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);

  return {
    students,
    exercises: [...exercises.values()],
    tests: [...tests.values()].sort((a, b) => b.failureRate - a.failureRate || exerciseOrder(a.exercise, b.exercise) || byText(a.test, b.test)),
    messages: [...messages.values()]
      .sort((a, b) => b.count - a.count || exerciseOrder(a.exercise, b.exercise) || byText(a.test, b.test) || byText(a.pattern, b.pattern))
      .slice(0, options.topMessages ?? 20),
    problems: [...kinds.values()].sort((a, b) => kindPlace(a.kind) - kindPlace(b.kind) || byText(a.kind, b.kind)),
    grid,
    totals,
  };
}

/** A message's first line, with the student's name replaced (the example shown beside a group). */
function normaliseExample(message: string, student?: string): string {
  const line = message.replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim() !== '') ?? '';
  return (student ? line.split(student).join('<student>') : line).trim().slice(0, 300);
}
