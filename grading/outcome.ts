/**
 * What one run of a test bundle produced, wherever it ran (the CLI's Node sandbox, a
 * Web Worker in Chromium or on the course site), and how a run cut short is reported:
 * the tests that finished, and the one that was running as the time-out.
 */
import type { HarnessEvent } from './run-tests.ts';
import type { Problem, TestResult } from './result-schema.ts';

/** The result of running a bundle: its tests, its problems, what it printed. */
export interface RunOutcome {
  tests: TestResult[];
  problems: Problem[];
  output: string;
  timedOut: boolean;
}

/** The tests a run finished, and the one it was running, from its progress events. */
export function progressOf(events: readonly HarnessEvent[]): { finished: TestResult[]; running: string | undefined } {
  const finished = events.flatMap((e) => (e.type === 'test-end' ? [e.result] : []));
  const last = events.at(-1);
  return { finished, running: last?.type === 'test-start' ? last.name : undefined };
}

/** What a run stopped at the time limit reports: its finished tests, the running one as a timeout, and why. */
export function timedOutOutcome(events: readonly HarnessEvent[], timeLimitMs: number, output: string): RunOutcome {
  const { finished, running } = progressOf(events);
  const tests = [...finished];
  if (running) tests.push({ name: running, status: 'timeout', durationMs: timeLimitMs, message: `still running after ${timeLimitMs} ms: an endless loop?` });
  return {
    tests,
    problems: [
      {
        kind: 'timeout',
        message: `stopped after the time limit of ${timeLimitMs} ms${running ? ` while running "${running}"` : ' while loading the code (top-level code that never ends?)'}`,
      },
    ],
    output,
    timedOut: true,
  };
}
