/** `ticklab hint <slug>`: reveals one more hint at each call, and repeats those already shown. */
import pc from 'picocolors';
import { loadCatalog, pick } from '../catalog.ts';
import { loadProgress, saveProgress, type Progress } from '../progress.ts';

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

export function hintCommand(slug: string): number {
  const [exercise] = pick(loadCatalog(), [slug]);
  const progress = loadProgress();
  const { shown, total } = revealHint(progress, slug, exercise!.meta.hints);
  saveProgress(progress);
  process.stdout.write(formatHints(shown, total) + '\n');
  return 0;
}
