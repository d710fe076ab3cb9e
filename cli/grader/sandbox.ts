/**
 * Runs one bundled sandbox script in a contained child process (containment.ts:
 * bubblewrap namespaces and kernel limits where present, Node's permission model always)
 * with a heap limit and a wall-clock limit counted from the moment the child is up, and
 * reads its report as the trusted side (grading/report-check.ts): every message must
 * carry this run's nonce, the tests must be the test file's own, and a process that ends
 * without a clean `done` is an error whatever it printed. Whatever the graded code does,
 * the grader gets an outcome back, never a hang or a crash.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SandboxMessage, StartMessage } from './node-child.ts';
import { bundleFolder, containedCommand, containment, SANDBOX_DIR, type Containment } from './containment.ts';
import { progressOf, timedOutOutcome, type RunOutcome } from '../../grading/outcome.ts';
import { makeNonce, ReportReader } from '../../grading/report-check.ts';
import type { Problem, TestResult } from '../../grading/result-schema.ts';
import { DEFAULT_CONSOLE_LIMITS, type ConsoleEntry } from '../../grading/console-capture.ts';

export interface SandboxLimits {
  timeLimitMs: number;
  memoryLimitMb: number;
  /** Let the tests start worker threads (exercises graded across real workers). */
  allowWorkers?: boolean;
  /** How long the process may take to start, before the time limit's clock starts (default {@link STARTUP_LIMIT_MS}). */
  startupLimitMs?: number;
}

/** What to do in the sandbox: run the tests (checked against `expected`, the test file's own names), or only list them. */
export type SandboxMode = { mode: 'run'; expected?: readonly string[] } | { mode: 'collect' };

/** A run's outcome, and how it was contained. */
/** A run's outcome, how it was contained, and its console (signed lines from the child, node-child.ts). */
export type SandboxOutcome = RunOutcome & { containment: Containment; console?: ConsoleEntry[] };

const OUTPUT_LIMIT = 4096;
/** How long a grading process may take to start, by default, before the time limit's clock starts. */
export const STARTUP_LIMIT_MS = 60_000;
/** How long a process may take to exit after sending its report. */
const LINGER_MS = 3_000;
/** Memory allowed beyond the heap limit: code, wasm memory, typed arrays. */
const MEMORY_SLACK_MB = 256;

function tail(text: string): string {
  return text.length > OUTPUT_LIMIT ? `…${text.slice(-OUTPUT_LIMIT)}` : text;
}

async function residentMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0; // not Linux, or already gone
  }
}

