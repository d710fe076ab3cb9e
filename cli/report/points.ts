/**
 * Points for a result, worked out at report time from the exercise's meta.json (`points`,
 * `testWeights`, `allOrNothing`), so that every format (Gradescope, GitHub Classroom, TAP,
 * `ticklab report`) gives the same score for the same result.
 *
 * The rule: a passing exercise earns its points; an all-or-nothing exercise that does not
 * pass earns nothing; any other earns points x (weight of its tests that passed / weight of
 * all its tests). Skipped tests count on neither side. An exercise with no test results
 * (missing file, syntax error, time-out before the first test) earns nothing.
 */
import type { ExerciseMeta } from '../../content/schemas/exercise.ts';
import type { TestResult } from '../../grading/result-schema.ts';
import type { ResultLike } from './result-like.ts';

/** How one exercise is scored: the three meta.json fields, with their defaults. */
export interface ScoringRules {
  points: number;
  testWeights: Readonly<Record<string, number>>;
  allOrNothing: boolean;
}

export const DEFAULT_RULES: ScoringRules = { points: 1, testWeights: {}, allOrNothing: false };

/** Scoring rules by exercise slug; an exercise not in it is scored by DEFAULT_RULES. */
export type RulesBySlug = ReadonlyMap<string, ScoringRules>;

export function rulesFromMeta(meta: Pick<ExerciseMeta, 'points' | 'testWeights' | 'allOrNothing'>): ScoringRules {
  return { points: meta.points, testWeights: meta.testWeights, allOrNothing: meta.allOrNothing };
}

export function rulesFor(rules: RulesBySlug | undefined, slug: string): ScoringRules {
  return rules?.get(slug) ?? DEFAULT_RULES;
}

/** One test's share of its exercise's points. */
export interface TestScore {
  name: string;
  status: TestResult['status'];
  weight: number;
  /** The test's share of the exercise's points. */
  max: number;
  score: number;
}

export interface ExerciseScore {
  score: number;
  max: number;
  tests: TestScore[];
}

/** Four decimals: enough for any gradebook, and no 0.30000000000000004 in a report. */
export const round = (x: number): number => Math.round(x * 1e4) / 1e4;

export function scoreResult(result: ResultLike, rules: ScoringRules): ExerciseScore {
  const weightOf = (t: TestResult) => (t.status === 'skip' ? 0 : (rules.testWeights[t.name] ?? 1));
  const total = result.tests.reduce((sum, t) => sum + weightOf(t), 0);
  // Each test's share, rounded, with the rounding's remainder on the last counted test, so
  // that the shares add up to the exercise's points exactly (GitHub Classroom adds them up).
  const maxes = result.tests.map((t) => (total === 0 ? 0 : round((rules.points * weightOf(t)) / total)));
  const last = result.tests.map(weightOf).findLastIndex((w) => w > 0);
  if (last >= 0) maxes[last] = round(rules.points - maxes.reduce((sum, m, i) => (i === last ? sum : sum + m), 0));
  // Under all-or-nothing a passing test is worth something only if the exercise passes.
  const counts = result.status === 'pass' || !rules.allOrNothing;
  const tests = result.tests.map((t, i) => ({ name: t.name, status: t.status, weight: weightOf(t), max: maxes[i]!, score: counts && t.status === 'pass' ? maxes[i]! : 0 }));
  const score = result.status === 'pass' ? rules.points : round(tests.reduce((sum, t) => sum + t.score, 0));
  return { score, max: rules.points, tests };
}

/** Weight names that match no test of the exercise: a typo in meta.json, worth a warning. */
export function unknownWeights(rules: ScoringRules, results: readonly ResultLike[]): string[] {
  const seen = new Set(results.flatMap((r) => r.tests.map((t) => t.name)));
  return seen.size === 0 ? [] : Object.keys(rules.testWeights).filter((name) => !seen.has(name));
}
