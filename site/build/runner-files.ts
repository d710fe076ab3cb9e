/**
 * Builds, at build time, everything the page needs to grade an exercise without a
 * server, as files under `/runner/`:
 *
 * - `engine/<name>.js`: each public engine module (`#engine/<name>`, package.json's
 *   imports map) as a browser ES module, code-split so that a module imported by another
 *   is one shared instance; `engine-workers/*.js`: the worker scripts the engine starts.
 * - `vitest.js` (the shared harness's vitest shim), `fast-check.js`, `worker.js` (the
 *   grading worker), `check-worker.js` (TypeScript, for transpiling and type-checking),
 *   `grade.js` (the page's grading API, site/lib/runner/grade.ts, as a module of its own).
 * - `tests/<slug>.js`: each exercise's test file compiled, its imports left as
 *   placeholders the grading worker fills in; `exercises/<slug>/exercise.test.ts` (for
 *   the type-check) and `solution.ts` (fetched only when the student asks to see it).
 * - `editor/monaco.js` (with `monaco.css` and its workers): the editor, bundled here so
 *   that the site's own build stays quick; loaded only when a student starts editing.
 * - `types.json`: every declaration file the CLI's type-check reads for the exercises
 *   (TypeScript's libs, vitest's, fast-check's, Node's), and the engine's declarations
 *   generated from `engine/`, for the page's type-check and Monaco's IntelliSense.
 * - `manifest.json`: the exercises, their time limits, what each needs.
 *
 * Plus `coi-serviceworker.js` at the site's root (the npm package coi-serviceworker),
 * which makes a page cross-origin isolated on hosts that cannot send headers.
 */
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';
import { exerciseMetaSchema } from '../../content/schemas/exercise.ts';
import { ENGINE_PREFIX, engineModules } from '../../grading/engine-modules.ts';
import { hardenDeclarations } from '../../grading/harden-declarations.ts';
import { PATCHED_FILES, patchDependency } from '../../grading/dependency-patches.ts';
import { needsIsolation } from './exercise-facts.ts';
import type { ManifestExercise, RunnerManifest, TypesBundle } from '../lib/runner/protocol.ts';

const require = createRequire(import.meta.url);
const ts: typeof TS = require('typescript');

/** The placeholders compiled tests carry (replaced by the grading worker: site/lib/runner/worker.ts). */
const RUNNER_PLACEHOLDER = '__TICKLAB_RUNNER__';
const EXERCISE_PLACEHOLDER = '__TICKLAB_EXERCISE__';

/** File path under the output folder -> contents. */
export type RunnerFiles = Map<string, string | Uint8Array>;

export interface RunnerBuildOptions {
  /** The repository root (where package.json, engine/, exercises/ and grading/ are). */
  root: string;
  /** The site's base path ("/"). */
  base?: string;
  /** Minify the runtime (default true). */
  minify?: boolean;
}

const WORKER_URL = /new URL\((['"])\.\/([a-z0-9-]+-worker)\.ts\1,\s*import\.meta\.url\)/g;

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, ext) : e.name.endsWith(ext) ? [full] : [];
  });
}

/** The course's exercises that have what grading needs (a folder being written may not yet). */
export function listExercises(root: string): { slug: string; dir: string; meta: ReturnType<typeof exerciseMetaSchema.parse> }[] {
  const dir = path.join(root, 'exercises');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((slug) => ['meta.json', 'exercise.ts', 'exercise.test.ts', 'solution.ts'].every((f) => existsSync(path.join(dir, slug, f))))
    .sort()
    .flatMap((slug) => {
      const parsed = exerciseMetaSchema.safeParse(JSON.parse(readFileSync(path.join(dir, slug, 'meta.json'), 'utf8')));
      return parsed.success ? [{ slug, dir: path.join(dir, slug), meta: parsed.data }] : [];
    });
}

