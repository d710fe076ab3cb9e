/** A run's phases in words: bundling, then type-checking beside the tests, with the test running now. */
import { describe, expect, it } from 'vitest';
import { consoleEntryHtml } from '../../../site/components/exercise/console-pane.ts';
import { applyPhase, applyTestEvent, boardHtml, boardText, startBoard } from '../../../site/components/exercise/phases.ts';

describe('the phases of a run', () => {
  it('go from bundling to the tests and the type-check side by side, then the type-check alone', () => {
    let b = startBoard(3);
    expect(boardText(b)).toBe('Bundling your code…');
    b = applyPhase(b, { step: 'bundle', state: 'active' });
    expect(boardHtml(b)).toBe('<li data-state="active">Bundling <span class="phase-state">(now)</span></li><li data-state="pending">Type-checking <span class="phase-state">(waiting)</span></li><li data-state="pending">Running 3 tests <span class="phase-state">(waiting)</span></li>');
    b = applyPhase(applyPhase(applyPhase(b, { step: 'bundle', state: 'done' }), { step: 'typecheck', state: 'active' }), { step: 'tests', state: 'active', done: 0 });
    expect(boardText(b)).toBe('Loading the 3 tests…');
    b = applyTestEvent(b, { type: 'test-start', name: 'cell > <reads>' });
    expect(boardText(b)).toBe('Running: cell > <reads>');
    expect(boardHtml(b)).toContain('Running 3 tests: 0 of 3 done, now cell &gt; &lt;reads&gt; <span class="phase-state">(now)</span>');
    b = applyTestEvent(b, { type: 'test-end', result: { name: 'cell > <reads>', status: 'pass', durationMs: 1 } });
    b = applyPhase(b, { step: 'tests', state: 'done' });
    expect(boardText(b), 'tests over, the type-check still going').toBe('The tests are over: all 1 passed. Type-checking for the verdict…');
    expect(boardHtml(b)).toContain('Running 3 tests: 1 ran <span class="phase-state">(done)</span>');
  });

  it('skip the type-check and the tests when bundling fails, and count past a stale total', () => {
    const failed = applyPhase(startBoard(), { step: 'bundle', state: 'failed' });
    expect([failed.typecheck, failed.tests]).toEqual(['skipped', 'skipped']);
    let b = startBoard(1);
    for (let i = 0; i < 2; i++) b = applyTestEvent(b, { type: 'test-end', result: { name: `t${i}`, status: i ? 'fail' : 'pass', durationMs: 1 } });
    b = applyTestEvent(b, { type: 'test-end', result: { name: 'node only', status: 'skip', durationMs: 0 } });
    expect(b.total, 'more tests than the last run had').toBe(2);
    expect(boardText(applyPhase(applyPhase(b, { step: 'bundle', state: 'done' }), { step: 'typecheck', state: 'active' }))).toBe('The tests are over: 1 of 2 failed. Type-checking for the verdict…');
  });
});

describe('a console line', () => {
  it('shows its level in words and its test, escaped, and the cut in bold', () => {
    expect(consoleEntryHtml({ level: 'warn', text: '<b>', test: 'a > b' })).toBe('<li data-level="warn"><span class="console-level">warn</span> <span class="console-test">in a &gt; b</span><pre>&lt;b&gt;</pre></li>');
    expect(consoleEntryHtml({ level: 'warn', text: 'output truncated: x', truncated: true })).toBe('<li data-level="warn" data-truncated="true"><strong>output truncated: x</strong></li>');
  });
});
