/**
 * The inside of a Node grading sandbox: bundled together with one exercise's tests and
 * the student's file into a single script, run by `cli/grader/sandbox.ts` in a child
 * process that may read nothing but that script (Node's permission model).
 * It reports progress and the outcome over the IPC channel.
 */
import { runTestModule, type HarnessEvent, type HarnessOutcome } from '../../grading/run-tests.ts';
import type { Problem } from '../../grading/result-schema.ts';

/**
 * Messages from the sandbox to the grader: `started` once the process is up, before any of
 * the student's code has run (the time limit counts from there), the harness's progress
 * events, and `done` with the outcome.
 */
export type SandboxMessage = { type: 'started' } | HarnessEvent | { type: 'done'; outcome: HarnessOutcome };

export async function runInSandbox(importTests: () => Promise<unknown>, testTimeoutMs: number): Promise<void> {
  // Keep the channel to ourselves: student code runs in this process, and should not
  // find a ready-made way to post a result of its own.
  const send = process.send?.bind(process);
  if (!send) throw new Error('the grading sandbox must be started by the grader (no IPC channel)');
  process.send = undefined;
  // Nothing of the student's has run yet: the tests module, and the code it imports, load
  // inside runTestModule. Starting a process on a busy machine is the grader's time.
  send({ type: 'started' } satisfies SandboxMessage);

  const late: Problem[] = [];
  const lateError = (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    late.push({ kind: 'runtime', message: `uncaught outside a test: ${message}` });
  };
  process.on('uncaughtException', lateError);
  process.on('unhandledRejection', lateError);

  const outcome = await runTestModule({ importTests, testTimeoutMs, onEvent: (event) => send(event) });
  outcome.problems.push(...late);
  const done: SandboxMessage = { type: 'done', outcome };
  // Exit once the message is out: timers or workers the student left running must not keep us alive.
  send(done, undefined, {}, () => process.exit(0));
}
