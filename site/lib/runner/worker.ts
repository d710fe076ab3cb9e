/**
 * The grading worker: runs one exercise's compiled tests against the student's code with
 * the shared harness (vitest's runner and expect, `grading/run-tests.ts`), in a Web
 * Worker of its own, and reports progress and the outcome to the page. One worker grades
 * one run: the page terminates it at the time limit (an endless loop cannot stop itself)
 * and starts a fresh one, so every run gets fresh engine modules.
 *
 * Sealed as the CLI's sandbox is (grading/seal.ts): the realm is locked down before the
 * harness loads (the first import below), and the student's code, compiled to CommonJS,
 * is evaluated in a Compartment whose globals do not include `postMessage`, `self` or
 * `fetch`. Every reply carries the run's nonce, and the tests are first listed with the
 * course's starting file, so the page can check the report (grading/report-check.ts).
 *
 * Modules: the compiled test (`/runner/tests/<slug>.js`) names its imports with
 * placeholders, replaced here by absolute URLs (a blob: module cannot resolve relative
 * ones): `vitest` is the shared shim, `#engine/<name>` an engine module built at build
 * time, `./exercise.ts` a small trusted module re-exporting what the sealed student
 * module exported. The student's `require('#engine/<name>')` gets the same engine module
 * the tests import, hardened.
 */
import '../../../grading/seal-now.ts';
import { defaultEndowments, evaluateStudentModule } from '../../../grading/seal.ts';
import { reexportLines } from '../../../grading/reexport.ts';
import { collectTestNames, runTestModule } from '../../../grading/run-tests.ts';
import type { GradeReply, GradeRequest } from './protocol.ts';
import { ConsoleCapture, captureConsole } from '../../../grading/console-capture.ts';

/** The worker's global scope (the project's types are the page's, DOM). */
const scope = globalThis as unknown as { postMessage(message: unknown): void; onmessage: ((e: MessageEvent<GradeRequest>) => void) | null };
// Captured now, before any student code exists: the channel to the page.
const postMessage = scope.postMessage.bind(scope);

/** The placeholders the build puts in compiled tests (site/build/runner-files.ts). */
export const RUNNER_PLACEHOLDER = '__TICKLAB_RUNNER__';
export const EXERCISE_PLACEHOLDER = '__TICKLAB_EXERCISE__';
/** Where the trusted `./exercise.ts` module finds the sealed module's exports (this realm's global, out of the student's reach). */
const STASH = '__ticklabStudentExports';

const runnerBase = new URL('./', import.meta.url).href;
const post = (reply: GradeReply) => postMessage(reply);

const sources = new Map<string, Promise<string>>();
function testText(testModule: string): Promise<string> {
  let text = sources.get(testModule);
  if (!text) {
    text = fetch(new URL(testModule, runnerBase)).then((r) => {
      if (!r.ok) throw new Error(`cannot load the tests (${r.status} ${r.statusText}): ${r.url}`);
      return r.text();
    });
    sources.set(testModule, text);
  }
  return text;
}

function moduleUrl(code: string): string {
  return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
}

const engineUrl = (name: string) => `${runnerBase}engine/${name}.js`;

async function prepare(request: Extract<GradeRequest, { type: 'prepare' }>): Promise<void> {
  const text = await testText(request.testModule);
  // Everything the tests import except the student's code, loaded and evaluated now.
  const libraries = ['vitest', ...(text.includes(`${RUNNER_PLACEHOLDER}/fast-check.js`) ? ['fast-check'] : [])];
  await Promise.all([
    ...libraries.map((name) => import(/* @vite-ignore */ `${runnerBase}${name}.js`)),
    ...request.engineImports.map((name) => import(/* @vite-ignore */ engineUrl(name))),
  ]);
}

/**
 * Evaluates `js` (CommonJS) in the sealed realm and returns the URL of a module that
 * re-exports its exports by name, for the compiled test to import as `./exercise.ts`.
 */
async function sealedModuleUrl(js: string, key: string, allowedNames?: Record<string, string[]>): Promise<string> {
  // Sucrase keeps the quotes as written, TypeScript writes double ones.
  const wanted = [...new Set([...js.matchAll(/require\((["'])(#engine\/[a-z0-9-]+)\1\)/g)].map((m) => m[2]!))];
  const imports: Record<string, object> = {};
  for (const specifier of wanted) imports[specifier] = (await import(/* @vite-ignore */ engineUrl(specifier.slice('#engine/'.length)))) as object;
  // Forwarders, looked up at call time: the console the capture has patched.
  const endowments = defaultEndowments({
    log: (...a: unknown[]) => console.log(...a),
    info: (...a: unknown[]) => console.info(...a),
    warn: (...a: unknown[]) => console.warn(...a),
    error: (...a: unknown[]) => console.error(...a),
    debug: (...a: unknown[]) => console.debug(...a),
  });
  const exports = evaluateStudentModule(js, imports, endowments, 'exercise.ts', allowedNames);
  const stash = ((globalThis as Record<string, unknown>)[STASH] ??= {}) as Record<string, unknown>;
  stash[key] = exports;
  const lines = [`const ns = globalThis[${JSON.stringify(STASH)}][${JSON.stringify(key)}];`, ...reexportLines(Object.keys(exports), 'ns')];
  return moduleUrl(lines.join('\n'));
}

async function testModuleUrl(testModule: string, exerciseUrl: string): Promise<string> {
  const test = (await testText(testModule)).replaceAll(`${RUNNER_PLACEHOLDER}/`, runnerBase).replaceAll(EXERCISE_PLACEHOLDER, exerciseUrl);
  return moduleUrl(`${test}\n//# sourceURL=exercise.test.ts\n`);
}

async function run(request: Extract<GradeRequest, { type: 'run' }>): Promise<void> {
  const { nonce } = request;
  // Console output of the student's code and the tests goes to the page, capped (one worker grades one run: nothing to restore).
  const capture = new ConsoleCapture((entry) => post({ nonce, type: 'console', entry }));
  captureConsole(console, capture);
  // The tests' names, listed with the course's starting file before the student's code is loaded.
  if (request.starterJs !== undefined) {
    try {
      const starter = await testModuleUrl(request.testModule, await sealedModuleUrl(request.starterJs, 'starter'));
      const names = await collectTestNames({ importTests: () => import(/* @vite-ignore */ starter), testTimeoutMs: request.testTimeoutMs });
      post({ nonce, type: 'collected', names });
    } catch {
      // A starting file that cannot even be loaded lists nothing: the page then checks the report's shape only.
    }
  }
  const outcome = await runTestModule({
    importTests: async () => import(/* @vite-ignore */ await testModuleUrl(request.testModule, await sealedModuleUrl(request.studentJs, 'student', request.allowedNames))),
    testTimeoutMs: request.testTimeoutMs,
    onEvent: (event) => {
      if (event.type === 'test-start') capture.test = event.name; // console lines are tagged with their test
      post({ nonce, type: 'event', event });
    },
  });
  post({ nonce, type: 'done', outcome });
}

scope.onmessage = (e: MessageEvent<GradeRequest>) => {
  const request = e.data;
  if (request.type === 'prepare') {
    prepare(request).then(
      () => post({ type: 'ready' }),
      (error: unknown) => post({ nonce: '', type: 'error', message: String((error as Error)?.stack ?? error) }),
    );
    return;
  }
  run(request).catch((error: unknown) => post({ nonce: request.nonce, type: 'error', message: String((error as Error)?.stack ?? error) }));
};