/** The CLI's type-check options: tsconfig.json's, with only Node's types (cli/grader/typecheck.ts does the same). */
export function gradingCompilerOptions(root: string): { json: Record<string, unknown>; options: TS.CompilerOptions } {
  const configFile = path.join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const json = { ...(config.compilerOptions as Record<string, unknown>), noEmit: true, types: ['node'], typeRoots: ['/node_modules/@types'] };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile);
  const options = { ...parsed.options, noEmit: true, types: ['node'], typeRoots: [path.join(root, 'node_modules', '@types')] };
  return { json, options };
}

// ------------------------------------------------------------------- the runtime

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

async function buildRuntime(root: string, runnerUrl: string, minify: boolean): Promise<RunnerFiles> {
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
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    outdir: '/runner',
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'import.meta.env.BASE_URL': JSON.stringify(runnerUrl.replace(/runner\/$/, '')) },
    logLevel: 'silent',
    nodePaths: [path.join(root, 'node_modules')],
    plugins: [
      {
        name: 'ticklab-fast-check',
        setup(b) {
          b.onResolve({ filter: /^ticklab:fast-check$/ }, () => ({ path: 'fast-check', namespace: 'ticklab' }));
          b.onLoad({ filter: /.*/, namespace: 'ticklab' }, () => ({
            contents: "export * from 'fast-check'; export { default } from 'fast-check';",
            resolveDir: root,
          }));
        },
      },
      engineWorkerPlugin(engineDir, runnerUrl, workers),
    ],
  });
  const files: RunnerFiles = new Map();
  for (const f of out.outputFiles) files.set(path.posix.join('runner', path.relative('/runner', f.path)), f.text);
  return files;
}

