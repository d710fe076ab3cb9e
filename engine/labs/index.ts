/**
 * The labs: live measurements of the course's hardware claims, run on the student's own
 * machine (engine/labs/result.ts says what a result holds). Each is one module with a
 * `run(options)`; `ticklab lab` calls them in Node, the lessons' `<Lab>` calls them in a
 * Web Worker (./lab-worker.ts), so each lab's code is written once.
 *
 * The modules are loaded on demand, so that a page running one lab does not load the
 * others' code.
 */
import { LAB_NAMES, isLabName, type Lab, type LabName, type LabOptions, type LabResult } from './result.ts';

export { LAB_NAMES, isLabName };
export type { Lab, LabName, LabOptions, LabResult };
export type { LabAxis, LabChart, LabEnvironment, LabPoint, LabSeries } from './result.ts';

const loaders: Record<LabName, () => Promise<Lab>> = {
  'false-sharing': async () => (await import('./false-sharing.ts')).lab,
  simd: async () => (await import('./simd.ts')).lab,
  'iterator-chain': async () => (await import('./iterator-chain.ts')).lab,
  allocation: async () => (await import('./allocation.ts')).lab,
  'order-book': async () => (await import('./order-book.ts')).lab,
};

/** The lab called `name`; throws naming the labs there are for any other name. */
export async function loadLab(name: string): Promise<Lab> {
  if (!isLabName(name)) throw new Error(`no lab "${name}": the labs are ${LAB_NAMES.join(', ')}`);
  return loaders[name]();
}

/** Runs the lab called `name` here, on this thread. */
export async function runLab(name: string, options: LabOptions = {}): Promise<LabResult> {
  return (await loadLab(name)).run(options);
}
