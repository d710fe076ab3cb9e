/**
 * The worker a lab runs in, in a browser (the lessons' `<Lab>`, built for the page into the
 * runner's `engine-workers/lab-worker.js`) or in Node (`runLabInWorker`, ./host.ts):
 * answers one `run` request (./protocol.ts) with progress messages and the result, so that
 * the measuring never blocks the page.
 */
import { connectParent, isWorkerThread } from '../shared/workers.ts';
import { runLab } from './index.ts';
import type { LabMessage, LabRequest } from './protocol.ts';

async function serve(): Promise<void> {
  const parent = await connectParent();
  const controller = new AbortController();
  const post = (m: LabMessage) => parent.post(m);
  parent.onMessage((data) => {
    const request = data as LabRequest;
    if (request.type === 'cancel') {
      controller.abort();
      return;
    }
    if (request.type !== 'run') return;
    runLab(request.name, {
      quick: request.quick,
      signal: controller.signal,
      onProgress: (fraction, note) => post({ type: 'progress', fraction, note }),
    }).then(
      (result) => post({ type: 'result', result }),
      (error: unknown) =>
        post({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
          cancelled: error instanceof Error && error.name === 'AbortError',
        }),
    );
  });
}

if (await isWorkerThread()) await serve();
