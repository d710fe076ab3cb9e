/**
 * The trusted inside of a Node grading sandbox: bundled together with one exercise's
 * tests and the student's file into a single script, run by `cli/grader/sandbox.ts` in
 * a contained child process. By the time this runs, `grading/seal-now.ts` has locked the
 * realm down; the student's module will be evaluated in a Compartment without `process`,
 * so the IPC channel captured here is not a name it can reach.
 *
 * Protocol: the grader sends `{ type: 'start', nonce, mode }` first; every message back
 * carries that nonce (see grading/report-check.ts). `started` goes out before any of the
 * student's code has run (the time limit counts from there).
 *
 * The console is kept as the page keeps it (grading/console-capture.ts: formatted as Node
 * prints it, tagged with the running test, capped) and sent line by line, signed; it is
 * printed as well, so the run's raw output stays what it was.
 */
import { collectTestNames, runTestModule } from '../../grading/run-tests.ts';
import type { SignedMessage } from '../../grading/report-check.ts';
import type { Problem } from '../../grading/result-schema.ts';
import { CONSOLE_LEVELS, ConsoleCapture, type ConsoleEntry } from '../../grading/console-capture.ts';

/** What the grader sends first: the run's secret, and whether to run the tests or only list them. */
export interface StartMessage {
  type: 'start';
  nonce: string;
  mode: 'run' | 'collect';
}

/** Messages from the sandbox to the grader. */
export type SandboxMessage = SignedMessage | { nonce: string; type: 'started' } | { nonce: string; type: 'console'; entry: ConsoleEntry };

type Send = (message: SandboxMessage, handle?: undefined, options?: object, callback?: () => void) => boolean;

function waitForStart(): Promise<StartMessage> {
  return new Promise((resolve) => process.once('message', (m: StartMessage) => resolve(m)));
}

export async function runInSandbox(importTests: () => Promise<unknown>, testTimeoutMs: number): Promise<void> {
  const send = process.send?.bind(process) as Send | undefined;
  if (!send) throw new Error('the grading sandbox must be started by the grader (no IPC channel)');
  const { nonce, mode } = await waitForStart();
  const finish = (message: SandboxMessage) => send(message, undefined, {}, () => process.exit(0));

  if (mode === 'collect') {
    try {
      finish({ nonce, type: 'collected', names: await collectTestNames({ importTests, testTimeoutMs }) });
    } catch (error) {
      process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
      process.exit(2);
    }
    return;
  }

  // Before any student code: the console lines go to the grader too, each with its test.
  const capture = new ConsoleCapture((entry) => send({ nonce, type: 'console', entry }));
  for (const level of CONSOLE_LEVELS) {
    const print = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      capture.push(level, args);
      print(...args);
    };
  }
  send({ nonce, type: 'started' });
  const late: Problem[] = [];
  const lateError = (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    late.push({ kind: 'runtime', message: `uncaught outside a test: ${message}` });
  };
  process.on('uncaughtException', lateError);
  process.on('unhandledRejection', lateError);

  const outcome = await runTestModule({
    importTests,
    testTimeoutMs,
    onEvent: (event) => {
      capture.test = event.type === 'test-start' ? event.name : undefined; // output between tests belongs to none
      send({ nonce, type: 'event', event });
    },
  });
  outcome.problems.push(...late);
  // Exit once the message is out: timers or workers the student left running must not keep us alive.
  finish({ nonce, type: 'done', outcome });
}
