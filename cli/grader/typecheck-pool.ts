/**
 * Type-checks off the grader's main thread, in one long-lived worker thread with a heap
 * limit, one check at a time, each under a time limit. A student's types that take the
 * checker too long or too much memory are that student's `type` error; the worker is
 * replaced (its parsed-file cache lost) and the class goes on. The main thread stays free
 * for the sandboxes' timers and IPC while a check runs.
 */
import { Worker } from 'node:worker_threads';
import type { Problem } from '../../grading/result-schema.ts';
import type { TypecheckRequest } from './typecheck.ts';
import { checkKey, lookup, stampInputs, store } from './typecheck-cache.ts';

/** Limits on one type-check. */
export interface TypecheckLimits {
  timeLimitMs: number;
  heapLimitMb: number;
}

export const TYPECHECK_LIMITS: TypecheckLimits = {
  timeLimitMs: Number(process.env.TICKLAB_TYPECHECK_LIMIT_MS ?? 60_000),
  heapLimitMb: 1536,
};

type Reply = { id: number; problems?: Problem[]; files?: string[]; error?: string };

let worker: Worker | undefined;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function start(limits: TypecheckLimits): Worker {
  const w = new Worker(new URL('./typecheck-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: limits.heapLimitMb } });
  w.unref(); // an idle checker must not keep the CLI alive
  return w;
}

function checkOnce(request: TypecheckRequest, limits: TypecheckLimits, key: string | undefined): Promise<Problem[]> {
  const w = (worker ??= start(limits));
  const id = nextId++;
  const problem = (message: string): Problem[] => [{ kind: 'type', message, file: request.codeLabel }];
  return new Promise((resolve) => {
    const done = (problems: Problem[], replace: boolean) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (replace) {
        if (worker === w) worker = undefined;
        void w.terminate();
      }
      resolve(problems);
    };
    const sent = performance.now();
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      if (reply.error) return done(problem(`the type-checker failed: ${reply.error.split('\n')[0]}`), false);
      const problems = reply.problems ?? [];
      // Only a check that ended by itself is kept: its result is the files' alone.
      const inputs = key && reply.files ? stampInputs(request, reply.files) : undefined;
      if (key && inputs) store(key, { problems, ms: Math.round(performance.now() - sent), inputs });
      done(problems, false);
    };
    const onError = (error: Error & { code?: string }) =>
      done(problem(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `type-checking this file ran out of memory (over ${limits.heapLimitMb} MiB): simplify its types` : `the type-checker failed: ${error.message}`), true);
    const onExit = () => done(problem('the type-checker stopped unexpectedly'), true);
    const timer = setTimeout(() => done(problem(`type-checking this file took longer than ${limits.timeLimitMs / 1000} s: simplify its types (deeply recursive or exponential types?)`), true), limits.timeLimitMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.ref();
    w.postMessage({ id, request });
  }).finally(() => worker?.unref()) as Promise<Problem[]>;
}

/**
 * Type errors of `request`, checked in the bounded worker, or the same text's result kept
 * from an earlier check of the same files (typecheck-cache.ts); never throws. Checks run
 * one at a time.
 */
export function typecheckBounded(request: TypecheckRequest, limits: TypecheckLimits = TYPECHECK_LIMITS): Promise<Problem[]> {
  const key = checkKey(request, limits.heapLimitMb);
  const kept = key ? lookup(key, limits.timeLimitMs) : undefined;
  if (kept) return Promise.resolve(kept);
  const result = queue.then(() => checkOnce(request, limits, key));
  queue = result.catch(() => undefined);
  return result;
}

/** Stops the checker (tests, and a CLI that wants to exit at once). */
export async function stopTypechecker(): Promise<void> {
  const w = worker;
  worker = undefined;
  await w?.terminate();
}
