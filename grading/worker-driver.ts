/**
 * Runs a browser test bundle (the bundler's `target: 'browser'` output, which defines
 * `globalThis.ticklabRunTests`) in a Web Worker and reports what happened. This is the
 * page side of grading in a browser, the same module for the course site and for the
 * CLI's Chromium grading: the worker keeps the page responsive, and terminating it at
 * the time limit stops an endless loop that no code inside the worker could stop.
 *
 * Browser-only at run time (Worker, Blob, URL.createObjectURL); imports types only.
 */
import type { HarnessEvent, HarnessOutcome } from './run-tests.ts';
import { progressOf, timedOutOutcome, type RunOutcome } from './outcome.ts';
import { makeNonce, ReportReader } from './report-check.ts';

/** What a worker run reports: the progress events it sent, and how it ended. */
export interface WorkerReport {
  events: HarnessEvent[];
  /** The run's messages as the trusted side read them (nonce checked); judge it for the results to believe. */
  reader?: ReportReader;
  /** The harness's outcome, when the tests ran to their end. */
  outcome?: HarnessOutcome;
  /** Why the worker failed, when it did (a throw outside the harness, a load error). */
  error?: string;
  /** True when the worker was terminated at the time limit. */
  timedOut: boolean;
  /** True when the caller cancelled the run. */
  cancelled?: boolean;
}

export interface WorkerRunOptions {
  /** Called with each progress event as it arrives (a test started, a test ended). */
  onEvent?: (event: HarnessEvent) => void;
  /** Aborting it terminates the worker at once. */
  signal?: AbortSignal;
}

/** Messages from the worker to the page that the driver reads, each signed with the run's nonce. */
type WorkerMessage = { nonce?: string } & ({ type: 'event'; event: HarnessEvent } | { type: 'done'; outcome: HarnessOutcome } | { type: 'error'; message: string } | { type: string });

/**
 * The worker's script: the bundle (which seals the realm before its student code loads),
 * then a call that streams events and posts the outcome, signed with `nonce`.
 */
export function workerSource(bundle: string, nonce: string): string {
  const n = JSON.stringify(nonce);
  return `${bundle}
;globalThis.ticklabRunTests((event) => postMessage({ nonce: ${n}, type: 'event', event }))
  .then((outcome) => postMessage({ nonce: ${n}, type: 'done', outcome }), (e) => postMessage({ nonce: ${n}, type: 'error', message: String((e && e.stack) || e) }));`;
}

/**
 * Drives one run in `worker`: calls `start` (which posts the run, or does nothing when the
 * worker starts running by itself), collects progress events, and resolves when the worker
 * reports its outcome, fails, passes `timeLimitMs` or is cancelled, terminating it in every
 * case: a worker is used for one run only, so an endless loop dies with it. Never rejects.
 * The clock starts here, so work done before (loading the harness) does not count.
 */
export function driveWorker(worker: Worker, start: () => void, timeLimitMs: number, options: WorkerRunOptions & { nonce: string }, onFinish?: () => void): Promise<WorkerReport> {
  return new Promise((resolve) => {
    const reader = new ReportReader(options.nonce);
    const events = reader.events;
    let settled = false;
    const finish = (report: Omit<WorkerReport, 'events' | 'timedOut'> & { timedOut?: boolean }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', cancel);
      worker.terminate();
      onFinish?.();
      resolve({ events, reader, timedOut: false, ...report });
    };
    const cancel = () => finish({ cancelled: true });
    const timer = setTimeout(() => finish({ timedOut: true }), timeLimitMs);
    if (options.signal?.aborted) return cancel();
    options.signal?.addEventListener('abort', cancel);
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const message = e.data;
      // Anything unsigned is recorded as forged by the reader (and so fails the run).
      if (message?.nonce !== options.nonce || (message.type !== 'error' && message.type !== 'event' && message.type !== 'done')) return reader.accept(message);
      if ('message' in message && message.type === 'error') return finish({ error: message.message });
      reader.accept(message);
      if ('event' in message && message.type === 'event') options.onEvent?.(message.event);
      else if ('outcome' in message && message.type === 'done') finish({ outcome: message.outcome });
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      finish({ error: `${e.message} (${e.filename}:${e.lineno})` });
    };
    start();
  });
}

/** Runs `bundle` in a fresh worker; resolves when it ends, fails, times out or is cancelled. Never rejects. */
export function runBundleInWorker(bundle: string, timeLimitMs: number, options: WorkerRunOptions = {}): Promise<WorkerReport> {
  const nonce = makeNonce();
  const url = URL.createObjectURL(new Blob([workerSource(bundle, nonce)], { type: 'text/javascript' }));
  return driveWorker(new Worker(url), () => undefined, timeLimitMs, { ...options, nonce }, () => URL.revokeObjectURL(url));
}

/**
 * Turns a worker's report into a run outcome, the same way for every front end: the
 * results are the reader's judgement of the signed events, checked against `expected`
 * (the test file's own names) when given, never the worker's own summary.
 */
export function outcomeOfReport(report: WorkerReport, timeLimitMs: number, expected?: readonly string[]): RunOutcome {
  const forged = report.reader?.forged ?? [];
  if (report.outcome && report.reader) {
    const judged = report.reader.judge(expected, true);
    return { tests: judged.tests, problems: judged.problems, output: '', timedOut: false };
  }
  if (report.timedOut) {
    const timed = timedOutOutcome(report.events, timeLimitMs, '');
    return { ...timed, problems: [...forged, ...timed.problems] };
  }
  const { finished: tests } = progressOf(report.events);
  const message = report.cancelled ? 'the run was cancelled' : `the browser worker failed: ${report.error ?? 'no report'}`;
  return { tests, problems: [...forged, { kind: 'crash', message }], output: '', timedOut: false };
}