/** Runs `code` (an ES module from `bundleForSandbox`) and collects its report. */
export async function runSandbox(code: string, limits: SandboxLimits, workers: Record<string, string> = {}, what: SandboxMode = { mode: 'run' }): Promise<SandboxOutcome> {
  // Synchronous up to the spawn, so that the child is running by the time this returns
  // its promise: the grader type-checks meanwhile.
  const dir = bundleFolder('ticklab-sandbox-', { ...workers, 'sandbox.mjs': code });
  const allowed = Object.keys(workers).length ? { ...limits, allowWorkers: true } : limits;
  try {
    return await runScript(dir, Object.keys(workers), allowed, what);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Node 20 and 22 call the permission model experimental; later versions renamed the flag. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';

function runScript(dir: string, workerFiles: string[], limits: SandboxLimits, what: SandboxMode): Promise<SandboxOutcome> {
  const kind = containment();
  // Inside bubblewrap the folder is mounted at /sandbox; without it, it is where it is.
  const root = kind === 'bubblewrap' ? SANDBOX_DIR : dir;
  const script = path.join(root, 'sandbox.mjs');
  const nodeArgs = [
    PERMISSION_FLAG,
    `--allow-fs-read=${script}`,
    ...workerFiles.map((name) => `--allow-fs-read=${path.join(root, name)}`),
    ...(limits.allowWorkers ? ['--allow-worker'] : []),
    `--max-old-space-size=${limits.memoryLimitMb}`,
    '--no-warnings',
    script,
  ];
  const memoryMb = limits.memoryLimitMb + MEMORY_SLACK_MB;
  const { command, args, uid, gid } = containedCommand(kind, dir, nodeArgs, memoryMb);
  // A clean environment: the graded code sees no variables of the grader's (tokens, paths).
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { NODE_ENV: 'test' },
    ...(uid !== undefined ? { uid, gid } : {}),
  });
  const nonce = makeNonce();
  const reader = new ReportReader(nonce);

  let output = '';
  const collect = (chunk: Buffer) => {
    output = tail(output + chunk.toString('utf8'));
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  child.on('error', (error) => collect(Buffer.from(`cannot start the grading process: ${error.message}\n`)));

  let exited = false;
  child.on('exit', () => (exited = true));

  let killedFor: 'timeout' | 'memory' | 'startup' | 'linger' | undefined;
  const kill = (why: 'timeout' | 'memory' | 'startup' | 'linger') => {
    if (exited) return; // it ended by itself first: its own ending is the outcome
    if (!killedFor) killedFor = why;
    child.kill('SIGKILL');
  };
  const finished = () => reader.done !== undefined || reader.collected !== undefined;
  // The time limit is the student code's: it starts when the child says it is up (before
  // any of that code runs), not at the spawn, which on a busy machine can take seconds.
  // A timer may fire late when this thread was busy: defer the kill to the check phase,
  // after the poll phase has read whatever the child sent, so a run that ended in time is
  // never reported as a timeout.
  const killAfter = (ms: number, why: 'timeout' | 'startup') => setTimeout(() => setImmediate(() => finished() || kill(why)), ms);
  const startupLimitMs = limits.startupLimitMs ?? STARTUP_LIMIT_MS;
  const startup = killAfter(startupLimitMs + (what.mode === 'collect' ? limits.timeLimitMs : 0), 'startup');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let linger: ReturnType<typeof setTimeout> | undefined;
  const printed: ConsoleEntry[] = [];
  child.on('message', (message: SandboxMessage) => {
    if (message?.type === 'started' && message.nonce === nonce && timer === undefined) {
      clearTimeout(startup);
      timer = killAfter(limits.timeLimitMs, 'timeout');
      return;
    }
    // Signed console lines, while the run is on, to the child's own cap (one more: its "output truncated").
    if (message?.type === 'console' && message.nonce === nonce && reader.done === undefined && printed.length <= DEFAULT_CONSOLE_LIMITS.maxEntries) printed.push(message.entry);
    reader.accept(message);
    // The harness exits as soon as its report is out; code that starves the event loop (an
    // endless chain of microtasks) keeps that from happening: it is stopped, and it is an error.
    if (finished() && linger === undefined) linger = setTimeout(() => kill('linger'), LINGER_MS);
  });
  child.send({ type: 'start', nonce, mode: what.mode } satisfies StartMessage, (error) => error && collect(Buffer.from(`cannot reach the grading process: ${error.message}\n`)));
  // Without bubblewrap's kernel limit, a resident-memory watchdog is the backstop.
  const watchdog =
    kind === 'node-permissions'
      ? setInterval(async () => {
          if (child.pid !== undefined && (await residentMb(child.pid)) > memoryMb) kill('memory');
        }, 100)
      : undefined;

  return new Promise((resolve) => {
    child.on('close', (exitCode, signal) => {
      clearTimeout(startup);
      clearTimeout(timer);
      clearTimeout(linger);
      clearInterval(watchdog);
      const end = (outcome: RunOutcome) => resolve({ ...outcome, containment: kind, ...(printed.length ? { console: printed } : {}) });
      if (what.mode === 'collect') {
        const problems: Problem[] = reader.collected && exitCode === 0 ? [] : [{ kind: 'load', message: `could not list the test file's tests: ${output.trim() || `exit ${exitCode ?? signal}`}` }];
        end({ tests: (reader.collected ?? []).map((name) => ({ name, status: 'skip', durationMs: 0 })), problems: [...reader.forged, ...problems], output, timedOut: false });
        return;
      }
      if (killedFor === 'timeout') {
        const timed = timedOutOutcome(reader.events, limits.timeLimitMs, output);
        end({ ...timed, problems: [...reader.forged, ...timed.problems] });
        return;
      }
      const cleanExit = exitCode === 0 && !killedFor;
      const judged = reader.judge(what.expected, cleanExit && reader.done !== undefined);
      if (reader.done && cleanExit) {
        end({ tests: judged.tests, problems: judged.problems, output, timedOut: false });
        return;
      }
      const { running } = progressOf(reader.events);
      const tests: TestResult[] = [...judged.tests];
      const problems: Problem[] = [...judged.problems];
      const outOfMemory = killedFor === 'memory' || /heap out of memory|Reached heap limit|Allocation failed|Fatal process out of memory|Array buffer allocation failed/i.test(output);
      if (killedFor === 'linger') {
        problems.push({ kind: 'runtime', message: `the code kept the grading process busy after its tests had ended (an endless chain of promises or queueMicrotask?), so it could not exit; it was stopped after ${LINGER_MS / 1000} s` });
      } else if (killedFor === 'startup') {
        problems.push({ kind: 'crash', message: `the grading process did not start within ${startupLimitMs / 1000} s (is the machine overloaded?); nothing was graded` });
      } else if (outOfMemory) {
        problems.push({ kind: 'memory', message: `stopped for using more than the memory limit (${limits.memoryLimitMb} MiB heap)${running ? ` while running "${running}"` : ''}` });
        if (running) tests.push({ name: running, status: 'fail', durationMs: 0, message: 'memory limit exceeded' });
      } else if (/ERR_ACCESS_DENIED/.test(output)) {
        problems.push({ kind: 'runtime', message: 'the code tried to reach something outside the sandbox (a file, a process) and was denied' });
      } else {
        problems.push({
          kind: 'crash',
          message: `the grading process ended ${reader.done ? 'uncleanly after its report' : 'before its tests finished'} (${signal ? `signal ${signal}` : `exit code ${exitCode}`})${running ? ` while running "${running}"` : ''}`,
        });
      }
      end({ tests, problems, output, timedOut: false });
    });
  });
}
