/**
 * The repository root, where content/, exercises/ and engine/ live, for components that
 * read files at build time (<CodeRegion>, prop checks). Found by walking up from this
 * module: from site/lib/ when run from source (dev), from a chunk in dist/ when built.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  for (const start of [path.dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'content', 'course.json')) && existsSync(path.join(dir, 'astro.config.mjs'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`cannot find the TickLab repository (content/course.json) above ${fileURLToPath(import.meta.url)} or ${process.cwd()}`);
}

/** Absolute path of the repository root, without a trailing slash. */
export const ROOT = findRoot();
