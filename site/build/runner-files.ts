/**
 * Builds, at build time, everything the page needs to grade an exercise without a
 * server, as files under `/runner/` (each piece in site/build/runner/):
 *
 * - the grading runtime (runtime.ts): the engine's modules and workers, the vitest shim,
 *   fast-check, the grading worker and the page's grading API; `check-worker.js`
 *   (check-worker.ts), TypeScript for transpiling and type-checking;
 * - each exercise (exercise-files.ts): its tests compiled (test-modules.ts), its
 *   sources, and its entry in `manifest.json` (time limit, what it needs);
 * - `editor/` (editor.ts): Monaco, loaded only when a student starts editing;
 * - `types.json` (types-bundle.ts): the declarations the CLI's type-check reads, and the
 *   engine's generated from engine/ (engine-declarations.ts), for the page's type-check
 *   and Monaco's IntelliSense, with the CLI's compiler options (compiler-options.ts).
 *
 * Plus `coi-serviceworker.js` at the site's root (the npm package coi-serviceworker),
 * which makes a page cross-origin isolated on hosts that cannot send headers. Unchanged
 * inputs come from a cache (cache.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadCatalog } from '../../content/catalog/catalog.ts';
import type { Exercise } from '../../content/catalog/exercises.ts';
import type { RunnerManifest } from '../lib/runner/protocol.ts';
import { cacheDir, inputsHash, readCache, writeCache } from './runner/cache.ts';
import { buildCheckWorker } from './runner/check-worker.ts';
import { gradingCompilerOptions } from './runner/compiler-options.ts';
import { buildEditor } from './runner/editor.ts';
import { addExercise } from './runner/exercise-files.ts';
import { basePath, type RunnerBuildOptions, type RunnerFiles } from './runner/files.ts';
import { buildRuntime } from './runner/runtime.ts';
import { listFiles, RUNNER_SOURCE_DIRS } from './runner/source-files.ts';
import { buildTestModule, type TestModule } from './runner/test-modules.ts';
import { typesBundle } from './runner/types-bundle.ts';

export type { RunnerBuildOptions, RunnerFiles } from './runner/files.ts';

/** The runner's files: from the cache when its inputs are unchanged, else built (and cached). */
export async function buildRunnerFiles(options: RunnerBuildOptions): Promise<RunnerFiles> {
  const dir = path.join(cacheDir(), inputsHash(options.root, basePath(options), options.minify ?? true));
  const cached = readCache(dir);
  if (cached) return cached;
  const files = await buildRunnerFilesFresh(options);
  writeCache(dir, files);
  return files;
}

/** An exercise's tests compiled, or undefined (with a warning) when they do not compile for the page. */
async function compiledTests(root: string, exercise: Exercise): Promise<TestModule | undefined> {
  try {
    return await buildTestModule(root, exercise.files.test);
  } catch (error) {
    const errors = (error as { errors?: { text: string }[] }).errors;
    console.warn(`[ticklab runner] ${exercise.slug}: its tests do not compile for the page, skipped: ${errors?.map((x) => x.text).join('; ') ?? error}`);
    return undefined;
  }
}

export async function buildRunnerFilesFresh(options: RunnerBuildOptions): Promise<RunnerFiles> {
  const { root } = options;
  const base = basePath(options);
  const minify = options.minify ?? true;
  // The exercises that load (a folder being written may not yet): the site's build reports the rest.
  const { exercises } = loadCatalog(root);
  const compiler = gradingCompilerOptions(root);

  const [runtime, editor, checkWorker, tests] = await Promise.all([
    buildRuntime(root, `${base}runner/`, minify),
    buildEditor(root, base, minify),
    buildCheckWorker(root, minify),
    Promise.all(exercises.map((e) => compiledTests(root, e))),
  ]);
  const files: RunnerFiles = new Map([...runtime, ...editor]);
  files.set('runner/check-worker.js', checkWorker);

  const { bundle, engine } = typesBundle(root, compiler.options, exercises);
  files.set('runner/types.json', JSON.stringify(bundle));

  const manifest: RunnerManifest = { compilerOptions: compiler.json, engine, exercises: {} };
  exercises.forEach((exercise, i) => {
    const test = tests[i];
    if (test) manifest.exercises[exercise.slug] = addExercise(files, exercise, test);
  });
  files.set('runner/manifest.json', JSON.stringify(manifest));
  const require = createRequire(import.meta.url);
  files.set('coi-serviceworker.js', readFileSync(require.resolve('coi-serviceworker/coi-serviceworker.min.js'), 'utf8'));
  return files;
}

/** The newest modification time of the sources the runner is built from, to rebuild in dev when one changes. */
export function runnerSourcesStamp(root: string): number {
  let newest = 0;
  for (const dir of RUNNER_SOURCE_DIRS) {
    for (const file of listFiles(path.join(root, dir), '')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}
