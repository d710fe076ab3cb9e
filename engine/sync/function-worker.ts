/**
 * Worker script for `runInWorkers` (engine/sync/run-in-workers.ts) in Node: answers each
 * request with `runFunctionJob` (engine/sync/function-job.ts). Browsers start the same
 * job function from a Blob instead (see run-in-workers.ts).
 */
import { isWorkerThread, serveRequests } from '../shared/workers.ts';
import { runFunctionJob, type FunctionJob, type FunctionJobResult } from './function-job.ts';

if (await isWorkerThread()) await serveRequests<FunctionJob, FunctionJobResult>(runFunctionJob);
