/**
 * Bundles one exercise's test file, the code under test and the engine into a single
 * ES module for a grading sandbox, with esbuild. Bundling does three jobs at once:
 * it transpiles TypeScript, it reports syntax errors with file and line, and it
 * enforces what the student's file may import (the engine, nothing else), so the
 * sandbox needs no file access at all.
 */
import { build, type BuildOptions, type Message, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ENGINE_DIR, GRADER_DIR, GRADING_DIR, PACKAGE_ROOT } from '../paths.ts';
import { ENGINE_PREFIX, engineModuleFile, engineModules } from '../../grading/engine-modules.ts';
import type { Problem } from '../../grading/result-schema.ts';

export interface BundleRequest {
  /** The exercise's test file (trusted: it comes from the course). */
  testFile: string;
  /** The file the tests import as `./exercise`: a student's exercise.ts, or the solution when checking. */
  codeFile: string;
  /** Label for the code file in messages (e.g. "alice/borrow-tracker/exercise.ts"). */
  codeLabel: string;
  /** Per-test limit for asynchronous tests. */
  testTimeoutMs: number;
  /**
   * `node` (default): a script for the Node sandbox, which runs the tests at once and
   * reports over IPC. `browser`: a classic script that defines
   * `globalThis.ticklabRunTests(onEvent?): Promise<HarnessOutcome>`, for a page or a worker.
   */
  target?: 'node' | 'browser';
}

/**
 * The sandbox script, and the worker scripts it starts (file name -> code), to be written
 * beside it: engine code that starts `new URL('./x-worker.ts', import.meta.url)` gets
 * `./x-worker.mjs`, bundled the same way, as Vite does for the browser.
 */
export type BundleResult = { ok: true; code: string; workers: Record<string, string> } | { ok: false; problems: Problem[] };

const ENTRY = 'ticklab:sandbox-entry';

/** Resolves `#engine/<name>` to the engine's TypeScript file (package.json "imports"), or undefined if it is not public. */
export function engineFile(specifier: string): string | undefined {
  const file = engineModuleFile(specifier);
  return file ? path.join(PACKAGE_ROOT, file) : undefined;
}

/** The public module names, for messages. */
const PUBLIC = [...engineModules.keys()].map((n) => `${ENGINE_PREFIX}${n}`).join(', ');

function isSolution(file: string): boolean {
  return path.basename(file) === 'solution.ts';
}

