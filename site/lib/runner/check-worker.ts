/**
 * The type-check worker: TypeScript's compiler, off the page's thread. It loads the
 * declarations bundle (`/runner/types.json`) and the manifest once, then transpiles the
 * student's code for the grading worker and type-checks it with the exercise's tests
 * (check.ts), keeping parsed declarations between runs so that a second run is quick.
 * The bundle and the manifest are requested first, before TypeScript's 3 MB evaluate, so
 * that the network and the compiler's start overlap.
 */
import type * as TS from 'typescript';
import { testLabelBeside } from '../../../grading/exercise-format.ts';
import { createChecker, type Checker } from './check.ts';
import type { CheckReply, CheckRequest, CheckTimings, RunnerManifest, TypesBundle } from './protocol.ts';

const scope = globalThis as unknown as { postMessage(message: unknown): void; onmessage: ((e: MessageEvent<CheckRequest>) => void) | null };
const runnerBase = new URL('./', import.meta.url).href;
/** When TypeScript was loaded and evaluated, from the worker's start (its time origin). */
let compilerLoadedAt = 0;
let compilerReported = false;

async function json<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, runnerBase));
  if (!response.ok) throw new Error(`cannot load ${response.url}: ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

const manifest = json<RunnerManifest>('manifest.json');
// Every request needs the compiler, and every type-check the declarations: both start now.
const types = json<TypesBundle>('types.json');
// Bundled in this file all the same: a dynamic import only defers the module's evaluation
// until this top level has sent its requests.
const compiler: Promise<typeof TS> = import('typescript').then((m) => {
  compilerLoadedAt = performance.now();
  return m.default;
});
let checker: Promise<Checker> | undefined;
let transpiler: Promise<Checker> | undefined;
const testSources = new Map<string, Promise<string>>();

function getChecker(): Promise<Checker> {
  checker ??= Promise.all([compiler, manifest, types]).then(([ts, m, t]) => createChecker({ ts, files: t.files, compilerOptions: m.compilerOptions, engine: m.engine }));
  return checker;
}

function getTranspiler(): Promise<Checker> {
  transpiler ??= Promise.all([compiler, manifest]).then(([ts, m]) => createChecker({ ts, files: {}, compilerOptions: m.compilerOptions, engine: m.engine }));
  return transpiler;
}

async function testSource(slug: string): Promise<string> {
  let source = testSources.get(slug);
  if (!source) {
    source = manifest.then(async (m) => {
      const exercise = m.exercises[slug];
      if (!exercise) throw new Error(`no exercise "${slug}" in the runner's manifest`);
      const response = await fetch(new URL(exercise.testSource, runnerBase));
      if (!response.ok) throw new Error(`cannot load ${response.url}: ${response.status}`);
      return response.text();
    });
    testSources.set(slug, source);
  }
  return source;
}

async function handle(request: CheckRequest): Promise<CheckReply> {
  if (request.type === 'transpile') {
    // Transpiling needs no declarations: start loading them for the type-check, but do not wait.
    void getChecker();
    const out = (await getTranspiler()).transpile(request.code, request.codeLabel);
    return { id: request.id, type: 'transpiled', ...out };
  }
  await compiler;
  const waited = performance.now(); // from here on, waiting for the declarations and the tests' source
  const [check, test] = await Promise.all([getChecker(), testSource(request.slug)]);
  const started = performance.now();
  const labels = { code: request.codeLabel, test: testLabelBeside(request.codeLabel) };
  const parsedBefore = check.parseMs();
  const problems = check.typecheck(request.code, test, labels);
  const timings: CheckTimings = {
    compiler: compilerReported ? 0 : compilerLoadedAt,
    declarations: started - waited,
    parse: check.parseMs() - parsedBefore,
    check: performance.now() - started,
  };
  compilerReported = true;
  return { id: request.id, type: 'typechecked', problems, timings };
}

scope.onmessage = (e) => {
  handle(e.data).then(scope.postMessage.bind(scope), (error: unknown) =>
    scope.postMessage({ id: e.data.id, type: 'failed', message: String((error as Error)?.stack ?? error) } satisfies CheckReply),
  );
};
