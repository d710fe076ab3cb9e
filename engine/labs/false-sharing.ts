/**
 * Lab "false-sharing": two workers each increment their own counter, the counters 8, 64
 * and 128 bytes apart. The measuring is the engine's (`measureFalseSharing` in
 * engine/hardware/false-sharing.ts, which warms up and interleaves the layouts); this lab
 * calls it in several batches of rounds, so that it can report progress and stop between
 * them, and turns the rounds into a chart and a reading.
 *
 * Needs SharedArrayBuffer (the counters and the start gate are shared memory): in a page,
 * cross-origin isolation. Needs two free cores to show anything.
 */
import { FALSE_SHARING_STRIDES, measureFalseSharing } from '../hardware/false-sharing.ts';
import { checkpoint, environment, finish, medianAt, point, progressReporter, throwIfAborted, times } from './measuring.ts';
import type { Lab, LabChart, LabOptions, LabResult } from './result.ts';
import { LAB_CATALOG } from './catalog.ts';

/** The figures of this lab's result (`figures`). */
export type FalseSharingFigures = {
  /** Time per increment with the counters 8 bytes apart (one line) / 64 bytes apart. */
  shared_over_64: number;
  /** The same against 128 bytes apart. */
  shared_over_128: number;
  /** Increments per worker per round. */
  iterations: number;
};

/** Sizes of a run. */
export function falseSharingPlan(quick: boolean): { iterations: number; batches: number; roundsPerBatch: number } {
  return quick ? { iterations: 20_000, batches: 1, roundsPerBatch: 2 } : { iterations: 2_000_000, batches: 4, roundsPerBatch: 2 };
}

const { title } = LAB_CATALOG['false-sharing'];

/** Runs the lab (see the module comment). */
export async function run(options: LabOptions = {}): Promise<LabResult> {
  const quick = options.quick ?? false;
  if (typeof SharedArrayBuffer !== 'function') {
    throw new Error('the false-sharing lab needs SharedArrayBuffer, which a page has only when it is cross-origin isolated');
  }
  const plan = falseSharingPlan(quick);
  const samples = new Map<number, number[]>(FALSE_SHARING_STRIDES.map((s) => [s, []]));
  const step = progressReporter(options, plan.batches);
  throwIfAborted(options.signal);
  for (let b = 0; b < plan.batches; b++) {
    // One batch: two fresh workers, a warm-up round, then the layouts interleaved round by round.
    const report = await measureFalseSharing({ iterations: plan.iterations, rounds: plan.roundsPerBatch, mode: 'atomic' });
    for (const layout of report.layouts) {
      samples.get(layout.stride)!.push(...layout.samplesMs.map((ms) => (ms * 1e6) / plan.iterations));
    }
    step(`batch ${b + 1} of ${plan.batches}: ${plan.roundsPerBatch} rounds of ${plan.iterations.toLocaleString('en-US')} increments per worker`);
    await checkpoint(options.signal);
  }
  const chart: LabChart = {
    id: 'time-per-increment',
    title: 'Time per increment, by distance between the two counters',
    kind: 'bars',
    x: {
      label: 'distance between the counters',
      unit: 'bytes',
      scale: 'category',
      ticks: FALSE_SHARING_STRIDES.map((s) => ({ value: s, label: `${s} bytes${s === 8 ? ' (one line)' : ''}` })),
    },
    y: { label: 'time per increment', unit: 'ns', scale: 'linear', better: 'lower' },
    series: [{ id: 'atomic-add', label: 'Atomics.add, two workers', points: FALSE_SHARING_STRIDES.map((s) => point(s, samples.get(s)!)) }],
  };
  const series = chart.series[0];
  const r64 = medianAt(series, 8) / medianAt(series, 64);
  const r128 = medianAt(series, 8) / medianAt(series, 128);
  const env = await environment();
  const notes = [
    `Each round: two workers started together at a shared-memory gate, ${plan.iterations.toLocaleString('en-US')} Atomics.add each; the figure is the slower worker's time divided by the increments. ${plan.batches * plan.roundsPerBatch} rounds after a warm-up round per batch, layouts interleaved.`,
    'JavaScript cannot align a buffer: 64 bytes apart is always two lines but may share a 128-byte pair, which the adjacent-line prefetcher of Intel cores fetches together; 128 apart never does.',
  ];
  if (env.cores !== null && env.cores < 2) notes.push('This platform reports one core: the workers take turns and cannot contend, so expect about 1x.');
  const reading =
    `counters on one line: ${times(r64)} slower than 64 bytes apart` +
    ` (${times(r128)} against 128 bytes apart)` +
    (r64 < 1.3 ? ' — about no difference: the two workers probably did not run at the same time on two cores' : '');
  return finish(
    {
      lab: 'false-sharing',
      title,
      quick,
      rounds: plan.batches * plan.roundsPerBatch,
      charts: [chart],
      figures: { shared_over_64: r64, shared_over_128: r128, iterations: plan.iterations } satisfies FalseSharingFigures,
      reading,
      notes,
    },
  );
}

export const lab: Lab = { ...LAB_CATALOG['false-sharing'], run };
