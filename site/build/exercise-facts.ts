/**
 * Facts about an exercise that the page needs at build time, read from its folder: the
 * same for the runner's manifest (runner-files.ts) and the <Exercise> component.
 */
import { readFileSync } from 'node:fs';
import type { ExerciseFiles } from '../../content/catalog/exercises.ts';

/**
 * Whether grading it needs SharedArrayBuffer, which browsers give only to a
 * cross-origin-isolated page: its tests or its solution allocate one, or block on one.
 * (The engine's ring falls back to an ArrayBuffer by itself where there is none.)
 */
export function needsIsolation(files: Pick<ExerciseFiles, 'test' | 'solution'>): boolean {
  const uses = /new SharedArrayBuffer\b|Atomics\.wait\b/;
  return [files.test, files.solution].some((f) => uses.test(readFileSync(f, 'utf8')));
}
