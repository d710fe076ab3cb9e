/**
 * The grader type-checks on its own thread while the sandbox runs. When that blocks the
 * thread past the time limit (a cold check on a loaded machine), the limit's timer fires
 * late with the child's finished report already in the pipe: that run ended in time and
 * must not be reported as a timeout.
 */
import { describe, expect, it } from 'vitest';
import { runSandbox } from '../../../cli/grader/sandbox.ts';

/** A sandbox script that reports one passing test at once, as the harness would. */
const FINISHES_AT_ONCE = `
process.send({ type: 'done', outcome: { tests: [{ name: 'quick', status: 'pass', durationMs: 1 }], problems: [] } }, undefined, {}, () => process.exit(0));
`;

/** Blocks this thread, as a long synchronous type-check does. */
function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: no timer, no I/O callback runs meanwhile
  }
}

describe('the sandbox time limit', () => {
  it('a run that finished while the grader was busy past the limit is a pass, not a timeout', async () => {
    const running = runSandbox(FINISHES_AT_ONCE, { timeLimitMs: 1_000, memoryLimitMb: 64 });
    block(6_000); // the child starts, reports and exits meanwhile; the 1 s timer is overdue
    const outcome = await running;
    expect(outcome.timedOut, 'reported as timed out').toBe(false);
    expect(outcome.problems, 'problems').toEqual([]);
    expect(outcome.tests.map((t) => `${t.name}: ${t.status}`), 'tests').toEqual(['quick: pass']);
  }, 30_000);

  it('a run that is still going at the limit is still stopped and reported as a timeout', async () => {
    const outcome = await runSandbox('setInterval(() => {}, 1000);', { timeLimitMs: 1_000, memoryLimitMb: 64 });
    expect(outcome.timedOut, 'reported as timed out').toBe(true);
    expect(outcome.problems[0]?.kind, 'problem').toBe('timeout');
  }, 30_000);
});
