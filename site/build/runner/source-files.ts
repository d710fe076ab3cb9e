/** The files under a folder, for the runner's build: what to bundle, what to hash, what to watch. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` whose name ends with `ending` ('' for all), depth first; none when `dir` is missing. */
export function listFiles(dir: string, ending: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, ending) : e.name.endsWith(ending) ? [full] : [];
  });
}

/** The folders (from the repository root) whose files the runner is built from. */
export const RUNNER_SOURCE_DIRS = ['engine', 'grading', 'exercises', 'content/catalog', 'content/schemas', 'site/lib/runner', 'site/lib/editor', 'site/build'];
