/** `ticklab hint <slug>`: reveals one more hint at each call, and repeats those already shown. */
import { loadCatalog, pick } from '../catalog.ts';
import { formatHints, revealHint } from '../hints.ts';
import { loadProgress, saveProgress } from '../progress.ts';

export function hintCommand(slug: string): number {
  const [exercise] = pick(loadCatalog(), [slug]);
  const progress = loadProgress();
  const { shown, total } = revealHint(progress, slug, exercise!.meta.hints);
  saveProgress(progress);
  process.stdout.write(formatHints(shown, total) + '\n');
  return 0;
}
