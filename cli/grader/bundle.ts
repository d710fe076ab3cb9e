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
import { hardenDeclarations } from '../../grading/harden-declarations.ts';
import { PATCHED_FILES, patchDependency } from '../../grading/dependency-patches.ts';
import type { LineMap } from '../../grading/source-map.ts';
import { buildStudent, studentShim } from './student-build.ts';
import { allowanceRecord, engineValueImports, importsBeyond, type EngineImports } from '../../grading/engine-imports.ts';

export interface BundleRequest {
  /** The exercise's test file (trusted: it comes from the course). */
  testFile: string;
  /** The file the tests import as `./exercise`: a student's exercise.ts, or the solution when checking. */
  codeFile: string;
  /** Label for the code file in messages (e.g. "alice/borrow-tracker/exercise.ts"). */
  codeLabel: string;
  /** The code file's text, already read (and checked) by the caller; read from `codeFile` when absent. */
  codeSource?: string;
  /** The engine names the code may import (its starting file's value imports); anything public when absent. */
  allowedEngine?: EngineImports;
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
export type BundleResult = { ok: true; code: string; workers: Record<string, string>; studentMap: LineMap } | { ok: false; problems: Problem[] };

const ENTRY = 'ticklab:sandbox-entry';
const STUDENT = 'ticklab:student';
const ENGINE_NS = 'ticklab-engine';

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

/** The entry: seal the realm first (its import comes first, so it is evaluated first), then the harness. */
function entrySource(req: BundleRequest): string {
  const seal = `import ${JSON.stringify(path.join(GRADING_DIR, 'seal-now.ts'))};`;
  return req.target === 'browser'
    ? [
        seal,
        `import { runTestModule } from ${JSON.stringify(path.join(GRADING_DIR, 'run-tests.ts'))};`,
        `import { collectTestNames } from ${JSON.stringify(path.join(GRADING_DIR, 'run-tests.ts'))};`,
        `const importTests = () => import(${JSON.stringify(req.testFile)});`,
        `globalThis.ticklabRunTests = (onEvent) => runTestModule({ importTests, testTimeoutMs: ${req.testTimeoutMs}, onEvent });`,
        `globalThis.ticklabCollectTests = () => collectTestNames({ importTests, testTimeoutMs: ${req.testTimeoutMs} });`,
      ].join('\n')
    : [
        seal,
        `import { runInSandbox } from ${JSON.stringify(path.join(GRADER_DIR, 'node-child.ts'))};`,
        `runInSandbox(() => import(${JSON.stringify(req.testFile)}), ${req.testTimeoutMs});`,
      ].join('\n');
}

/** An engine module as the tests and the student see it: its namespace hardened once it has loaded. */
function engineWrapper(file: string): string {
  return [
    `import * as ns from ${JSON.stringify(file)};`,
    `export * from ${JSON.stringify(file)};`,
    'globalThis.harden?.({ ...ns });',
  ].join('\n');
}

function policy(req: BundleRequest, shim: string): Plugin {
  const testDir = path.dirname(req.testFile);
  return {
    name: 'ticklab-import-policy',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${ENTRY}$`) }, () => ({ path: ENTRY, namespace: 'ticklab' }));
      b.onLoad({ filter: new RegExp(`^${ENTRY}$`), namespace: 'ticklab' }, () => ({ contents: entrySource(req), resolveDir: testDir, loader: 'ts' }));
      b.onLoad({ filter: new RegExp(`^${STUDENT}$`), namespace: 'ticklab' }, () => ({ contents: shim, resolveDir: testDir, loader: 'js' }));
      b.onResolve({ filter: /^vitest$/ }, () => ({ path: path.join(GRADING_DIR, 'vitest-shim.ts') }));
      b.onResolve({ filter: /^#engine\// }, (args) => {
        const file = engineFile(args.path);
        return file ? { path: file, namespace: ENGINE_NS } : { errors: [{ text: `"${args.path}" is not a public engine module; exercises may import ${PUBLIC}` }] };
      });
      b.onLoad({ filter: /.*/, namespace: ENGINE_NS }, (args) => ({ contents: engineWrapper(args.path), resolveDir: ENGINE_DIR, loader: 'js' }));
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.importer === req.testFile && /^\.\/exercise(\.ts)?$/.test(args.path)) return { path: STUDENT, namespace: 'ticklab' };
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
function engineWorkers(found: Map<string, string>, trusted: ReadonlySet<string> = new Set()): Plugin {
  return {
    name: 'ticklab-engine-workers',
    setup(b) {
      b.onLoad({ filter: PATCHED_FILES }, async (args) => ({ contents: patchDependency(args.path, await readFile(args.path, 'utf8')), loader: 'js' }));
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const inEngine = args.path.startsWith(ENGINE_DIR + path.sep);
        if (!inEngine && !trusted.has(args.path)) return undefined;
        const source = await readFile(args.path, 'utf8');
        const contents = source.replace(WORKER_URL, (_m, _q, name: string) => {
          found.set(name, path.join(path.dirname(args.path), `${name}.ts`));
          return `new URL('./${name}.mjs', import.meta.url)`;
        });
        // The engine's and the test file's own classes, frozen where declared (see harden-declarations.ts).
        return { contents: hardenDeclarations(contents), loader: 'ts' };
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
      // Each worker seals its own realm before the engine's worker code loads (see function-job.ts).
      const entry = [`import ${JSON.stringify(path.join(GRADING_DIR, 'seal-now.ts'))};`, `import ${JSON.stringify(file)};`].join('\n');
      const out = await build({ ...common, stdin: { contents: entry, resolveDir: path.dirname(file), loader: 'ts', sourcefile: `${name}-entry.ts` }, plugins: [engineWorkers(found)] });
      workers[`${name}.mjs`] = out.outputFiles[0]?.text ?? '';
    }
  }
  return workers;
}

export async function bundleForSandbox(req: BundleRequest): Promise<BundleResult> {
  const found = new Map<string, string>();
  const source = req.codeSource ?? (await readFile(req.codeFile, 'utf8'));
  const sourcefile = path.basename(req.codeFile);
  const allowed = req.allowedEngine;
  // Name by name first (a clear message); the sealed require hands out only these names anyway.
  const beyond = allowed ? importsBeyond(engineValueImports(source), allowed, sourcefile) : [];
  if (beyond.length) return { ok: false, problems: beyond.map((message) => ({ kind: 'import' as const, message, file: req.codeLabel })) };
  const student = await buildStudent(source, sourcefile, req.codeLabel, path.dirname(req.codeFile), allowed ? new Set(allowed.keys()) : undefined);
  if (!student.ok) return student;
  const shim = studentShim(student.build, path.join(GRADING_DIR, 'seal.ts'), (specifier) => specifier, sourcefile, allowed ? allowanceRecord(allowed) : undefined);
  try {
    const browser = req.target === 'browser';
    const out = await build({
      ...common,
      entryPoints: [ENTRY],
      plugins: [policy(req, shim), engineWorkers(found, new Set([req.testFile]))],
      // SES refuses to initialize in sloppy mode: the classic script is strict from its first line.
      ...(browser ? { platform: 'browser', format: 'iife', target: 'es2022', banner: { js: '"use strict";' } } : {}),
    });
    const file = out.outputFiles[0];
    if (!file) return { ok: false, problems: [{ kind: 'crash', message: 'the bundler produced no output' }] };
    return { ok: true, code: file.text, workers: await bundleWorkers(found), studentMap: student.build.map };
  } catch (error) {
    const failure = error as { errors?: Message[] };
    if (!failure.errors) throw error;
    return { ok: false, problems: failure.errors.map((m) => toProblem(m, req)) };
  }
}