async function buildCheckWorker(root: string, minify: boolean): Promise<string> {
  const out = await build({
    entryPoints: [path.join(root, 'site/lib/runner/check-worker.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    logLevel: 'silent',
    nodePaths: [path.join(root, 'node_modules')],
    // TypeScript reaches for Node's modules only when it runs in Node.
    external: ['fs', 'path', 'os', 'crypto', 'inspector', 'perf_hooks', 'buffer', 'module', 'source-map-support', 'node:*'],
  });
  return out.outputFiles[0]!.text;
}

/** Monaco and its two workers, for `/runner/editor/` (loaded only when a student starts editing). */
async function buildEditor(root: string, base: string, minify: boolean): Promise<RunnerFiles> {
  const monaco = path.join(root, 'node_modules/monaco-editor/esm/vs');
  const out = await build({
    entryPoints: [
      { in: path.join(root, 'site/lib/editor/monaco.ts'), out: 'monaco' },
      { in: path.join(monaco, 'editor/editor.worker.js'), out: 'editor.worker' },
      { in: path.join(monaco, 'language/typescript/ts.worker.js'), out: 'ts.worker' },
    ],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    outdir: '/runner/editor',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    loader: { '.ttf': 'file' },
    define: { 'import.meta.env.BASE_URL': JSON.stringify(base) },
    logLevel: 'silent',
    nodePaths: [path.join(root, 'node_modules')],
  });
  const files: RunnerFiles = new Map();
  for (const f of out.outputFiles) files.set(path.posix.join('runner/editor', path.relative('/runner/editor', f.path)), f.contents);
  return files;
}

// ------------------------------------------------------------------- the tests

async function buildTest(root: string, exercise: { slug: string; dir: string }): Promise<{ code: string; engineImports: string[] }> {
  const testFile = path.join(exercise.dir, 'exercise.test.ts');
  const engineImports = new Set<string>();
  const out = await build({
    entryPoints: [testFile],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    nodePaths: [path.join(root, 'node_modules')],
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

// ------------------------------------------------------------------- types

/** The virtual path of a declaration file in the types bundle: `/node_modules/...`. */
function virtualPath(file: string): string | undefined {
  const at = file.lastIndexOf('/node_modules/');
  return at >= 0 ? file.slice(at) : undefined;
}

function packageJsonOf(file: string): string | undefined {
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const parts = file.slice(at + '/node_modules/'.length).split('/');
  const name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  return `${file.slice(0, at)}/node_modules/${name}/package.json`;
}

/** The engine's declarations, generated from its sources; relative imports point at the `.d.ts` siblings. */
function engineDeclarations(root: string, options: TS.CompilerOptions): Record<string, string> {
  const engineDir = path.join(root, 'engine');
  const out: Record<string, string> = {};
  const program = ts.createProgram(listFiles(engineDir, '.ts'), {
    ...options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: undefined,
    declarationDir: undefined,
    rootDir: root,
  });
  program.emit(undefined, (fileName, text) => {
    if (!fileName.endsWith('.d.ts') || !fileName.startsWith(engineDir)) return;
    const rel = `/${path.relative(root, fileName).split(path.sep).join('/')}`;
    out[rel] = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2');
  });
  return out;
}

export function typesBundle(root: string, options: TS.CompilerOptions, exercises: { dir: string }[]): { bundle: TypesBundle; engine: Record<string, string> } {
  const files: Record<string, string> = {};
  const engine: Record<string, string> = {};
  for (const [name, file] of engineModules) engine[name] = `/${file.replace(/\.ts$/, '.d.ts')}`;
  Object.assign(files, engineDeclarations(root, options));

  // Every declaration file the CLI's type-check reads for the course's exercises.
  const roots = [
    ...exercises.flatMap((e) => ['exercise.test.ts', 'solution.ts', 'exercise.ts'].map((f) => path.join(e.dir, f))),
    ...[...engineModules.values()].map((f) => path.join(root, f)),
  ];
  const host = ts.createCompilerHost(options, true);
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      const name = literal.text;
      if (name.startsWith(ENGINE_PREFIX)) {
        const file = engineModules.get(name.slice(ENGINE_PREFIX.length));
        return { resolvedModule: file ? { resolvedFileName: path.join(root, file), extension: ts.Extension.Ts } : undefined };
      }
      return { resolvedModule: ts.resolveModuleName(name, containingFile, options, host).resolvedModule };
    });
  const program = ts.createProgram(roots, options, host);
  const packages = new Set<string>();
  for (const source of program.getSourceFiles()) {
    const virtual = virtualPath(source.fileName);
    if (!virtual) continue;
    files[virtual] = source.text;
    const pkg = packageJsonOf(source.fileName);
    if (pkg) packages.add(pkg);
  }
  for (const pkg of packages) {
    if (existsSync(pkg)) files[virtualPath(pkg)!] = readFileSync(pkg, 'utf8');
  }
  return { bundle: { files }, engine };
}

// ------------------------------------------------------------------- all of it

/** Every input of the runner's build, hashed: the same sources give the same files. */
function inputsHash(root: string, base: string, minify: boolean): string {
  const hash = createHash('sha256').update(`${base}\0${minify}\0`);
  for (const dir of ['engine', 'grading', 'exercises', 'site/lib/runner', 'site/lib/editor', 'site/build', 'content/schemas']) {
    for (const file of listFiles(path.join(root, dir), '').sort()) hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file));
  }
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) {
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * Where built runners are kept: node_modules/.cache of the checkout whose packages these
 * are (a copy of the checkout that links them shares it), the newest few only.
 */
function cacheDir(): string {
  return path.join(path.dirname(path.dirname(realpathSync(require.resolve('esbuild/package.json')))), '.cache', 'ticklab-runner');
}

function readCache(dir: string): RunnerFiles | undefined {
  const index = path.join(dir, 'index.json');
  if (!existsSync(index)) return undefined;
  try {
    const names = JSON.parse(readFileSync(index, 'utf8')) as string[];
    return new Map(names.map((name) => [name, readFileSync(path.join(dir, 'files', name))]));
  } catch {
    return undefined; // a cache being written or damaged: build again
  }
}

function writeCache(dir: string, files: RunnerFiles): void {
  try {
    for (const [name, body] of files) {
      const file = path.join(dir, 'files', name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify([...files.keys()]));
    // Keep the three newest builds.
    const parent = path.dirname(dir);
    const builds = readdirSync(parent)
      .map((name) => ({ name, at: statSync(path.join(parent, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of builds.slice(3)) rmSync(path.join(parent, old.name), { recursive: true, force: true });
  } catch {
    // no cache: the next build builds again
  }
}

/** The runner's files: from the cache when its inputs are unchanged, else built (and cached). */
export async function buildRunnerFiles(options: RunnerBuildOptions): Promise<RunnerFiles> {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const minify = options.minify ?? true;
  const dir = path.join(cacheDir(), inputsHash(options.root, base, minify));
  const cached = readCache(dir);
  if (cached) return cached;
  const files = await buildRunnerFilesFresh(options);
  writeCache(dir, files);
  return files;
}

export async function buildRunnerFilesFresh(options: RunnerBuildOptions): Promise<RunnerFiles> {
  const { root } = options;
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const minify = options.minify ?? true;
  const runnerUrl = `${base}runner/`;
  const exercises = listExercises(root);
  const compiler = gradingCompilerOptions(root);

  const [runtime, editor, checkWorker, tests] = await Promise.all([
    buildRuntime(root, runnerUrl, minify),
    buildEditor(root, base, minify),
    buildCheckWorker(root, minify),
    Promise.all(
      exercises.map(async (e) => {
        try {
          return { ...e, test: await buildTest(root, e) };
        } catch (error) {
          const errors = (error as { errors?: { text: string }[] }).errors;
          console.warn(`[ticklab runner] ${e.slug}: its tests do not compile for the page, skipped: ${errors?.map((x) => x.text).join('; ') ?? error}`);
          return undefined;
        }
      }),
    ),
  ]);
  const files: RunnerFiles = new Map([...runtime, ...editor]);
  files.set('runner/check-worker.js', checkWorker);

  const { bundle, engine } = typesBundle(root, compiler.options, exercises);
  files.set('runner/types.json', JSON.stringify(bundle));

  const manifest: RunnerManifest = { compilerOptions: compiler.json, engine, exercises: {} };
  for (const e of tests) {
    if (!e) continue;
    const entry: ManifestExercise = {
      slug: e.slug,
      title: e.meta.title,
      runsIn: e.meta.runsIn,
      timeLimitMs: e.meta.timeLimitMs,
      testModule: `tests/${e.slug}.js`,
      testSource: `exercises/${e.slug}/exercise.test.ts`,
      starterSource: `exercises/${e.slug}/exercise.ts`,
      engineImports: e.test.engineImports,
      needsIsolation: needsIsolation(e.dir),
    };
    manifest.exercises[e.slug] = entry;
    files.set(`runner/${entry.testModule}`, e.test.code);
    files.set(`runner/${entry.testSource}`, readFileSync(path.join(e.dir, 'exercise.test.ts'), 'utf8'));
    files.set(`runner/${entry.starterSource}`, readFileSync(path.join(e.dir, 'exercise.ts'), 'utf8'));
    files.set(`runner/exercises/${e.slug}/solution.ts`, readFileSync(path.join(e.dir, 'solution.ts'), 'utf8'));
  }
  files.set('runner/manifest.json', JSON.stringify(manifest));
  files.set('coi-serviceworker.js', readFileSync(require.resolve('coi-serviceworker/coi-serviceworker.min.js'), 'utf8'));
  return files;
}

/** The newest modification time of the sources the runner is built from, to rebuild in dev when one changes. */
export function runnerSourcesStamp(root: string): number {
  let newest = 0;
  for (const dir of ['engine', 'grading', 'exercises', 'site/lib/runner']) {
    for (const file of listFiles(path.join(root, dir), '')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}
