/**
 * One function, given as source text, run by one worker of `runInWorkers`
 * (engine/sync/run-in-workers.ts) after a start gate: the job's type and the function that
 * runs it. Kept apart from the worker script (function-worker.ts), which has a top-level
 * await, so that the browser bundles of exercise tests can import it.
 *
 * `runFunctionJob` is written to be self-contained: it uses only its argument and the
 * globals every worker has (Function, Int32Array, Atomics, performance), so that its
 * own source text can also start a browser worker from a Blob, where no module path of
 * the engine exists. It must therefore import nothing and call no helper of this file.
 */
/** One function to run in one worker. */
export interface FunctionJob {
  /**
   * A function expression, e.g. `(buffer, iterations, workerIndex) => { ... }` (the
   * text of `fn.toString()`). It is evaluated with `new Function` inside the worker, so
   * it sees only its parameters and the worker's globals, never the caller's variables.
   */
  source: string;
  /** The shared memory passed to the function as its first argument. */
  buffer: SharedArrayBuffer;
  /** Passed to the function as its second argument (how many times to do its work). */
  iterations: number;
  /** Passed as the third argument: 0 .. workers-1. */
  workerIndex: number;
  /** A StartGate's buffer (engine/shared/workers.ts layout): every worker starts together. */
  gate: SharedArrayBuffer;
}

/** What one worker reports. */
export interface FunctionJobResult {
  /** Milliseconds the function ran, from the gate opening to its return. */
  elapsedMs: number;
}

/**
 * Runs one job on this thread (the worker's handler). Self-contained: see the module comment.
 * In a sealed realm (the grading sandbox locks its workers down with SES first), the
 * function is evaluated in a Compartment that holds only the shared-memory built-ins, so
 * graded code run here cannot reach the worker's `process` or its port to the parent.
 */
export function runFunctionJob(job: FunctionJob): FunctionJobResult {
  type Sealed = { Compartment?: new (options: object) => { evaluate(source: string): unknown }; harden?: <T>(value: T) => T };
  const sealed = globalThis as Sealed;
  const fn = (
    sealed.Compartment && sealed.harden
      ? new sealed.Compartment({
          __options__: true,
          globals: sealed.harden({ Atomics, SharedArrayBuffer, Float32Array, Float64Array, performance: { now: () => performance.now() } }),
        }).evaluate(`(${job.source})`)
      : new Function(`"use strict"; return (${job.source});`)()
  ) as unknown;
  if (typeof fn !== 'function') throw new TypeError(`the source does not evaluate to a function: ${job.source.slice(0, 80)}`);
  // StartGate.arriveAndWait, inlined (layout of engine/shared/workers.ts: int32 [0] counts
  // arrivals, int32 [16] is the open flag): count in, then sleep until the gate opens.
  const cells = new Int32Array(job.gate);
  Atomics.add(cells, 0, 1);
  Atomics.notify(cells, 0);
  while (Atomics.load(cells, 16) === 0) Atomics.wait(cells, 16, 0);
  const t0 = performance.now();
  (fn as (buffer: SharedArrayBuffer, iterations: number, workerIndex: number) => unknown)(job.buffer, job.iterations, job.workerIndex);
  return { elapsedMs: performance.now() - t0 };
}
