/**
 * The page's grading runtime, bundled for the browser under `/runner/`: each public
 * engine module (`#engine/<name>`, package.json's imports map) as `engine/<name>.js`,
 * code-split so that a module imported by another is one shared instance; the worker
 * scripts the engine starts (`engine-workers/*.js`); `vitest.js` (the shared harness's
 * vitest shim), `fast-check.js`, `worker.js` (the grading worker) and `grade.js` (the
 * page's grading API, site/lib/runner/grade.ts, as a module of its own).
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { engineModules } from '../../../grading/engine-modules.ts';
import { hardenDeclarations } from '../../../grading/harden-declarations.ts';
import { PATCHED_FILES, patchDependency } from '../../../grading/dependency-patches.ts';
import { browserBuild } from './browser-build.ts';
import type { RunnerFiles } from './files.ts';
import { listFiles } from './source-files.ts';

/** How the engine starts a worker: `new URL('./x-worker.ts', import.meta.url)`. */
const WORKER_URL = /new URL\((['"])\.\/([a-z0-9-]+-worker)\.ts\1,\s*import\.meta\.url\)/g;

/** The engine's sources as the page runs them: workers at their built URLs, classes frozen where declared. */
function engineWorkerPlugin(engineDir: string, runnerUrl: string, found: Set<string>): Plugin {
  return {
    name: 'ticklab-engine-workers',
    setup(b) {
      b.onLoad({ filter: PATCHED_FILES }, (args) => ({ contents: patchDependency(args.path, readFileSync(args.path, 'utf8')), loader: 'js' }));
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(engineDir + path.sep)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        const contents = source.replace(WORKER_URL, (_m, _q, name: string) => {
          found.add(path.join(path.dirname(args.path), `${name}.ts`));
          // Absolute: after code splitting this code may run from a chunk in another folder.
          return `new URL(${JSON.stringify(`${runnerUrl}engine-workers/${name}.js`)}, import.meta.url)`;
        });
        // Frozen where declared once the grading worker has sealed its realm (grading/harden-declarations.ts).
        return { contents: hardenDeclarations(contents), loader: 'ts' };
      });
    },
  };
}

/** fast-check as one module of its own, default export included, that every test module shares. */
const fastCheckPlugin = (root: string): Plugin => ({
  name: 'ticklab-fast-check',
  setup(b) {
    b.onResolve({ filter: /^ticklab:fast-check$/ }, () => ({ path: 'fast-check', namespace: 'ticklab' }));
    b.onLoad({ filter: /.*/, namespace: 'ticklab' }, () => ({
      contents: "export * from 'fast-check'; export { default } from 'fast-check';",
      resolveDir: root,
    }));
  },
});

export async function buildRuntime(root: string, runnerUrl: string, minify: boolean): Promise<RunnerFiles> {
  const engineDir = path.join(root, 'engine');
  const grading = path.join(root, 'grading');
  const workers = new Set<string>();
  // The engine's worker scripts, found by a first look at the engine's sources.
  for (const file of listFiles(engineDir, '.ts')) {
    for (const m of readFileSync(file, 'utf8').matchAll(WORKER_URL)) workers.add(path.join(path.dirname(file), `${m[2]}.ts`));
  }
  const entryPoints = [
    ...[...engineModules].map(([name, file]) => ({ in: path.join(root, file), out: `engine/${name}` })),
    ...[...workers].map((file) => ({ in: file, out: `engine-workers/${path.basename(file, '.ts')}` })),
    { in: path.join(grading, 'vitest-shim.ts'), out: 'vitest' },
    { in: 'ticklab:fast-check', out: 'fast-check' },
    { in: path.join(root, 'site/lib/runner/worker.ts'), out: 'worker' },
    // The page's grading API as a module of its own, for tests and benchmarks that grade
    // the way <Exercise> does without going through its buttons.
    { in: path.join(root, 'site/lib/runner/grade.ts'), out: 'grade' },
  ];
  const out = await build({
    ...browserBuild(root, minify),
    entryPoints,
    splitting: true,
    outdir: '/runner',
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'import.meta.env.BASE_URL': JSON.stringify(runnerUrl.replace(/runner\/$/, '')) },
    plugins: [fastCheckPlugin(root), engineWorkerPlugin(engineDir, runnerUrl, workers)],
  });
  const files: RunnerFiles = new Map();
  for (const f of out.outputFiles) files.set(path.posix.join('runner', path.relative('/runner', f.path)), f.text);
  return files;
}