function policy(req: BundleRequest): Plugin {
  const testDir = path.dirname(req.testFile);
  return {
    name: 'ticklab-import-policy',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${ENTRY}$`) }, () => ({ path: ENTRY, namespace: 'ticklab' }));
      b.onLoad({ filter: /.*/, namespace: 'ticklab' }, () => ({
        contents:
          req.target === 'browser'
            ? [
                `import { runTestModule } from ${JSON.stringify(path.join(GRADING_DIR, 'run-tests.ts'))};`,
                `globalThis.ticklabRunTests = (onEvent) => runTestModule({ importTests: () => import(${JSON.stringify(req.testFile)}), testTimeoutMs: ${req.testTimeoutMs}, onEvent });`,
              ].join('\n')
            : [
                `import { runInSandbox } from ${JSON.stringify(path.join(GRADER_DIR, 'node-child.ts'))};`,
                `runInSandbox(() => import(${JSON.stringify(req.testFile)}), ${req.testTimeoutMs});`,
              ].join('\n'),
        resolveDir: testDir,
        loader: 'ts',
      }));
      b.onResolve({ filter: /^vitest$/ }, () => ({ path: path.join(GRADING_DIR, 'vitest-shim.ts') }));
      b.onResolve({ filter: /^#engine\// }, (args) => {
        const file = engineFile(args.path);
        return file ? { path: file } : { errors: [{ text: `"${args.path}" is not a public engine module; exercises may import ${PUBLIC}` }] };
      });
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.importer === req.codeFile) {
          return {
            errors: [{ text: `${path.basename(req.codeFile)} may import only from the engine ("#engine/<module>"), not "${args.path}"` }],
          };
        }
        if (args.importer === req.testFile && /^\.\/exercise(\.ts)?$/.test(args.path)) return { path: req.codeFile };
        if (args.path.startsWith('.')) {
          const target = path.resolve(args.resolveDir, args.path);
          if (isSolution(target) || isSolution(`${target}.ts`)) {
            return { errors: [{ text: 'the reference solution is not available to graded code' }] };
          }
        }
        return undefined; // esbuild's own resolution: the engine's and the harness's dependencies
      });
    },
  };
}

const WORKER_URL = /new URL\((['"])\.\/([a-z0-9-]+-worker)\.ts\1,\s*import\.meta\.url\)/g;

/** Points the engine's worker URLs at bundled `.mjs` siblings, and records which are needed (name -> source file). */
function engineWorkers(found: Map<string, string>): Plugin {
  return {
    name: 'ticklab-engine-workers',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(ENGINE_DIR + path.sep)) return undefined;
        const source = await readFile(args.path, 'utf8');
        const contents = source.replace(WORKER_URL, (_m, _q, name: string) => {
          found.set(name, path.join(path.dirname(args.path), `${name}.ts`));
          return `new URL('./${name}.mjs', import.meta.url)`;
        });
        return { contents, loader: 'ts' };
      });
    },
  };
}

function toProblem(message: Message, req: BundleRequest): Problem {
  const loc = message.location;
  const inCode = loc?.file !== undefined && path.resolve(loc.file) === path.resolve(req.codeFile);
  const fromPolicy = message.pluginName === 'ticklab-import-policy' || /Could not resolve/.test(message.text);
  return {
    kind: fromPolicy ? 'import' : 'syntax',
    message: message.text,
    ...(loc ? { file: inCode ? req.codeLabel : path.relative(process.cwd(), path.resolve(loc.file)), line: loc.line, column: loc.column + 1 } : {}),
  };
}

/** Bundles the sandbox script; syntax and import errors come back as problems, never thrown. */
const common: BuildOptions & { write: false } = {
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  sourcesContent: false, // line numbers are enough for stack traces; halves the script
  logLevel: 'silent',
  // The course may live outside this checkout: its tests' packages come from ours.
  nodePaths: [path.join(PACKAGE_ROOT, 'node_modules')],
  // Some bundled dependencies (chai's helpers) use `require`; give the ESM bundle one.
  banner: { js: "import { createRequire as __ticklabRequire } from 'node:module'; const require = __ticklabRequire(import.meta.url);" },
};

/** Bundles the worker scripts the engine starts, and those they start in turn. */
async function bundleWorkers(found: Map<string, string>): Promise<Record<string, string>> {
  const workers: Record<string, string> = {};
  for (let pending = [...found]; pending.length > 0; pending = [...found].filter(([n]) => !(`${n}.mjs` in workers))) {
    for (const [name, file] of pending) {
      const out = await build({ ...common, entryPoints: [file], plugins: [engineWorkers(found)] });
      workers[`${name}.mjs`] = out.outputFiles[0]?.text ?? '';
    }
  }
  return workers;
}

export async function bundleForSandbox(req: BundleRequest): Promise<BundleResult> {
  const found = new Map<string, string>();
  try {
    const browser = req.target === 'browser';
    const out = await build({
      ...common,
      entryPoints: [ENTRY],
      plugins: [policy(req), engineWorkers(found)],
      ...(browser ? { platform: 'browser', format: 'iife', target: 'es2022', banner: {} } : {}),
    });
    const file = out.outputFiles[0];
    if (!file) return { ok: false, problems: [{ kind: 'crash', message: 'the bundler produced no output' }] };
    return { ok: true, code: file.text, workers: await bundleWorkers(found) };
  } catch (error) {
    const failure = error as { errors?: Message[] };
    if (!failure.errors) throw error;
    return { ok: false, problems: failure.errors.map((m) => toProblem(m, req)) };
  }
}
