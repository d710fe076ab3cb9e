/** Hints, revealed one at a time: the state lives in the student's progress, shared by `ticklab hint` and watch mode. */
import pc from 'picocolors';
import type { Progress } from './progress.ts';

/** Reveals one more of `hints` in `progress` (the caller saves it) and returns those shown so far. */
export function revealHint(progress: Progress, slug: string, hints: readonly string[]): { shown: string[]; total: number } {
  const count = Math.min((progress.hintsShown[slug] ?? 0) + 1, hints.length);
  progress.hintsShown[slug] = count;
  return { shown: hints.slice(0, count), total: hints.length };
}

export function formatHints(shown: readonly string[], total: number): string {
  const lines = shown.map((h, i) => `${pc.cyan(`Hint ${i + 1}/${total}:`)} ${h}`);
  if (shown.length < total) lines.push(pc.dim('(ask again for a more specific hint)'));
  else lines.push(pc.dim('(that was the last hint: the lesson and the tests say the rest)'));
  return lines.join('\n');
}
