/**
 * The type-check worker: TypeScript's compiler, off the page's thread. It loads the
 * declarations bundle (`/runner/types.json`) and the manifest once, then transpiles the
 * student's code for the grading worker and type-checks it with the exercise's tests
 * (check.ts), keeping parsed declarations between runs so that a second run is quick.
 */
import ts from 'typescript';
import { testLabelBeside } from '../../../grading/exercise-format.ts';
import { createChecker, type Checker } from './check.ts';
import type { CheckReply, CheckRequest, RunnerManifest, TypesBundle } from './protocol.ts';

const scope = globalThis as unknown as { postMessage(message: unknown): void; onmessage: ((e: MessageEvent<CheckRequest>) => void) | null };
const runnerBase = new URL('./', import.meta.url).href;

async function json<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, runnerBase));
  if (!response.ok) throw new Error(`cannot load ${response.url}: ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

const manifest = json<RunnerManifest>('manifest.json');
let checker: Promise<Checker> | undefined;
let transpiler: Promise<Checker> | undefined;
const testSources = new Map<string, Promise<string>>();

function getChecker(): Promise<Checker> {
  checker ??= Promise.all([manifest, json<TypesBundle>('types.json')]).then(([m, types]) =>
    createChecker({ ts, files: types.files, compilerOptions: m.compilerOptions, engine: m.engine }),
  );
  return checker;
}

function getTranspiler(): Promise<Checker> {
  transpiler ??= manifest.then((m) => createChecker({ ts, files: {}, compilerOptions: m.compilerOptions, engine: m.engine }));
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
  const [check, test] = await Promise.all([getChecker(), testSource(request.slug)]);
  const labels = { code: request.codeLabel, test: testLabelBeside(request.codeLabel) };
  return { id: request.id, type: 'typechecked', problems: check.typecheck(request.code, test, labels) };
}

scope.onmessage = (e) => {
  handle(e.data).then(scope.postMessage.bind(scope), (error: unknown) =>
    scope.postMessage({ id: e.data.id, type: 'failed', message: String((error as Error)?.stack ?? error) } satisfies CheckReply),
  );
};
