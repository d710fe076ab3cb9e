/**
 * What the student's code and the tests print (`console.log/info/warn/error/debug`),
 * kept for the student to read beside the results: each call formatted as Node prints it
 * (./console-format.ts), tagged with the test that was running, and capped, because a
 * loop that logs a million lines must neither flood the page nor the message channel:
 * after the cap one entry says "output truncated" and the rest are only counted.
 * Browser-safe; the grading worker installs it, the page shows its entries.
 */
import { DEFAULT_DEPTH, formatArgs } from './console-format.ts';

export const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
export type ConsoleLevel = (typeof CONSOLE_LEVELS)[number];

/** One line of console output. */
export interface ConsoleEntry {
  level: ConsoleLevel;
  text: string;
  /** The test that was running ("suite > test"), when one was. */
  test?: string;
  /** Set on the one entry that says the output was cut here. */
  truncated?: true;
}

export interface ConsoleLimits {
  /** Characters kept in all, over every entry (default 20,000). */
  maxChars: number;
  /** Entries kept (default 500). */
  maxEntries: number;
  /** Characters of one entry (default 4,000); a longer one is cut with "… (N more characters)". */
  maxEntryChars: number;
  /** Nesting shown before `[Object]` (default 2, as Node's). */
  depth: number;
}

export const DEFAULT_CONSOLE_LIMITS: ConsoleLimits = { maxChars: 20_000, maxEntries: 500, maxEntryChars: 4_000, depth: DEFAULT_DEPTH };

/** The sentence of the entry that ends a capped output. */
export function truncatedText(limits: ConsoleLimits): string {
  return `output truncated: only the first ${limits.maxEntries.toLocaleString('en-US')} lines or ${limits.maxChars.toLocaleString('en-US')} characters are kept`;
}

/** Collects console entries up to the limits; `dropped` counts what came after. */
export class ConsoleCapture {
  readonly limits: ConsoleLimits;
  /** The test running now, set by the harness's test-start events. */
  test: string | undefined;
  private chars = 0;
  private kept = 0;
  private cut = false;
  dropped = 0;

  constructor(
    private readonly sink: (entry: ConsoleEntry) => void,
    limits: Partial<ConsoleLimits> = {},
  ) {
    this.limits = { ...DEFAULT_CONSOLE_LIMITS, ...limits };
  }

  get truncated(): boolean {
    return this.cut;
  }

  /** Records one console call; formats it only while under the cap (a flood costs a count). */
  push(level: ConsoleLevel, args: readonly unknown[]): void {
    if (this.cut) {
      this.dropped += 1;
      return;
    }
    let text = formatArgs(args, this.limits.depth);
    const { maxEntryChars, maxChars, maxEntries } = this.limits;
    if (text.length > maxEntryChars) text = `${text.slice(0, maxEntryChars)}… (${(text.length - maxEntryChars).toLocaleString('en-US')} more characters)`;
    if (this.kept >= maxEntries || this.chars + text.length > maxChars) {
      this.cut = true;
      this.dropped += 1;
      this.sink({ level: 'warn', text: truncatedText(this.limits), truncated: true, ...(this.test ? { test: this.test } : {}) });
      return;
    }
    this.kept += 1;
    this.chars += text.length;
    this.sink({ level, text, ...(this.test ? { test: this.test } : {}) });
  }
}

/**
 * Replaces `target`'s log/info/warn/error/debug with ones that feed `capture` (and print
 * nothing else); returns the function that puts the originals back.
 */
export function captureConsole(target: Console, capture: ConsoleCapture): () => void {
  const originals = CONSOLE_LEVELS.map((level) => [level, target[level]] as const);
  for (const level of CONSOLE_LEVELS) {
    target[level] = (...args: unknown[]) => capture.push(level, args);
  }
  return () => {
    for (const [level, original] of originals) target[level] = original;
  };
}
