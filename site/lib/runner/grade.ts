/**
 * Grading in the page, the same way `ticklab grade` grades: the student's code is
 * transpiled (a syntax error or a forbidden import stops there, as the CLI's bundler
 * does), then the exercise's tests run against it in a fresh Web Worker while the code
 * is type-checked in another; a type error makes the verdict an `error`, as in the CLI.
 * The transpile on the run path is Sucrase's (transpile.ts), so the tests start without
 * waiting for TypeScript's compiler, which only the type-check needs.
 * The verdict, the time-out outcome and the report come from the grading core
 * (`grading/`), shared with the CLI.
 *
 * Workers are driven by `grading/worker-driver.ts` (`driveWorker`), as in the CLI's
 * Chromium grading; where the CLI starts a worker from one self-contained bundle, the page
 * keeps a module worker ready with the harness and the exercise's engine modules already
 * loaded (a warm run then takes a fraction of a cold one) and posts it the code to run.
 * The report, and its reading (`outcomeOfReport`), are the core's.
 */
import type { ExerciseResult, Problem } from '../../../grading/result-schema.ts';
import { verdict } from '../../../grading/verdict.ts';
import { driveWorker, outcomeOfReport, type WorkerReport, type WorkerRunOptions } from '../../../grading/worker-driver.ts';
import { makeNonce } from '../../../grading/report-check.ts';
import { typeSuppressions } from '../../../grading/type-suppressions.ts';
import { allowanceRecord, engineValueImports, importsBeyond, type EngineImports } from '../../../grading/engine-imports.ts';
import { exerciseLabel } from '../../../grading/exercise-format.ts';
import { decodeMappings, mapResultLocations } from '../../../grading/source-map.ts';
import type { CheckReply, CheckRequest, CheckTimings, GradeReply, GradeRequest, ManifestExercise, RunHooks, RunnerManifest } from './protocol.ts';
import { transpileFast } from './transpile.ts';

/** The runner's folder on this site: `/runner/` under the site's base. */
export function runnerBase(): string {
  const base: string = import.meta.env.BASE_URL ?? '/';
  return new URL(`${base.replace(/\/?$/, '/')}runner/`, location.href).href;
}

let manifest: Promise<RunnerManifest> | undefined;
export function loadManifest(): Promise<RunnerManifest> {
  manifest ??= fetch(`${runnerBase()}manifest.json`).then((r) => {
    if (!r.ok) throw new Error(`the runner's manifest is missing (${r.status}): was the site built with its runner?`);
    return r.json() as Promise<RunnerManifest>;
  });
  return manifest;
}

// ----------------------------------------------------------------- type-check worker

type CheckPayload = CheckRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

let checkWorker: { worker: Worker; pending: Map<number, (reply: CheckReply) => void>; next: number } | undefined;

/** The type-check worker, started if it is not: it fetches the compiler and the declarations at once. */
function startCheckWorker(): NonNullable<typeof checkWorker> {
  if (!checkWorker) {
    const worker = new Worker(`${runnerBase()}check-worker.js`, { type: 'module', name: 'ticklab type-check' });
    const state = { worker, pending: new Map<number, (reply: CheckReply) => void>(), next: 1 };
    worker.onmessage = (e: MessageEvent<CheckReply>) => {
      state.pending.get(e.data.id)?.(e.data);
      state.pending.delete(e.data.id);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      for (const [id, resolve] of state.pending) resolve({ id, type: 'failed', message: `the type-check worker failed: ${e.message}` });
      state.pending.clear();
      checkWorker = undefined;
    };
    checkWorker = state;
  }
  return checkWorker;
}

function check(request: CheckPayload): Promise<CheckReply> {
  const state = startCheckWorker();
  const id = state.next++;
  return new Promise((resolve) => {
    state.pending.set(id, resolve);
    state.worker.postMessage({ ...request, id } as CheckRequest);
  });
}

// ----------------------------------------------------------------- grading workers

interface ReadyWorker {
  worker: Worker;
  ready: Promise<void>;
}

/** One worker per exercise kept loaded and waiting; each run takes it and a new one is made after. */
const waiting = new Map<string, ReadyWorker>();

