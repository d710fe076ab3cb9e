/** Points from meta.json: weights, partial credit, all-or-nothing, and shares that add up. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, scoreResult, unknownWeights } from '../../../cli/report/points.ts';
import { exerciseMetaSchema } from '../../../content/schemas/exercise.ts';
import { result } from './synthetic.ts';

const rules = (over: Partial<typeof DEFAULT_RULES>) => ({ ...DEFAULT_RULES, ...over });

describe('scoreResult', () => {
  it('gives a passing exercise its points, and a failing one the weighted share of its passing tests', () => {
    const r = rules({ points: 4, testWeights: { 'sum > adds': 3 } });
    expect(scoreResult(result('sum', 'ada', [['sum > empty', 'pass'], ['sum > adds', 'pass']]), r).score).toBe(4);
    const partial = scoreResult(result('sum', 'bo', [['sum > empty', 'pass'], ['sum > adds', 'fail', 'expected 3 to be 300']]), r);
    expect(partial.score).toBe(1);
    expect(partial.tests.map((t) => [t.weight, t.max, t.score])).toEqual([
      [1, 1, 1],
      [3, 3, 0],
    ]);
  });

  it('gives nothing to an all-or-nothing exercise that does not pass, whatever passed', () => {
    const r = rules({ points: 2, allOrNothing: true });
    const s = scoreResult(result('x', 'a', [['t1', 'pass'], ['t2', 'pass'], ['t3', 'fail']]), r);
    expect(s.score).toBe(0);
    expect(s.tests.every((t) => t.score === 0)).toBe(true);
    expect(scoreResult(result('x', 'a', [['t1', 'pass'], ['t2', 'pass']]), r).score).toBe(2);
  });

  it('counts skipped tests on neither side, and nothing for an exercise with no test results', () => {
    expect(scoreResult(result('x', 'a', [['t1', 'pass'], ['t2', 'skip'], ['t3', 'fail']]), rules({ points: 10 })).score).toBe(5);
    expect(scoreResult(result('x', 'a', [], [{ kind: 'missing', message: 'no file' }]), rules({ points: 3 }))).toEqual({ score: 0, max: 3, tests: [] });
  });

  it('rounds shares so that they add up to the points exactly (three tests of one point)', () => {
    const s = scoreResult(result('x', 'a', [['t1', 'pass'], ['t2', 'pass'], ['t3', 'pass']]), rules({ points: 1 }));
    expect(s.tests.map((t) => t.max)).toEqual([0.3333, 0.3333, 0.3334]);
    expect(s.tests.reduce((sum, t) => sum + t.score, 0)).toBeCloseTo(1, 10);
  });

  it('names weights that match no test (a typo in meta.json)', () => {
    expect(unknownWeights(rules({ testWeights: { 'sum > adds': 2, 'sum > add': 1 } }), [result('sum', 'a', [['sum > adds', 'pass']])])).toEqual(['sum > add']);
  });
});

describe('meta.json fields', () => {
  const base = { title: 'Sum', summary: 'Add up some prices.', lesson: 'basics/ticks', order: 1, difficulty: 'intro', minutes: 5, hints: ['Start from zero, then add.'] };

  it('default to one point, no weights, partial credit', () => {
    expect(exerciseMetaSchema.parse(base)).toMatchObject({ points: 1, testWeights: {}, allOrNothing: false });
  });

  it('refuse a weight that is not positive, naming the field', () => {
    const parsed = exerciseMetaSchema.safeParse({ ...base, testWeights: { 'sum > adds': 0 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['testWeights', 'sum > adds']);
  });
});
