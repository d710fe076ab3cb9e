/**
 * A run's phases as the student sees them happen: bundling the code, type-checking it
 * and running the tests (those two side by side, as `ticklab grade` does), each pending,
 * active, done, failed or skipped, and the test running now. Pure: a board of states
 * changed by the runner's phases and the harness's events, and its words.
 */
import type { HarnessEvent } from '../../../grading/run-tests.ts';
import type { RunPhase, StepState } from '../../lib/runner/protocol.ts';
import { escapeHtml } from '../../lib/inline.ts';

export interface PhaseBoard {
  bundle: StepState;
  typecheck: StepState;
  tests: StepState;
  /** Tests finished so far. */
  done: number;
  /** Of those, the ones that failed or timed out. */
  failed: number;
  /** How many tests there are, when known (the last run's count). */
  total?: number;
  /** The test running now. */
  current?: string;
}

export function startBoard(total?: number): PhaseBoard {
  return { bundle: 'pending', typecheck: 'pending', tests: 'pending', done: 0, failed: 0, ...(total ? { total } : {}) };
}

/** The board after a phase from the runner. A failed bundle skips the rest. */
export function applyPhase(board: PhaseBoard, phase: RunPhase): PhaseBoard {
  const next: PhaseBoard = { ...board, [phase.step]: phase.state };
  if (phase.step === 'bundle' && phase.state === 'failed') return { ...next, typecheck: 'skipped', tests: 'skipped' };
  if (phase.step === 'tests' && phase.state !== 'active') delete next.current;
  return next;
}

/** The board after a harness event: the test that started, or one more finished. */
export function applyTestEvent(board: PhaseBoard, event: HarnessEvent): PhaseBoard {
  if (event.type === 'test-start') return { ...board, tests: 'active', current: event.name };
  if (event.result.status === 'skip') return board;
  const done = board.done + 1;
  const failed = board.failed + (event.result.status === 'pass' ? 0 : 1);
  return { ...board, done, failed, ...(board.total !== undefined && done > board.total ? { total: done } : {}) };
}

const testsCount = (b: PhaseBoard) => (b.total ? `${b.done} of ${b.total}` : `${b.done}`);

/** The status line while a run goes on. */
export function boardText(b: PhaseBoard): string {
  if (b.bundle === 'active' || b.bundle === 'pending') return 'Bundling your code…';
  if (b.tests === 'active' && b.current) return `Running: ${b.current}`;
  if (b.tests === 'active') return b.total ? `Loading the ${b.total} tests…` : 'Loading the tests…';
  // The tests' tally as soon as they are over: a cold type-check can take seconds more.
  if (b.typecheck === 'active') return `The tests are over: ${b.failed === 0 ? `all ${b.done} passed` : `${b.failed} of ${b.done} failed`}. Type-checking for the verdict…`;
  return 'Putting the results together…';
}

const WORD: Record<StepState, string> = { pending: 'waiting', active: 'now', done: 'done', failed: 'found problems', skipped: 'skipped' };

/** The list of phases under the status line. */
export function boardHtml(b: PhaseBoard): string {
  const tests =
    b.tests === 'active'
      ? `Running ${b.total ? `${b.total} tests` : 'the tests'}: ${testsCount(b)} done${b.current ? `, now ${escapeHtml(b.current)}` : ''}`
      : `Running ${b.total ? `${b.total} tests` : 'the tests'}${b.tests === 'pending' || b.tests === 'skipped' ? '' : `: ${b.done} ran`}`;
  const item = (state: StepState, text: string) => `<li data-state="${state}">${text} <span class="phase-state">(${WORD[state]})</span></li>`;
  return [item(b.bundle, 'Bundling'), item(b.typecheck, 'Type-checking'), item(b.tests, tests)].join('');
}
