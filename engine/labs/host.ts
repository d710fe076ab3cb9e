/**
 * Runs a lab in a worker of its own, from any thread, in Node or a browser: the thread
 * that asked stays free (a page stays responsive), progress arrives as messages, and an
 * abort terminates the worker, which stops the measuring at once.
 */
import { startWorker } from '../shared/workers.ts';
import { abortError } from './measuring.ts';
import type { LabName, LabOptions, LabResult } from './result.ts';
import type { LabMessage, LabRequest } from './protocol.ts';

/** The lab worker's module URL (a bundler that builds engine workers rewrites it). */
export function labWorkerUrl(): URL {
  return new URL('./lab-worker.ts', import.meta.url);
}

/** Runs the lab called `name` in a fresh worker; rejects with an AbortError when `signal` aborts. */
export async function runLabInWorker(name: LabName, options: LabOptions = {}): Promise<LabResult> {
  if (options.signal?.aborted) throw abortError();
  const worker = await startWorker(labWorkerUrl(), { name: `lab ${name}` });
  let onAbort: (() => void) | undefined;
  try {
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortError());
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
    worker.post({ type: 'run', name, quick: options.quick ?? false } satisfies LabRequest);
    const answer = (async (): Promise<LabResult> => {
      for (;;) {
        const m = await worker.next<LabMessage>();
        if (m.type === 'progress') options.onProgress?.(m.fraction, m.note);
        else if (m.type === 'result') return m.result;
        else throw m.cancelled ? abortError() : new Error(m.message);
      }
    })();
    return await Promise.race([answer, aborted]);
  } finally {
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}
