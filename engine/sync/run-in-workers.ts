/**
 * Runs one function, given as source text, in several real worker threads at once, on
 * one SharedArrayBuffer: the way the concurrency exercises prove that a student's counter
 * or lock loses no update when threads really run in parallel. Works in Node
 * (worker_threads) and in browsers (Web Workers, in a cross-origin-isolated page, where
 * SharedArrayBuffer exists).
 *
 * ```ts
 * const buffer = new SharedArrayBuffer(64);
 * await runInWorkers({ source: increment.toString(), buffer, workers: 4, iterations: 100_000 });
 * new Int32Array(buffer)[0]; // 400,000 if no update was lost
 * ```
 *
 * The function runs inside each worker as `fn(buffer, iterations, workerIndex)`: it is
 * rebuilt there from its text with `new Function`, so it may use only its parameters and
 * the worker's globals (Atomics, Int32Array, ...), not variables or imports of the file it
 * was written in. All workers wait at a start gate and begin together, so their loops
 * overlap instead of one finishing before the next has started. A worker that does not
 * finish within `timeoutMs` (a deadlock, a lost wake-up) is terminated, and the returned
 * promise rejects with an error that says so.
 *
 * Node: each worker is `function-worker.ts`, started by `startWorker`. Browsers: the same
 * job function (`function-job.ts`), from its own source text, in a worker made from a
 * Blob: no bundler has to find a worker file, and a Blob worker inherits the page's
 * cross-origin isolation.
 */
import { StartGate, isNode, startWorker, type WorkerHandle } from '../shared/workers.ts';
import { runFunctionJob, type FunctionJob, type FunctionJobResult } from './function-job.ts';

export type { FunctionJobResult } from './function-job.ts';

/** Options of {@link runInWorkers}. */
export interface RunInWorkersOptions {
  /** A function expression: `(buffer, iterations, workerIndex) => void`, e.g. `fn.toString()`. */
  source: string;
  /** The shared memory every worker's function receives. */
  buffer: SharedArrayBuffer;
  /** How many workers run the function at once (default 2). */
  workers?: number;
  /** Passed to the function as its second argument. */
  iterations: number;
  /** Wall-clock limit for all workers together (default 5000 ms). */
  timeoutMs?: number;
}

/** What {@link runInWorkers} resolves with. */
export interface RunInWorkersResult {
  /** One entry per worker, in worker order. */
  results: FunctionJobResult[];
  /** Wall-clock milliseconds from opening the gate to the last worker's reply. */
  elapsedMs: number;
}

/** Thrown (as a rejection) when the workers do not all finish within the time limit. */
export class WorkersTimeoutError extends Error {
  constructor(readonly timeoutMs: number, readonly finished: number, readonly workers: number) {
    super(`${workers - finished} of ${workers} workers did not finish within ${timeoutMs} ms (a deadlock, or a wait that is never woken?); they were terminated`);
    this.name = 'WorkersTimeoutError';
  }
}

let blobUrl: URL | undefined;

/** A browser worker that answers each job with runFunctionJob, as serveRequests would. */
function browserWorkerUrl(): URL {
  blobUrl ??= new URL(
    URL.createObjectURL(
      new Blob(
        [
          `const runFunctionJob = (${runFunctionJob.toString()});\n` +
            `self.onmessage = (e) => {\n` +
            `  let reply;\n` +
            `  try { reply = { ok: true, value: runFunctionJob(e.data) }; }\n` +
            `  catch (err) { reply = { ok: false, error: String((err && err.stack) || err) }; }\n` +
            `  self.postMessage(reply);\n` +
            `};\n`,
        ],
        { type: 'text/javascript' },
      ),
    ),
  );
  return blobUrl;
}

function workerUrl(): URL {
  return isNode() ? new URL('./function-worker.ts', import.meta.url) : browserWorkerUrl();
}

/** Runs `source` in `workers` threads at once on `buffer` (see the module comment). */
export async function runInWorkers(options: RunInWorkersOptions): Promise<RunInWorkersResult> {
  const n = options.workers ?? 2;
  const timeoutMs = options.timeoutMs ?? 5_000;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`runInWorkers: workers must be a positive integer, got ${n}`);
  if (typeof SharedArrayBuffer === 'undefined' || !(options.buffer instanceof SharedArrayBuffer)) {
    throw new TypeError('runInWorkers: buffer must be a SharedArrayBuffer (in a browser, the page must be cross-origin isolated)');
  }
  const url = workerUrl();
  const handles: WorkerHandle[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    for (let i = 0; i < n; i++) handles.push(await startWorker(url, { name: `function-${i}` }));
    const gate = StartGate.create();
    let finished = 0;
    const replies = handles.map((h, workerIndex) => {
      const job: FunctionJob = { source: options.source, buffer: options.buffer, iterations: options.iterations, workerIndex, gate: gate.buffer };
      return h.request<FunctionJobResult>(job).then((r) => {
        finished += 1;
        return r;
      });
    });
    // Once the time is up the workers are terminated and their requests reject: nobody
    // awaits those rejections any more, so mark them handled.
    for (const r of replies) r.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WorkersTimeoutError(timeoutMs, finished, n)), timeoutMs);
    });
    await Promise.race([gate.allArrived(n), timeout]);
    const t0 = performance.now();
    gate.open();
    const results = await Promise.race([Promise.all(replies), timeout]);
    return { results, elapsedMs: performance.now() - t0 };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    // Terminate every worker, finished or stuck: a deadlocked one never returns by itself.
    await Promise.all(handles.map((h) => h.terminate().catch(() => undefined)));
  }
}
