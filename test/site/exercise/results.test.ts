/** The results' counts agree with skipped tests: "All 9 tests pass" never stands above "9 of 11 passed". */
import { describe, expect, it } from 'vitest';
import type { ExerciseResult } from '../../../grading/result-schema.ts';
import { resultsHtml, skippedSentence, summary } from '../../../site/components/exercise/results.ts';

const test = (name: string, status: 'pass' | 'fail' | 'skip') => ({ name, status, durationMs: 1 });
const nine = Array.from({ length: 9 }, (_, i) => test(`one thread > rule ${i}`, 'pass'));
const nodeOnly = [test('two threads (Node only) > a', 'skip'), test('two threads (Node only) > b', 'skip')];
const result = (tests: ExerciseResult['tests'], status: ExerciseResult['status'] = 'pass'): ExerciseResult => ({ exercise: 'x', status, durationMs: 3, tests, problems: [] });

describe('skipped tests in the page', () => {
  it('says that Node-only tests run in `ticklab grade`, in the verdict and under the counts', () => {
    const r = result([...nine, ...nodeOnly]);
    expect(summary(r, 1000)).toBe('All 9 tests pass. 2 tests run only in Node; `ticklab grade` runs them.');
    const html = resultsHtml(r, { codeLabel: 'exercises/x/exercise.ts' });
    expect(html, 'the counts').toContain('<h4>Tests: 9 of 9 passed</h4><p class="skipped">2 tests run only in Node; <code>ticklab grade</code> runs them.</p>');
  });

  it('names other skipped tests as skipped in this browser, singular when one', () => {
    expect(skippedSentence([test('zero copy > simd', 'skip')])).toBe('1 test was skipped in this browser; `ticklab grade` runs it.');
    expect(summary(result([test('a', 'fail'), test('b', 'pass'), test('zero copy > simd', 'skip')], 'fail'), 1000)).toBe(
      '1 of 2 tests failed. 1 test was skipped in this browser; `ticklab grade` runs it.',
    );
  });

  it('says nothing of skipping when no test was skipped', () => {
    expect(summary(result(nine), 1000)).toBe('All 9 tests pass.');
    expect(resultsHtml(result(nine), { codeLabel: 'exercises/x/exercise.ts' })).not.toContain('skipped');
  });
});
