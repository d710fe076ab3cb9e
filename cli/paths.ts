import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The TickLab checkout this CLI belongs to (its engine is always this one's). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const ENGINE_DIR = path.join(PACKAGE_ROOT, 'engine');
/** The browser-safe grading core shared with the site. */
export const GRADING_DIR = path.join(PACKAGE_ROOT, 'grading');
/** The Node-only side of grading (the sandbox child). */
export const GRADER_DIR = path.join(PACKAGE_ROOT, 'cli', 'grader');

/**
 * Where the course lives: its `exercises/` and `content/`. Normally the checkout itself;
 * `TICKLAB_ROOT` points elsewhere (an instructor's fork in progress, the CLI's own tests).
 */
export function courseRoot(): string {
  return path.resolve(process.env.TICKLAB_ROOT ?? PACKAGE_ROOT);
}

/** Files the CLI keeps for a student (progress, hints shown, backups): never the exercises themselves. */
export function stateDir(root = courseRoot()): string {
  return path.join(root, '.ticklab');
}
