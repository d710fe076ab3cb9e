/**
 * The grading worker: runs one exercise's compiled tests against the student's code with
 * the shared harness (vitest's runner and expect, `grading/run-tests.ts`), in a Web
 * Worker of its own, and reports progress and the outcome to the page. One worker grades
 * one run: the page terminates it at the time limit (an endless loop cannot stop itself)
 * and starts a fresh one, so every run gets fresh engine modules.
 *
 * Modules: the compiled test (`/runner/tests/<slug>.js`) names its imports with
 * placeholders, replaced here by absolute URLs (a blob: module cannot resolve relative
 * ones): `vitest` is the shared shim, `#engine/<name>` an engine module built at build
 * time, `./exercise.ts` the student's code as a blob. The student's code imports the
 * same engine URLs (check.ts), so the tests and the code share one instance of each.
 */
import { runTestModule } from '../../../grading/run-tests.ts';
import type { GradeReply, GradeRequest } from './protocol.ts';
// Issue 20: console output of the student's code and the tests goes to the page.
import { ConsoleCapture, captureConsole } from '../../../grading/console-capture.ts';

/** The worker's global scope (the project's types are the page's, DOM). */
const scope = globalThis as unknown as { postMessage(message: unknown): void; onmessage: ((e: MessageEvent<GradeRequest>) => void) | null };

/** The placeholders the build puts in compiled tests (site/build/runner-files.ts). */
export const RUNNER_PLACEHOLDER = '__TICKLAB_RUNNER__';
export const EXERCISE_PLACEHOLDER = '__TICKLAB_EXERCISE__';

const runnerBase = new URL('./', import.meta.url).href;
const post = (reply: GradeReply) => scope.postMessage(reply);

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

async function prepare(request: Extract<GradeRequest, { type: 'prepare' }>): Promise<void> {
  const text = await testText(request.testModule);
  // Everything the tests import except the student's code, loaded and evaluated now.
  const libraries = ['vitest', ...(text.includes(`${RUNNER_PLACEHOLDER}/fast-check.js`) ? ['fast-check'] : [])];
  await Promise.all([
    ...libraries.map((name) => import(/* @vite-ignore */ `${runnerBase}${name}.js`)),
    ...request.engineImports.map((name) => import(/* @vite-ignore */ `${runnerBase}engine/${name}.js`)),
  ]);
}

async function run(request: Extract<GradeRequest, { type: 'run' }>): Promise<void> {
  const studentUrl = moduleUrl(request.studentJs);
  const test = (await testText(request.testModule)).replaceAll(`${RUNNER_PLACEHOLDER}/`, runnerBase).replaceAll(EXERCISE_PLACEHOLDER, studentUrl);
  const testUrl = moduleUrl(`${test}\n//# sourceURL=exercise.test.ts\n`);
  // Issue 20: capture console.* for this run (one worker grades one run: nothing to restore).
  const capture = new ConsoleCapture((entry) => post({ type: 'console', entry }));
  captureConsole(console, capture);
  const outcome = await runTestModule({
    importTests: () => import(/* @vite-ignore */ testUrl),
    testTimeoutMs: request.testTimeoutMs,
    onEvent: (event) => {
      if (event.type === 'test-start') capture.test = event.name; // issue 20: tag console lines with their test
      post({ type: 'event', event });
    },
  });
  post({ type: 'done', outcome });
}

scope.onmessage = (e: MessageEvent<GradeRequest>) => {
  const request = e.data;
  const work = request.type === 'prepare' ? prepare(request).then(() => post({ type: 'ready' })) : run(request);
  work.catch((error: unknown) => post({ type: 'error', message: String((error as Error)?.stack ?? error) }));
};