function startWorker(exercise: ManifestExercise): ReadyWorker {
  const worker = new Worker(`${runnerBase()}worker.js`, { type: 'module', name: `ticklab ${exercise.slug}` });
  const ready = new Promise<void>((resolve) => {
    const done = () => {
      worker.removeEventListener('message', onMessage);
      resolve();
    };
    // A failed preparation is not fatal: the run loads what it needs and reports what fails.
    const onMessage = (e: MessageEvent<GradeReply>) => {
      if (e.data.type === 'ready' || e.data.type === 'error') done();
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', done, { once: true });
  });
  worker.postMessage({ type: 'prepare', testModule: exercise.testModule, engineImports: exercise.engineImports } satisfies GradeRequest);
  return { worker, ready };
}

/** Takes the waiting worker (or starts one), and starts the next run's worker meanwhile. */
function takeWorker(exercise: ManifestExercise): ReadyWorker {
  const ready = waiting.get(exercise.slug) ?? startWorker(exercise);
  waiting.delete(exercise.slug);
  setTimeout(() => {
    if (!waiting.has(exercise.slug)) waiting.set(exercise.slug, startWorker(exercise));
  }, 0);
  return ready;
}

/** Gives back a worker that was taken but not used (the code did not compile). */
function giveBack(slug: string, ready: ReadyWorker): void {
  if (waiting.has(slug)) ready.worker.terminate();
  else waiting.set(slug, ready);
}

/**
 * Loads the compiler, the declarations, the harness and the exercise's modules ahead of
 * the first Run, while the student reads or edits: the type-check of `code` parses every
 * declaration file once. Nothing runs the student's code here.
 */
export async function warmUp(slug: string, code?: string): Promise<void> {
  const exercise = (await loadManifest()).exercises[slug];
  if (!exercise || cannotRun(exercise, globalThis.crossOriginIsolated === true)) return;
  if (!waiting.has(slug)) waiting.set(slug, startWorker(exercise));
  if (code !== undefined) await check({ type: 'typecheck', slug, code, codeLabel: codeLabelOf(slug) });
}

/** Progress and cancellation of a run (the grading core's worker options), with the page's phases and console. */
export type RunOptions = WorkerRunOptions & RunHooks;

/** Sends one run to a waiting worker and collects its report, signed with a fresh nonce; terminates it at the time limit. Never rejects. */
export function runInWorker(ready: ReadyWorker, request: Omit<Extract<GradeRequest, { type: 'run' }>, 'nonce'>, timeLimitMs: number, options: RunOptions = {}): Promise<WorkerReport> {
  const nonce = makeNonce();
  // The clock starts with the run: preparation happened before, without student code.
  // Console lines go to the page, when signed with this run's nonce (driveWorker keeps onmessage for its own messages).
  const onConsole = options.onConsole;
  if (onConsole) ready.worker.addEventListener('message', (e: MessageEvent<GradeReply>) => e.data.type === 'console' && e.data.nonce === nonce && onConsole(e.data.entry));
  return driveWorker(ready.worker, () => ready.worker.postMessage({ ...request, nonce } satisfies GradeRequest), timeLimitMs, { ...options, nonce });
}

/**
 * The student's code (or a starting file) compiled for the grading worker: by Sucrase at
 * once, or, when Sucrase cannot read it, by TypeScript in the type-check worker, whose
 * syntax errors the page shows.
 */
async function transpileForRun(code: string, codeLabel: string): Promise<CheckReply> {
  const fast = transpileFast(code, codeLabel, (await loadManifest()).engine);
  return fast ? { id: 0, type: 'transpiled', ...fast } : check({ type: 'transpile', code, codeLabel, runnerBase: runnerBase() });
}

/** An exercise's starting file as served, compiled, and the engine names it imports. */
interface Starter {
  source: string;
  js: string;
  allowed: EngineImports;
}

/** Each exercise's starting file, compiled once (the worker lists the tests with it before the student's code loads), and the engine names it imports: all a submission may import. */
const starters = new Map<string, Promise<Starter | undefined>>();
function starterOf(exercise: ManifestExercise): Promise<Starter | undefined> {
  let starter = starters.get(exercise.slug);
  if (!starter) {
    starter = fetch(`${runnerBase()}${exercise.starterSource}`)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then(async (code) => {
        const reply = await transpileForRun(code, codeLabelOf(exercise.slug));
        return reply.type === 'transpiled' && reply.problems.length === 0 ? { source: code, js: reply.js, allowed: engineValueImports(code) } : undefined;
      })
      .catch(() => undefined);
    starters.set(exercise.slug, starter);
  }
  return starter;
}

// ----------------------------------------------------------------- grading

/** How the CLI names the student's file in messages (`ticklab grade <slug>`). */
export const codeLabelOf = (slug: string) => exerciseLabel(slug);

/** Why an exercise cannot be graded in this page, or undefined when it can. */
export function cannotRun(exercise: ManifestExercise | undefined, isolated: boolean): string | undefined {
  if (!exercise) return 'this exercise is not part of the runner built with the site (rebuild the site)';
  if (exercise.runsIn === 'node') {
    return `${exercise.title} is graded only by the command line (its meta.json says runsIn: "node": its tests need Node). Run \`npx ticklab ${exercise.slug}\`.`;
  }
  if (exercise.needsIsolation && !isolated) {
    return `${exercise.title} shares memory between threads (SharedArrayBuffer), which browsers allow only in a cross-origin-isolated page, and this page is not: its host sends no Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers, and the service worker that adds them could not start (a private window, or service workers disabled). Run \`npx ticklab ${exercise.slug}\`, or open the course with \`npm start\`.`;
  }
  return undefined;
}

/** The timings of a type-check that did not run (no step of it is in the Performance panel). */
const NOT_CHECKED: CheckTimings = { compiler: 0, declarations: 0, parse: 0, check: 0 };

/**
 * The type-check's reply for `code`: the worker's, except for the starting file exactly as
 * served, which `ticklab check` proves type-checks (and test/site/runner.test.ts that the
 * page's checker gives the CLI's errors on it): a student's first Run of the untouched
 * file, the commonest first Run, need not wait for a cold compiler. It fails its tests by
 * rule, so no pass ever rests on this; any edit is checked.
 */
async function typecheckUnlessStarter(slug: string, code: string, codeLabel: string, starter: Promise<Starter | undefined>): Promise<CheckReply> {
  if ((await starter)?.source === code) return { id: 0, type: 'typechecked', problems: [], timings: NOT_CHECKED };
  return check({ type: 'typecheck', slug, code, codeLabel });
}

/** Grades `code` as the exercise's exercise.ts. Never rejects for anything the code does. */
export async function gradeInPage(slug: string, code: string, options: RunOptions = {}): Promise<ExerciseResult> {
  const started = performance.now();
  const codeLabel = codeLabelOf(slug);
  const finish = (tests: ExerciseResult['tests'], problems: Problem[]): ExerciseResult => ({
    exercise: slug,
    status: verdict(tests, problems),
    durationMs: Math.round(performance.now() - started),
    tests,
    problems,
  });
  const exercise = (await loadManifest()).exercises[slug];
  const why = cannotRun(exercise, globalThis.crossOriginIsolated === true);
  if (why || !exercise) return finish([], [{ kind: 'load', message: why ?? 'no such exercise' }]);

  const ready = takeWorker(exercise);
  // The compiler loads while the code is transpiled (a cold start: it is the type-check's
  // longest step); for the untouched starting file, which is not checked, it loads for the next Run.
  startCheckWorker();
  // Marks for the site benchmark's breakdown (transpile, tests, type-check), in the Performance panel too.
  const mark = (name: string, start: number) => performance.measure(`ticklab ${name}`, { start, end: performance.now() });
  const t0 = performance.now();
  const phase = options.onPhase ?? (() => {}); // the page shows the phases
  phase({ step: 'bundle', state: 'active' });
  const transpiled = await transpileForRun(code, codeLabel);
  mark('transpile', t0);
  phase({ step: 'bundle', state: transpiled.type === 'transpiled' && transpiled.problems.length === 0 ? 'done' : 'failed' });
  if (transpiled.type !== 'transpiled') {
    giveBack(slug, ready);
    return finish([], [{ kind: 'crash', message: transpiled.type === 'failed' ? transpiled.message : 'the type-check worker answered out of turn' }]);
  }
  if (transpiled.problems.length > 0) {
    giveBack(slug, ready);
    return finish([], transpiled.problems);
  }
  // Run the tests and type-check meanwhile, as the CLI does.
  const t1 = performance.now();
  phase({ step: 'typecheck', state: 'active' });
  const starterCompiled = starterOf(exercise); // fetched and compiled while the worker gets ready
  const typed = typecheckUnlessStarter(slug, code, codeLabel, starterCompiled).then((reply) => {
    mark('typecheck', t1);
    if (reply.type === 'typechecked' && reply.timings !== NOT_CHECKED) for (const [name, ms] of Object.entries(reply.timings)) performance.measure(`ticklab typecheck: ${name}`, { start: t1, duration: ms });
    return reply;
  });
  void typed.then((r) => phase({ step: 'typecheck', state: r.type === 'typechecked' && r.problems.length === 0 ? 'done' : 'failed' }));
  phase({ step: 'tests', state: 'active', done: 0 });
  await ready.ready;
  mark('worker ready', t1);
  const t2 = performance.now();
  const starter = await starterCompiled;
  // As in the CLI: the student's code may import from the engine only what the starting file imports, name by name.
  const beyond = starter ? importsBeyond(engineValueImports(code), starter.allowed) : [];
  if (beyond.length) {
    giveBack(slug, ready);
    return finish([], beyond.map((message) => ({ kind: 'import' as const, message, file: codeLabel })));
  }
  const report = await runInWorker(
    ready,
    {
      type: 'run',
      testModule: exercise.testModule,
      studentJs: transpiled.js,
      ...(starter ? { starterJs: starter.js, allowedNames: allowanceRecord(starter.allowed) } : {}),
      testTimeoutMs: exercise.timeLimitMs,
    },
    exercise.timeLimitMs,
    options,
  );
  mark('tests', t2);
  phase({ step: 'tests', state: report.timedOut || report.error ? 'failed' : 'done' });
  const ran = outcomeOfReport(report, exercise.timeLimitMs, report.reader?.collected);
  // Errors thrown in the student's code name its TypeScript lines, as in the CLI.
  const map = transpiled.mappings ? decodeMappings(transpiled.mappings) : undefined;
  const outcome = mapResultLocations(ran, map);
  const typeReply = await typed;
  const typeProblems: Problem[] =
    typeReply.type === 'typechecked' ? [...typeSuppressions(code, codeLabel), ...typeReply.problems] : [{ kind: 'crash', message: typeReply.type === 'failed' ? typeReply.message : 'no type-check' }];
  return finish(outcome.tests, [...typeProblems, ...outcome.problems]);
}
