/**
 * `/runner/tests/<slug>.js`: an exercise's test file compiled for the browser, its
 * imports left as placeholders that the grading worker fills in (site/lib/runner/worker.ts):
 * vitest, fast-check and the engine from `/runner/`, `./exercise` with the student's code.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { ENGINE_PREFIX, engineModules } from '../../../grading/engine-modules.ts';
import { hardenDeclarations } from '../../../grading/harden-declarations.ts';
import { browserBuild } from './browser-build.ts';

/** The placeholders compiled tests carry (the same strings as site/lib/runner/worker.ts's). */
const RUNNER_PLACEHOLDER = '__TICKLAB_RUNNER__';
const EXERCISE_PLACEHOLDER = '__TICKLAB_EXERCISE__';

export interface TestModule {
  code: string;
  /** The engine modules the tests import, by name, sorted. */
  engineImports: string[];
}

/** Compiles `testFile`; an import outside the engine, or of the solution, fails the build of this module. */
export async function buildTestModule(root: string, testFile: string): Promise<TestModule> {
  const engineImports = new Set<string>();
  const out = await build({
    ...browserBuild(root),
    entryPoints: [testFile],
    plugins: [
      {
        name: 'ticklab-test-imports',
        setup(b) {
          b.onResolve({ filter: /^vitest$/ }, () => ({ path: `${RUNNER_PLACEHOLDER}/vitest.js`, external: true }));
          b.onResolve({ filter: /^fast-check$/ }, () => ({ path: `${RUNNER_PLACEHOLDER}/fast-check.js`, external: true }));
          b.onResolve({ filter: /^#engine\// }, (args) => {
            const name = args.path.slice(ENGINE_PREFIX.length);
            if (!engineModules.has(name)) return { errors: [{ text: `"${args.path}" is not part of the engine` }] };
            engineImports.add(name);
            return { path: `${RUNNER_PLACEHOLDER}/engine/${name}.js`, external: true };
          });
          b.onResolve({ filter: /^\.\/exercise(\.ts)?$/ }, (args) =>
            args.importer === testFile ? { path: EXERCISE_PLACEHOLDER, external: true } : undefined,
          );
          b.onResolve({ filter: /solution(\.ts)?$/ }, () => ({ errors: [{ text: 'the reference solution is not available to graded code' }] }));
          // The test file's own classes, frozen where declared, as the CLI's bundle does.
          b.onLoad({ filter: /\.ts$/ }, (args) => (args.path === testFile ? { contents: hardenDeclarations(readFileSync(testFile, 'utf8')), loader: 'ts' } : undefined));
        },
      },
    ],
  });
  return { code: out.outputFiles[0]!.text, engineImports: [...engineImports].sort() };
}
