/**
 * `ticklab replay TAPE`: replays an order-book tape (a file, or standard input for `-`)
 * through the reference book, streaming it line by line, and prints every event and then
 * the final `book` line on standard output, as `docs/spec/order-book-tape.md` says.
 * Bad lines are rejects, never crashes; errors such as an unreadable file go to stderr.
 */
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { OrderBook } from '../../engine/book/order-book.ts';
import { formatBook, formatEvent } from '../../engine/book/tape.ts';

/** Output is batched into chunks of about this many characters before a write. */
const CHUNK = 1 << 16;

/** Replays `tape` (a path, or `-` for standard input); returns the exit code (0, or 1 on an I/O error). */
export async function replayCommand(tape: string): Promise<number> {
  let input: Readable;
  if (tape === '-') {
    input = process.stdin;
  } else {
    try {
      // Open first so that a missing or unreadable file is a clear error, not a stream event.
      const fh = await open(tape, 'r');
      input = fh.createReadStream(); // closes the handle when done
    } catch (err) {
      process.stderr.write(`ticklab replay: cannot read ${tape}: ${(err as Error).message}\n`);
      return 1;
    }
  }
  const book = new OrderBook();
  const out = new Output();
  let buf = '';
  let failed: Error | null = null;
  try {
    const rl = createInterface({ input, crlfDelay: Infinity });
    for await (const line of rl) {
      const events = book.applyLine(line);
      for (let i = 0; i < events.length; i++) buf += formatEvent(events[i]!) + '\n';
      if (buf.length >= CHUNK) {
        await out.write(buf);
        buf = '';
        if (out.closed) break; // the reader went away (`| head`): stop quietly
      }
    }
    rl.close();
  } catch (err) {
    failed = err as Error;
  }
  if (failed) {
    await out.write(buf);
    out.dispose();
    process.stderr.write(`ticklab replay: error reading ${tape === '-' ? 'standard input' : tape}: ${failed.message}\n`);
    return 1;
  }
  if (!out.closed) {
    buf += formatBook(book.snapshot()) + '\n';
    await out.write(buf);
  }
  out.dispose();
  if (tape !== '-') input.destroy();
  return 0;
}

/** Stdout with back-pressure, which notices a closed pipe (EPIPE) instead of crashing. */
class Output {
  closed = false;
  private readonly onError = (): void => {
    this.closed = true;
  };
  constructor() {
    process.stdout.on('error', this.onError);
  }
  write(s: string): Promise<void> {
    if (s === '' || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      if (process.stdout.write(s)) return resolve();
      const done = (): void => {
        process.stdout.off('drain', done);
        process.stdout.off('error', done);
        resolve();
      };
      process.stdout.once('drain', done);
      process.stdout.once('error', done);
    });
  }
  dispose(): void {
    process.stdout.off('error', this.onError);
  }
}
