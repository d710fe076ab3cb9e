// A worker thread that type-checks for the grader (typecheck-pool.ts). Plain .mjs: worker
// threads do not inherit the main thread's tsx loader, so it registers its own.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { typecheckWithInputs } = await import('./typecheck.ts');
parentPort.on('message', ({ id, request }) => {
  try {
    parentPort.postMessage({ id, ...typecheckWithInputs(request) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
