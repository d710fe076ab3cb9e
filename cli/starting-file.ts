/** An exercise's starting file as the course committed it, for reset and for progress export. */
import { execFileSync } from 'node:child_process';
import { exerciseLabel } from './catalog.ts';
import { UsageError } from './errors.ts';

/** The committed starting file, from git's HEAD. */
export function startingFile(root: string, slug: string): string {
  const rel = exerciseLabel(slug);
  try {
    return execFileSync('git', ['show', `HEAD:${rel}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new UsageError(`cannot find the starting file of ${slug}: ${rel} is not committed in a git checkout at ${root}`);
  }
}
