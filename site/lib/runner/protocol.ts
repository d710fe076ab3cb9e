/**
 * What the page, the type-check worker and the grading worker say to each other, and
 * what the build writes for them under `/runner/` (see site/build/runner-files.ts).
 * Types only: nothing here ships code.
 */
import type { HarnessEvent, HarnessOutcome } from '../../../grading/run-tests.ts';
import type { Problem } from '../../../grading/result-schema.ts';
import type { ConsoleEntry } from '../../../grading/console-capture.ts';

/** `/runner/manifest.json`: one entry per exercise, written at build time. */
export interface RunnerManifest {
  /** Compiler options of the CLI's type-check, as TypeScript's JSON form (`tsconfig` spelling). */
  compilerOptions: Record<string, unknown>;
  /** `#engine/<name>` -> the module's generated declaration file in the types bundle (`/engine/book/order-book.d.ts`). */
  engine: Record<string, string>;
  exercises: Record<string, ManifestExercise>;
}

export interface ManifestExercise {
  slug: string;
  title: string;
  runsIn: 'both' | 'node' | 'browser';
  timeLimitMs: number;
  /** The test module, compiled at build time, relative to `/runner/` (`tests/borrow-tracker.js`). */
  testModule: string;
  /** The test file's TypeScript source, relative to `/runner/`, for the type-check. */
  testSource: string;
  /** The starting file's TypeScript source, relative to `/runner/`: the worker lists the tests with it. */
  starterSource: string;
  /** The engine modules the tests import, preloaded by a waiting grading worker. */
  engineImports: string[];
  /** Whether the tests or the reference solution use SharedArrayBuffer (a cross-origin-isolated page only). */
  needsIsolation: boolean;
}

/** `/runner/types.json`: every declaration file the type-check reads, by virtual path. */
export interface TypesBundle {
  files: Record<string, string>;
}

// ----------------------------------------------------------------- check worker

export type CheckRequest =
  | { id: number; type: 'transpile'; code: string; codeLabel: string; runnerBase: string }
  | { id: number; type: 'typecheck'; slug: string; code: string; codeLabel: string };

export type CheckReply =
  | { id: number; type: 'transpiled'; js: string; problems: Problem[]; mappings?: string }
  | { id: number; type: 'typechecked'; problems: Problem[]; timings: CheckTimings }
  | { id: number; type: 'failed'; message: string };

/** Where a type-check's time went, in ms, for the site benchmark (the Performance panel shows them too). */
export interface CheckTimings {
  /** From the worker's start until TypeScript's compiler was loaded and evaluated (0 once loaded). */
  compiler: number;
  /** Once the compiler is in, waiting for the declarations bundle and the test source (their download and JSON parse; about 0 once loaded). */
  declarations: number;
  /** Parsing declaration files this check (0 once all are parsed). */
  parse: number;
  /** The whole check in the compiler: program, binding, checking (parse included). */
  check: number;
}

// ----------------------------------------------------------------- grading worker

export type GradeRequest =
  /** Load the harness and these modules now, so that the run itself is quick. */
  | { type: 'prepare'; testModule: string; engineImports: string[] }
  /**
   * Run the tests against `studentJs` (CommonJS, evaluated in the sealed realm). `nonce`
   * signs every reply of this run; `collect` first lists the tests with the course's
   * own starting file, for the page to check the run's report against.
   */
  | { type: 'run'; testModule: string; studentJs: string; starterJs?: string; allowedNames?: Record<string, string[]>; testTimeoutMs: number; nonce: string };

export type GradeReply =
  | { type: 'ready' }
  /** A line the student's code or the tests printed (grading/console-capture.ts). */
  | { nonce: string; type: 'console'; entry: ConsoleEntry }
  | { nonce: string; type: 'event'; event: HarnessEvent }
  | { nonce: string; type: 'collected'; names: string[] }
  | { nonce: string; type: 'done'; outcome: HarnessOutcome }
  | { nonce: string; type: 'error'; message: string };

// ----------------------------------------------------------------- phases of a run

/** The steps of a run the page shows as they happen. */
export type RunStep = 'bundle' | 'typecheck' | 'tests';
export type StepState = 'pending' | 'active' | 'done' | 'failed' | 'skipped';

/** One change of a run's progress, from `gradeInPage` to the page. */
export type RunPhase =
  | { step: 'bundle' | 'typecheck'; state: StepState }
  /** The tests: `done` finished so far, `total` when known, `current` the one running. */
  | { step: 'tests'; state: StepState; done?: number; total?: number; current?: string };

/** What a page-side run reports beyond the grading core's events. */
export interface RunHooks {
  onPhase?(phase: RunPhase): void;
  onConsole?(entry: ConsoleEntry): void;
}
