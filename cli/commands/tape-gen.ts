/**
 * `ticklab tape gen --seed S --count N [--bad-rate R] [--out FILE]`: writes a
 * reproducible random order-book tape (see `engine/book/tape-gen.ts`) to a file or stdout.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { generateTape } from '../../engine/book/tape-gen.ts';

/** Generates the tape and writes it; returns the exit code (2 on bad options, 1 on an I/O error). */
export async function tapeGenCommand(opts: { seed: number; count: number; badRate: number; out?: string }): Promise<number> {
  const { seed, count, badRate } = opts;
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 0 || !(badRate >= 0 && badRate <= 1)) {
    process.stderr.write('ticklab tape gen: --seed must be an integer, --count a non-negative integer, --bad-rate in [0, 1]\n');
    return 2;
  }
  const lines = generateTape({ seed, count, badRate });
  const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
  try {
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      let i = 0;
      const pump = (): void => {
        while (i < lines.length) {
          // Write in chunks of 4096 lines, waiting for the drain when the pipe is full.
          const chunk = lines.slice(i, i + 4096).join('\n') + '\n';
          i += 4096;
          if (!out.write(chunk)) {
            out.once('drain', pump);
            return;
          }
        }
        if (opts.out) {
          out.end();
          finished(out).then(resolve, reject);
        } else resolve();
      };
      pump();
    });
  } catch (err) {
    // The reader went away (`| head`): that is how pipes end, not an error.
    if (!opts.out && (err as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    process.stderr.write(`ticklab tape gen: cannot write ${opts.out ?? 'standard output'}: ${(err as Error).message}\n`);
    return 1;
  }
  return 0;
}
