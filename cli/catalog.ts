/**
 * The course's exercises as the CLI sees them: the shared Node catalog
 * (content/catalog/), loaded from the course the CLI runs in, and `pick`, which turns
 * the slugs a command was given into exercises or a usage error that says what to do.
 */
import { loadCatalog as loadCourse, type Catalog } from '../content/catalog/catalog.ts';
import { formatIssue } from '../content/catalog/issues.ts';
import type { Exercise } from '../content/catalog/exercises.ts';
import { exerciseLabel } from '../grading/exercise-format.ts';
import { courseRoot } from './paths.ts';
import { UsageError } from './errors.ts';

export type { Catalog } from '../content/catalog/catalog.ts';
export type { Exercise, ExerciseFiles } from '../content/catalog/exercises.ts';
export type { CatalogIssue } from '../content/catalog/issues.ts';
export { exerciseFiles } from '../content/catalog/exercises.ts';
export { formatIssue } from '../content/catalog/issues.ts';
export { SLUG_PATTERN } from '../content/schemas/slug.ts';
export { exerciseLabel } from '../grading/exercise-format.ts';

/** The catalog of the course the CLI runs in (cli/paths.ts), or of `root`. */
export function loadCatalog(root = courseRoot()): Catalog {
  return loadCourse(root);
}

/** Finds exercises by slug, with a helpful error for an unknown one. */
export function pick(catalog: Catalog, slugs: readonly string[]): Exercise[] {
  if (slugs.length === 0) return catalog.exercises;
  return slugs.map((slug) => {
    const found = catalog.exercises.find((e) => e.slug === slug);
    if (found) return found;
    // The folder is there but did not load: say what is wrong with it, not "unknown".
    const folder = exerciseLabel(slug, '');
    const broken = catalog.issues.filter((i) => i.file.startsWith(`${folder}/`) || i.file === folder);
    if (broken.length) {
      const what = broken.map(formatIssue).join('; ');
      throw new UsageError(`exercise "${slug}" cannot be loaded: ${what}. Fix it (docs/authoring.md explains each field), then run \`ticklab check ${slug}\`.`);
    }
    const near = catalog.exercises.filter((e) => e.slug.includes(slug) || slug.includes(e.slug)).map((e) => e.slug);
    const hint = near.length ? ` Did you mean ${near.join(' or ')}?` : ' Run `ticklab list` to see them all.';
    throw new UsageError(`unknown exercise "${slug}".${hint}`);
  });
}
