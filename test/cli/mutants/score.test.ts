/** The mutation score: killed over counted, equivalent marks left out and required to match a survivor. */
import { describe, expect, it } from 'vitest';
import { killedOnlyByRacyTests, type MutantOutcome, type MutantStatus } from '../../../cli/mutants/outcome.ts';
import { describeMutant, scoreMutants } from '../../../cli/mutants/score.ts';

const mutant = (line: number, mutator: string, status: MutantStatus, replacement = 'true'): MutantOutcome => ({
  mutator,
  replacement,
  start: { line, column: 7 },
  end: { line, column: 12 },
  status,
});

describe('scoreMutants', () => {
  const run = [mutant(1, 'ConditionalExpression', 'killed'), mutant(2, 'EqualityOperator', 'timeout'), mutant(3, 'EqualityOperator', 'survived', 'a <= b'), mutant(4, 'BlockStatement', 'no-coverage', '{}'), mutant(5, 'StringLiteral', 'invalid')];

  it('counts killed and timed-out mutants as caught, survivors and uncovered ones as not, invalid ones not at all', () => {
    const s = scoreMutants(run, []);
    expect({ score: s.score, killed: s.killed, counted: s.counted, invalid: s.invalid, equivalent: s.equivalent }).toEqual({ score: 50, killed: 2, counted: 4, invalid: 1, equivalent: 0 });
    expect(s.survivors.map((m) => m.start.line)).toEqual([3, 4]);
  });

  it('leaves out a survivor marked equivalent by line, operator and replacement', () => {
    const s = scoreMutants(run, [{ line: 3, mutator: 'EqualityOperator', replacement: 'a <= b', why: 'a equal to b gives the same value either way' }]);
    expect({ score: s.score, counted: s.counted, equivalent: s.equivalent, stale: s.staleMarks }).toEqual({ score: (100 * 2) / 3, counted: 3, equivalent: 1, stale: [] });
  });

  it('reports a mark that matches no surviving mutant (a killed one, another replacement, another line)', () => {
    const why = 'a sentence long enough to be one';
    const s = scoreMutants(run, [
      { line: 1, mutator: 'ConditionalExpression', why },
      { line: 3, mutator: 'EqualityOperator', replacement: 'a >= b', why },
      { line: 9, mutator: 'BlockStatement', why },
    ]);
    expect(s.staleMarks).toEqual([0, 1, 2]);
    expect(s.score).toBe(50);
  });

  it('scores 100 when nothing can be killed', () => expect(scoreMutants([mutant(1, 'StringLiteral', 'invalid')], []).score).toBe(100));
});

describe('describeMutant', () => {
  it('shows the line before and after, with the operator', () => {
    const source = 'export function min(a: number, b: number) {\n  return a < b ? a : b;\n}\n';
    const m: MutantOutcome = { mutator: 'EqualityOperator', replacement: 'a <= b', start: { line: 2, column: 10 }, end: { line: 2, column: 15 }, status: 'survived' };
    expect(describeMutant(source, m)).toEqual(['line 2 (EqualityOperator)', '- return a < b ? a : b;', '+ return a <= b ? a : b;']);
  });
});

describe('killedOnlyByRacyTests', () => {
  const racy = ['two threads > delivers 50,000 values'];
  it('is true when every killing test races threads, whether or not the file suite is in the name', () => {
    expect(killedOnlyByRacyTests(['exercises/x/exercise.test.ts#two threads delivers 50,000 values'], racy)).toBe(true);
    expect(killedOnlyByRacyTests(['exercises/x/exercise.test.ts#exercises/x/exercise.test.ts two threads delivers 50,000 values'], racy)).toBe(true);
  });
  it('is false when a deterministic test kills it too, or nothing is racy, or nothing killed it', () => {
    expect(killedOnlyByRacyTests(['exercises/x/exercise.test.ts#two threads delivers 50,000 values', 'exercises/x/exercise.test.ts#one thread push fills the slot'], racy)).toBe(false);
    expect(killedOnlyByRacyTests(['exercises/x/exercise.test.ts#two threads delivers 50,000 values'], [])).toBe(false);
    expect(killedOnlyByRacyTests([], racy)).toBe(false);
  });
});
