/**
 * The sandbox's time limit is the student code's, measured fairly on a busy machine:
 * - the grader type-checks on its own thread while the sandbox runs; when that blocks the
 *   thread past the limit (a cold check on a loaded machine), the limit's timer fires late
 *   with the child's finished report already in the pipe: that run ended in time and must
 *   not be reported as a timeout;
 * - the clock starts when the child says it is up, before any student code runs: starting
 *   a process on a loaded machine can take seconds, and that is not the student's time;
 *   a child that never comes up is stopped and reported as such.
 */
import { describe, expect, it } from 'vitest';
import { runSandbox } from '../../../cli/grader/sandbox.ts';

/** A sandbox script that waits for the grader's start message, says it is up, then reports one passing test at once, as the harness would. */
const FINISHES_AT_ONCE = `
process.once('message', ({ nonce }) => {
  process.send({ nonce, type: 'started' });
  const result = { name: 'quick', status: 'pass', durationMs: 1 };
  process.send({ nonce, type: 'event', event: { type: 'test-start', name: 'quick' } });
  process.send({ nonce, type: 'event', event: { type: 'test-end', result } });
  process.send({ nonce, type: 'done', outcome: { tests: [result], problems: [] } }, undefined, {}, () => process.exit(0));
});
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
    const outcome = await runSandbox("process.once('message', ({ nonce }) => process.send({ nonce, type: 'started' })); setInterval(() => {}, 1000);", { timeLimitMs: 1_000, memoryLimitMb: 64 });
    expect(outcome.timedOut, 'reported as timed out').toBe(true);
    expect(outcome.problems[0]?.kind, 'problem').toBe('timeout');
  }, 30_000);

  it('counts from the moment the process is up: a slow start is not the student\'s time', async () => {
    // Busy for 1.5 s before it is up (a machine so loaded that starting takes that long),
    // then quick: within a 1 s limit, counted from "started".
    const slowStart = `const until = Date.now() + 1500; while (Date.now() < until) {}\n${FINISHES_AT_ONCE}`;
    const outcome = await runSandbox(slowStart, { timeLimitMs: 1_000, memoryLimitMb: 64 });
    expect(outcome.timedOut, 'reported as timed out').toBe(false);
    expect(outcome.tests.map((t) => `${t.name}: ${t.status}`), 'tests').toEqual(['quick: pass']);
  }, 30_000);

  it('stops a process that never comes up, and says that nothing was graded', async () => {
    const outcome = await runSandbox('setInterval(() => {}, 1000);', { timeLimitMs: 1_000, memoryLimitMb: 64, startupLimitMs: 1_500 });
    expect(outcome.timedOut, 'a time-out of the student\'s code').toBe(false);
    expect(outcome.problems.map((p) => `${p.kind}: ${p.message}`), 'problems').toEqual(['crash: the grading process did not start within 1.5 s (is the machine overloaded?); nothing was graded']);
  }, 30_000);
});
