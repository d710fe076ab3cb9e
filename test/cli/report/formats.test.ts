/**
 * The platform formats, in-process on synthetic results: Gradescope's results.json against
 * a schema written from Gradescope's autograder specification, GitHub Classroom's payload
 * decoded and totalled the way its grading reporter does, and TAP 14 read by a checker.
 */
import { describe, expect, it } from 'vitest';
import { classroomPayload, toClassroom } from '../../../cli/report/classroom.ts';
import { toGradescope } from '../../../cli/report/gradescope.ts';
import { DEFAULT_RULES, type ScoringRules } from '../../../cli/report/points.ts';
import { toTap } from '../../../cli/report/tap.ts';
import { result } from './synthetic.ts';
import { gradescopeSchema, readAsReporter } from './platforms.ts';
import { parseTap } from './tap-check.ts';

const rules = new Map<string, ScoringRules>([
  ['sum', { ...DEFAULT_RULES, points: 4, testWeights: { 'sum > adds': 3 } }],
  ['mid', { ...DEFAULT_RULES, points: 2, allOrNothing: true }],
]);

const bo = [
  result('sum', 'bo', [['sum > empty', 'pass'], ['sum > adds', 'fail', 'expected 3 to be 300 // Object.is equality\n\n- Expected\n+ Received']]),
  result('mid', 'bo', [], [{ kind: 'missing', message: 'no file bo/mid/exercise.ts', file: 'bo/mid/exercise.ts' }]),
  result('pool', 'bo', [['pool > reuses', 'pass'], ['pool > # of leases', 'skip']], [{ kind: 'quota', message: 'a kind this version has never heard of' }]),
];

describe('Gradescope results.json', () => {
  it('fits the specification and scores by the meta.json rules', () => {
    const out = gradescopeSchema.parse(toGradescope(bo, rules));
    expect(out.score).toBe(1 + 0 + 1);
    expect(out.max_score).toBe(4 + 2 + 1);
    expect(out.tests!.map((t) => [t.name, t.score, t.max_score, t.status])).toEqual([
      ['sum > sum > empty', 1, 1, 'passed'],
      ['sum > sum > adds', 0, 3, 'failed'],
      ['mid', 0, 2, 'failed'],
      ['pool > pool > reuses', 1, 1, 'passed'],
      ['pool > problems', 0, 0, 'failed'],
    ]);
    expect(out.tests![2]!.output).toBe('missing at bo/mid/exercise.ts: no file bo/mid/exercise.ts');
    expect(out.tests![4]!.output).toMatch(/^quota: a kind this version has never heard of/);
    expect(out.tests!.reduce((s, t) => s + (t.score ?? 0), 0)).toBe(out.score);
  });

  it('refuses several students: Gradescope grades one submission', () => {
    expect(() => toGradescope([...bo, result('sum', 'ada', [['sum > empty', 'pass']])], rules)).toThrow(/one submission's results, and these are 2 students'/);
  });
});

describe('GitHub Classroom payload', () => {
  it('decodes as the reporter decodes it, and its total is the points', () => {
    const read = readAsReporter(classroomPayload(bo, rules));
    expect(read.results).toEqual(toClassroom(bo, rules));
    expect(read.maxScore).toBe(7);
    expect(read.totalScore).toBe(2);
    expect(read.failed).toBe(true);
    expect(read.results.status).toBe('error');
    for (const t of read.results.tests) {
      expect(['pass', 'fail', 'error']).toContain(t.status);
      expect(typeof t.name).toBe('string');
      expect(t.score).toBeGreaterThanOrEqual(0);
    }
    // Skipped tests are not reported: the reporter would count them as failures.
    expect(read.results.tests.map((t) => t.name)).not.toContain('pool > pool > # of leases');
  });

  it('says pass when everything passed, fail when a test failed', () => {
    expect(toClassroom([result('sum', undefined, [['sum > empty', 'pass'], ['sum > adds', 'pass']])], rules).status).toBe('pass');
    expect(toClassroom([bo[0]!], rules).status).toBe('fail');
  });
});

describe('TAP 14', () => {
  it('reads back as TAP: a point per exercise, its tests as a subtest, diagnostics in YAML', () => {
    const points = parseTap(toTap(bo, rules));
    expect(points.map((p) => [p.ok, p.description])).toEqual([
      [false, 'bo/sum'],
      [false, 'bo/mid'],
      [false, 'bo/pool'],
    ]);
    expect(points[0]!.subtests.map((s) => [s.ok, s.description])).toEqual([
      [true, 'sum > empty'],
      [false, 'sum > adds'],
    ]);
    expect(points[0]!.subtests[1]!.diagnostic).toMatchObject({ message: expect.stringMatching(/^expected 3 to be 300/), score: 0, max_score: 3 });
    expect(points[0]!.diagnostic).toEqual({ status: 'fail', score: 1, max_score: 4 });
    expect(points[1]!.subtests).toEqual([]);
    expect(points[1]!.diagnostic).toMatchObject({ status: 'error', score: 0, max_score: 2, problems: expect.stringContaining('no file bo/mid/exercise.ts') });
    // "#" in a name is escaped so that it does not start a directive; a skipped test says SKIP.
    expect(points[2]!.subtests[1]).toMatchObject({ ok: true, description: 'pool > \\# of leases', directive: 'SKIP' });
  });

  it('says ok for a passing exercise and writes no diagnostic for it', () => {
    const points = parseTap(toTap([result('sum', undefined, [['sum > empty', 'pass'], ['sum > adds', 'pass']])], rules));
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ ok: true, description: 'sum' });
    expect(points[0]!.diagnostic).toBeUndefined();
  });
});
