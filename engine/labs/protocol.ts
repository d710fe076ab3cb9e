/**
 * Messages between a page (or any thread) and the lab worker (./lab-worker.ts). The page
 * posts one `run`; the worker answers with any number of `progress` messages, then one
 * `result` or `error`. A `cancel` makes the lab stop at its next checkpoint and answer
 * `error` with `cancelled: true`; terminating the worker stops it at once (and, in a
 * browser, every worker it started).
 */
import type { LabName, LabResult } from './result.ts';

/** To the worker. */
export type LabRequest = { type: 'run'; name: LabName; quick: boolean } | { type: 'cancel' };

/** From the worker. */
export type LabMessage =
  | { type: 'progress'; fraction: number; note: string }
  | { type: 'result'; result: LabResult }
  | { type: 'error'; message: string; cancelled: boolean };
