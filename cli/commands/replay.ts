/**
 * `ticklab replay TAPE`: replays an order-book tape (a file, or standard input for `-`)
 * through the reference book, streaming it line by line, and prints every event and then
 * the final `book` line on standard output, as `../shared/spec/order-book-tape.md` says.
 * Bad lines are rejects, never crashes; errors such as an unreadable file go to stderr.
 */
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { OrderBook } from '../../engine/order-book.ts';
import { formatBook, formatEvent } from '../../engine/tape.ts';

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
  let buf = '';
  let failed: Error | null = null;
  try {
    const rl = createInterface({ input, crlfDelay: Infinity });
    for await (const line of rl) {
      const events = book.applyLine(line);
      for (let i = 0; i < events.length; i++) buf += formatEvent(events[i]!) + '\n';
      if (buf.length >= CHUNK) {
        await write(buf);
        buf = '';
      }
    }
  } catch (err) {
    failed = err as Error;
  }
  if (failed) {
    await write(buf);
    process.stderr.write(`ticklab replay: error reading ${tape === '-' ? 'standard input' : tape}: ${failed.message}\n`);
    return 1;
  }
  buf += formatBook(book.snapshot()) + '\n';
  await write(buf);
  return 0;
}

/** Writes to stdout, waiting for the drain when the pipe is full. */
function write(s: string): Promise<void> {
  if (s === '') return Promise.resolve();
  return new Promise((resolve) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
