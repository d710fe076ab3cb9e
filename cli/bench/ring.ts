/**
 * `ticklab bench ring`: our SPSC ring against ringbuf.js and against postMessage, moving
 * the same values (0 .. count-1 as float64) from a producer worker to a consumer worker,
 * one value per call and in batches of 256; plus the false-sharing lab's ratio.
 *
 * Method: two long-lived workers (so every contestant runs JIT-warm), one warm-up round,
 * then `rounds` interleaved rounds, the order rotated each round; each figure is the
 * median over the rounds of values per second, timed from a shared start gate to the
 * last value. The consumer's sum is checked, so a contestant that loses values fails.
 * Ours and ringbuf.js get the same capacity, the same values and the same loops (see
 * `cli/bench/ring-bench-worker.ts`): retry at once on a full or empty ring, sleep 50 us after
 * 1024 failures in a row. The batch producers push pre-filled 256-value arrays, so the
 * batch figures measure the queues, not the generating of data.
 */
import { RingBuffer } from 'ringbuf.js';
import { BATCH_VALUES } from './ring-bench-worker.ts';
import type { RingBenchContestant, RingBenchJob, RingBenchResult } from './ring-bench-worker.ts';
import { measureFalseSharing } from '../../engine/hardware/false-sharing.ts';
import { SpscRingBuffer } from '../../engine/ring/spsc-ring-buffer.ts';
import { StartGate, startWorker } from '../../engine/shared/workers.ts';
import type { WorkerHandle } from '../../engine/shared/workers.ts';
import type { BenchOptions, BenchReport } from './types.ts';
import { median } from '../../engine/shared/stats.ts';

/** Slots in both rings (ours and ringbuf.js). */
const CAPACITY = 4096;
/** Values per batch in the batch modes. */
const BATCH = 256;

interface Sizes {
  rounds: number;
  counts: Record<RingBenchContestant, number>;
  falseSharingIterations: number;
}

const FULL: Sizes = {
  rounds: 7,
  counts: {
    'ours-single': 3_000_000,
    'ringbuf-single': 3_000_000,
    'ours-batch': 40_000_000,
    'ringbuf-batch': 40_000_000,
    postmessage: 200_000,
  },
  falseSharingIterations: 10_000_000,
};

const QUICK: Sizes = {
  rounds: 1,
  counts: { 'ours-single': 20_000, 'ringbuf-single': 20_000, 'ours-batch': 50_000, 'ringbuf-batch': 50_000, postmessage: 2_000 },
  falseSharingIterations: 20_000,
};

const CONTESTANTS: readonly RingBenchContestant[] = ['ours-single', 'ringbuf-single', 'ours-batch', 'ringbuf-batch', 'postmessage'];

const NAMES: Record<RingBenchContestant, string> = {
  'ours-single': 'SpscRingBuffer (1 value per call)',
  'ringbuf-single': 'ringbuf.js (1 value per call)',
  'ours-batch': `SpscRingBuffer (batches of ${BATCH})`,
  'ringbuf-batch': `ringbuf.js (batches of ${BATCH})`,
  postmessage: 'postMessage (1 value per message)',
};


/** Sum of `i % m` for i in 0 .. count-1: what a batch consumer must receive. */
function cyclicSum(count: number, m: number): number {
  const laps = Math.floor(count / m);
  const rest = count % m;
  return (laps * m * (m - 1)) / 2 + (rest * (rest - 1)) / 2;
}

/** One run of one contestant; returns values per second. */
async function runOnce(producer: WorkerHandle, consumer: WorkerHandle, contestant: RingBenchContestant, count: number): Promise<number> {
  const gate = StartGate.create();
  const base = { contestant, count, batch: BATCH, gate: gate.buffer };
  let replies: Promise<RingBenchResult>[];
  if (contestant === 'postmessage') {
    const { port1, port2 } = new MessageChannel();
    replies = [
      producer.request<RingBenchResult>({ ...base, role: 'produce', port: port1 } satisfies RingBenchJob, [port1]),
      consumer.request<RingBenchResult>({ ...base, role: 'consume', port: port2 } satisfies RingBenchJob, [port2]),
    ];
  } else {
    const buffer = contestant.startsWith('ours')
      ? (SpscRingBuffer.create(CAPACITY).buffer as SharedArrayBuffer)
      : RingBuffer.getStorageForCapacity(CAPACITY, Float64Array as never);
    replies = [
      producer.request<RingBenchResult>({ ...base, role: 'produce', buffer } satisfies RingBenchJob),
      consumer.request<RingBenchResult>({ ...base, role: 'consume', buffer } satisfies RingBenchJob),
    ];
  }
  await gate.allArrived(2);
  gate.open();
  const [sent, received] = await Promise.all(replies);
  if (!sent || !received) throw new Error('ring bench: a worker did not reply');
  const expected = contestant.endsWith('batch') ? cyclicSum(count, BATCH_VALUES) : (count * (count - 1)) / 2;
  if (received.sum !== expected) {
    throw new Error(`ring bench: ${contestant} delivered sum ${received.sum}, expected ${expected}: values lost or duplicated`);
  }
  return count / (Math.max(sent.elapsedMs, received.elapsedMs) / 1000);
}

function fmtRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`;
}

/** Runs the ring benchmark (see the module comment). */
export async function run(options: BenchOptions): Promise<BenchReport> {
  const sizes = options.quick ? QUICK : FULL;
  const { log } = options;
  const url = new URL('./ring-bench-worker.ts', import.meta.url);
  const [producer, consumer] = await Promise.all([
    startWorker(url, { name: 'ring-bench-producer' }),
    startWorker(url, { name: 'ring-bench-consumer' }),
  ]);
  const samples = new Map<RingBenchContestant, number[]>(CONTESTANTS.map((c) => [c, []]));
  try {
    log(`ring: capacity ${CAPACITY}, batch ${BATCH}, ${sizes.rounds} interleaved rounds after a warm-up (median reported)`);
    const warmup = options.quick ? 0 : 1;
    for (let round = -warmup; round < sizes.rounds; round++) {
      const shift = Math.max(round, 0);
      const order = CONTESTANTS.map((_, i) => CONTESTANTS[(i + shift) % CONTESTANTS.length] as RingBenchContestant);
      for (const c of order) {
        const count = options.quick || round >= 0 ? sizes.counts[c] : Math.ceil(sizes.counts[c] / 4);
        const rate = await runOnce(producer, consumer, c, count);
        if (round >= 0) samples.get(c)?.push(rate);
      }
      log(round < 0 ? '  warm-up done' : `  round ${round + 1}/${sizes.rounds} done`);
    }
  } finally {
    await Promise.all([producer.terminate(), consumer.terminate()]);
  }

  const results = CONTESTANTS.map((c) => {
    const s = samples.get(c) ?? [];
    return { name: NAMES[c], contestant: c, median: median(s), samples: s };
  });
  const med = (c: RingBenchContestant): number => results.find((r) => r.contestant === c)?.median ?? Number.NaN;
  const ratioSingle = med('ours-single') / med('ringbuf-single');
  const ratioBatch = med('ours-batch') / med('ringbuf-batch');
  const ratioPostMessage = med('ours-single') / med('postmessage');

  log('');
  log(`contestant                                  median msg/s    (min .. max of ${sizes.rounds} rounds)`);
  for (const r of results) {
    const spread = `${fmtRate(Math.min(...r.samples))} .. ${fmtRate(Math.max(...r.samples))}`;
    log(`  ${r.name.padEnd(40)} ${fmtRate(r.median).padStart(12)}    (${spread})`);
  }
  log(`ours / ringbuf.js, 1 value per call:  ${ratioSingle.toFixed(2)}x`);
  log(`ours / ringbuf.js, batches of ${BATCH}:   ${ratioBatch.toFixed(2)}x`);
  log(`ours (1 per call) / postMessage:      ${ratioPostMessage.toFixed(1)}x`);

  log('false sharing: two workers, Atomics.add on their own counters, 8 / 64 / 128 bytes apart');
  const fs = await measureFalseSharing({ iterations: sizes.falseSharingIterations, rounds: sizes.rounds, mode: 'atomic' });
  for (const l of fs.layouts) log(`  ${String(l.stride).padStart(3)} bytes apart: ${l.medianMs.toFixed(1)} ms`);
  log(`false-sharing ratio (same line / 64 apart): ${fs.ratio64.toFixed(2)}x; same line / 128 apart: ${fs.ratio128.toFixed(2)}x`);

  return {
    bench: 'ring',
    unit: 'msg/s',
    results: results.map(({ name, contestant, median: m, samples: s }) => ({ name, contestant, median: m, samples: s })),
    ratio_single: ratioSingle,
    ratio_batch: ratioBatch,
    ratio_postmessage: ratioPostMessage,
    false_sharing_ratio: fs.ratio64,
    false_sharing_ratio_128: fs.ratio128,
    false_sharing: fs,
    capacity: CAPACITY,
    batch: BATCH,
    rounds: sizes.rounds,
    quick: options.quick,
  };
}
