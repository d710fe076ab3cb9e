/**
 * The order-book tape (`docs/spec/order-book-tape.md`): parsing a line into a command
 * or a reject, formatting events and the final `book` line, and replaying a whole tape.
 * Runs in Node and in the browser; file and stream I/O live in `cli/commands/replay.ts`.
 */
import { parseCommand, RejectCode, rejectEvent } from './order-book-commands.ts';
import { OrderBook } from './order-book.ts';
import type { BookCommand, BookEvent, BookSnapshot, LevelView, RejectEvent } from './order-book.ts';

/**
 * Parses one tape line: `null` for a blank line (skipped), a reject event for a line that
 * is not JSON or not a well-formed command, otherwise the normalised command.
 */
export function parseTapeLine(line: string): BookCommand | RejectEvent | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return rejectEvent(null, RejectCode.NOT_JSON);
  }
  return parseCommand(value);
}

/** Formats one event as its output line (no newline), keys in the spec's order. */
export function formatEvent(e: BookEvent): string {
  if (e.type === 'trade') {
    return `{"type":"trade","taker":${e.taker},"maker":${e.maker},"price":${e.price},"qty":${e.qty}}`;
  }
  return `{"type":"reject","id":${e.id === null ? 'null' : e.id},"reason":${JSON.stringify(e.reason)}}`;
}

/** Formats a trade from its fields, without building an event object. */
export function formatTrade(taker: number, maker: number, price: number, qty: number): string {
  return `{"type":"trade","taker":${taker},"maker":${maker},"price":${price},"qty":${qty}}`;
}

function levels(ls: readonly LevelView[]): string {
  let s = '[';
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    if (i > 0) s += ',';
    s += `[${l[0]},${l[1]},${l[2]}]`;
  }
  return s + ']';
}

/** Formats the final `book` line (no newline). */
export function formatBook(s: Pick<BookSnapshot, 'bids' | 'asks'>): string {
  return `{"type":"book","bids":${levels(s.bids)},"asks":${levels(s.asks)}}`;
}

/**
 * Replays tape lines through a book (a new one unless given), yielding every output line
 * in order and the final `book` line last. Never throws on input.
 */
export function* replayLines(lines: Iterable<string>, book: OrderBook = new OrderBook()): Generator<string> {
  for (const line of lines) {
    for (const e of book.applyLine(line)) yield formatEvent(e);
  }
  yield formatBook(book.snapshot());
}

/** Replays a whole tape given as text and returns the output text (lines ending in `\n`). */
export function replayTape(text: string): string {
  let out = '';
  for (const l of replayLines(text.split('\n'))) out += l + '\n';
  return out;
}

/** Formats a command as a tape line (keys in a fixed order). */
export function formatCommand(c: BookCommand): string {
  switch (c.op) {
    case 'limit':
      return `{"op":"limit","id":${c.id},"side":"${c.side}","price":${c.price},"qty":${c.qty}}`;
    case 'market':
      return `{"op":"market","id":${c.id},"side":"${c.side}","qty":${c.qty}}`;
    case 'cancel':
      return `{"op":"cancel","id":${c.id}}`;
    case 'modify': {
      let s = `{"op":"modify","id":${c.id}`;
      if (c.price !== undefined) s += `,"price":${c.price}`;
      if (c.qty !== undefined) s += `,"qty":${c.qty}`;
      return s + '}';
    }
  }
}

/** Anything that replays tape lines like the reference book: a student's book, an adapter. */
export interface TapeReplayer {
  applyLine(line: string): BookEvent[];
  snapshot(): Pick<BookSnapshot, 'bids' | 'asks'>;
}

/** Where two books first disagree on a tape (see {@link firstDivergence}). */
export interface Divergence {
  /** Index of the line in the tape; `lines.length` for the final book. */
  index: number;
  line: string;
  what: 'events' | 'book';
  expected: unknown;
  actual: unknown;
}

/**
 * Replays `lines` through a reference and a candidate and returns the first difference,
 * or `null` when they agree on every line's events and on the final book. Reject reasons
 * are free text in the spec, so they are not compared; ids and everything else are.
 * With `snapshotEvery: n`, the books are also compared after every n-th line.
 */
export function firstDivergence(
  lines: readonly string[],
  reference: TapeReplayer,
  candidate: TapeReplayer,
  options: { snapshotEvery?: number } = {},
): Divergence | null {
  const norm = (es: BookEvent[]) => es.map((e) => (e.type === 'reject' ? `{"type":"reject","id":${e.id === null ? 'null' : e.id}}` : formatEvent(e))).join('\n');
  const book = (s: Pick<BookSnapshot, 'bids' | 'asks'>) => formatBook(s);
  const every = options.snapshotEvery ?? 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const expected = reference.applyLine(line);
    const actual = candidate.applyLine(line);
    if (norm(expected) !== norm(actual)) return { index: i, line, what: 'events', expected, actual };
    if (every > 0 && (i + 1) % every === 0) {
      const e = reference.snapshot();
      const a = candidate.snapshot();
      if (book(e) !== book(a)) return { index: i, line, what: 'book', expected: e, actual: a };
    }
  }
  const e = reference.snapshot();
  const a = candidate.snapshot();
  if (book(e) !== book(a)) return { index: lines.length, line: '', what: 'book', expected: e, actual: a };
  return null;
}
