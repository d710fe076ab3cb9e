/**
 * Runs one bundled sandbox script in a child process under limits: Node's permission
 * model (it may read only its own script), a heap limit, a resident-memory watchdog
 * and a wall-clock limit, counted from the moment the child is up. Whatever the graded
 * code does (loop forever, allocate without end, throw, exit) the grader gets an outcome
 * back, never a hang or a crash.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SandboxMessage } from './node-child.ts';
import type { HarnessEvent } from '../../grading/run-tests.ts';
import { progressOf, timedOutOutcome, type RunOutcome } from '../../grading/outcome.ts';
import type { Problem, TestResult } from '../../grading/result-schema.ts';

export interface SandboxLimits {
  timeLimitMs: number;
  memoryLimitMb: number;
  /** Extra paths the sandbox may read (e.g. engine files a worker loads); none by default. */
  allowRead?: readonly string[];
  /** Let the tests start worker threads (exercises graded across real workers). */
  allowWorkers?: boolean;
  /** How long the process may take to start, before the time limit's clock starts (default {@link STARTUP_LIMIT_MS}). */
  startupLimitMs?: number;
}


const OUTPUT_LIMIT = 4096;
/** How long a grading process may take to start, by default, before the time limit's clock starts. */
export const STARTUP_LIMIT_MS = 60_000;
/** Resident memory allowed beyond the heap limit: code, wasm memory, typed arrays. */
const RSS_SLACK_MB = 256;

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
export async function runSandbox(code: string, limits: SandboxLimits, workers: Record<string, string> = {}): Promise<RunOutcome> {
  // Synchronous up to the spawn, so that the child is running by the time this returns
  // its promise: the grader type-checks meanwhile.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ticklab-'));
  const script = path.join(dir, 'sandbox.mjs');
  writeFileSync(script, code);
  // Worker scripts the engine starts: readable, and nothing else is.
  const extra = Object.entries(workers).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
  const allowed: SandboxLimits = extra.length
    ? { ...limits, allowRead: [...(limits.allowRead ?? []), ...extra], allowWorkers: true }
    : limits;
  try {
    return await runScript(script, allowed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Node 20 and 22 call the permission model experimental; later versions renamed the flag. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';

function runScript(script: string, limits: SandboxLimits): Promise<RunOutcome> {
  const args = [
    PERMISSION_FLAG,
    `--allow-fs-read=${script}`,
    ...(limits.allowRead ?? []).map((p) => `--allow-fs-read=${p}`),
    ...(limits.allowWorkers ? ['--allow-worker'] : []),
    `--max-old-space-size=${limits.memoryLimitMb}`,
    '--enable-source-maps',
    '--no-warnings',
    script,
  ];
  // A clean environment: the graded code sees no variables of the grader's (tokens, paths).
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { NODE_ENV: 'test' } });

  let output = '';
  const collect = (chunk: Buffer) => {
    output = tail(output + chunk.toString('utf8'));
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const events: HarnessEvent[] = [];
  let done: Extract<SandboxMessage, { type: 'done' }> | undefined;
  let exited = false;
  child.on('exit', () => (exited = true));

  let killedFor: 'timeout' | 'memory' | 'startup' | undefined;
  const kill = (why: 'timeout' | 'memory' | 'startup') => {
    if (exited) return; // it ended by itself first: its own ending is the outcome
    if (!killedFor) killedFor = why;
    child.kill('SIGKILL');
  };
  // The time limit is the student code's: it starts when the child says it is up (before
  // any of that code runs), not at the spawn, which on a busy machine can take seconds. A
  // child that never comes up is stopped too, later, and reported as the grader's problem.
  // The grader type-checks on this thread while the child runs, and a cold check on a
  // loaded machine can block it past the limit: the timer then fires late, with the
  // child's finished report still unread in the pipe. Defer the kill to the check phase,
  // after the poll phase has read whatever the child sent, so a run that ended in time is
  // never reported as a timeout.
  const killAfter = (ms: number, why: 'timeout' | 'startup') => setTimeout(() => setImmediate(() => done || kill(why)), ms);
  const startupLimitMs = limits.startupLimitMs ?? STARTUP_LIMIT_MS;
  const startup = killAfter(startupLimitMs, 'startup');
  let timer: ReturnType<typeof setTimeout> | undefined;
  child.on('message', (message: SandboxMessage) => {
    if (message.type === 'started') {
      clearTimeout(startup);
      timer = killAfter(limits.timeLimitMs, 'timeout');
    } else if (message.type === 'done') done = message;
    else events.push(message);
  });
  const rssLimit = limits.memoryLimitMb + RSS_SLACK_MB;
  const watchdog = setInterval(async () => {
    if (child.pid !== undefined && (await residentMb(child.pid)) > rssLimit) kill('memory');
  }, 100);

  return new Promise((resolve) => {
    child.on('close', (exitCode, signal) => {
      clearTimeout(startup);
      clearTimeout(timer);
      clearInterval(watchdog);
      if (done && !killedFor) {
        resolve({ ...done.outcome, output, timedOut: false });
        return;
      }
      if (killedFor === 'timeout') {
        resolve(timedOutOutcome(events, limits.timeLimitMs, output));
        return;
      }
      const { finished, running } = progressOf(events);
      const tests = [...finished];
      const problems: Problem[] = [];
      if (killedFor === 'startup') {
        problems.push({ kind: 'crash', message: `the grading process did not start within ${startupLimitMs / 1000} s (is the machine overloaded?); nothing was graded` });
      } else if (killedFor === 'memory' || /heap out of memory|Reached heap limit|Allocation failed/i.test(output)) {
        problems.push({ kind: 'memory', message: `stopped for using more than the memory limit (${limits.memoryLimitMb} MiB heap)${running ? ` while running "${running}"` : ''}` });
        if (running) tests.push({ name: running, status: 'fail', durationMs: 0, message: 'memory limit exceeded' });
      } else if (/ERR_ACCESS_DENIED/.test(output)) {
        problems.push({ kind: 'runtime', message: 'the code tried to reach something outside the sandbox (a file, a process) and was denied' });
      } else {
        problems.push({
          kind: 'crash',
          message: `the grading process ended early (${signal ? `signal ${signal}` : `exit code ${exitCode}`})${running ? ` while running "${running}"` : ''}: did the code call process.exit?`,
        });
      }
      resolve({ tests, problems, output, timedOut: false });
    });
  });
}
