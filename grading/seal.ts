/**
 * The sealed realm a student's module runs in, the same in the Node sandbox and in the
 * page's grading worker. Browser-safe.
 *
 * `sealRealm()` runs SES's `lockdown()` before any harness module is evaluated: every
 * built-in (Object.is, Array.prototype, JSON, ...) is frozen, so no appended line can
 * change what an assertion compares. The student's module is then evaluated in a
 * `Compartment`: a global object of its own holding only the endowments below, so the
 * harness's globals (vitest's expect state, `process`, `postMessage`, the IPC channel)
 * are not names it can reach. Engine modules come in through `require`, as hardened
 * copies of their namespaces; the engine's classes are hardened where they are declared
 * (`hardenDeclarations`), so a student cannot patch a prototype the tests rely on.
 *
 * What lockdown changes for the harness, and how it is contained:
 * - SES suppresses SharedArrayBuffer and Atomics from the intrinsics it manages; the start
 *   realm keeps them. SharedArrayBuffer is hardened and endowed. The student gets a frozen
 *   facade of Atomics whose methods call the real ones at call time: the trusted tests
 *   watch a student's Atomics calls by wrapping the real object's methods, and the
 *   student, holding only the facade, cannot.
 * - The "override mistake" (assigning `toString` on an object whose prototype's
 *   `toString` is frozen throws): chai and @vitest/expect do this, so `overrideTaming:
 *   'severe'` turns the frozen prototype properties into accessors that allow it.
 * - Errors keep their stacks (`errorTaming: 'unsafe'`) and the console stays the host's
 *   (`consoleTaming: 'unsafe'`): results show where the student's code threw.
 */
import 'ses';
import { EXERCISE_FILES } from './exercise-format.ts';

/** The globals, beside the ECMAScript built-ins, a student's module may use. */
export interface StudentEndowments {
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
  [name: string]: unknown;
}

/** A module the student's code may `require` (an engine module), by its specifier. */
export type StudentImports = Readonly<Record<string, object>>;

let sealed = false;
let sab: typeof SharedArrayBuffer | undefined;
let atomics: typeof Atomics | undefined;

/** Freezes this realm's built-ins (once; later calls do nothing). Call before loading the harness. */
export function sealRealm(): void {
  if (sealed) return;
  sab = globalThis.SharedArrayBuffer;
  atomics = globalThis.Atomics;
  lockdown({
    errorTaming: 'unsafe',
    consoleTaming: 'unsafe',
    stackFiltering: 'verbose',
    overrideTaming: 'severe',
    domainTaming: 'unsafe',
    reporting: 'none',
  });
  if (sab) harden(sab);
  sealed = true;
}

/** True once `sealRealm` has run. */
export const isSealed = (): boolean => sealed;

/**
 * A plain, hardened copy of a module namespace (namespace objects themselves cannot be
 * frozen), hardening what it exports: classes, their prototypes, exported objects.
 */
export function hardenNamespace(namespace: object): object {
  return harden({ ...(namespace as Record<string, unknown>) });
}

/** Timers handed out as plain numbers: a host's timer object (Node's Timeout) would be a way into the host. */
function sealedTimers(): Record<string, unknown> {
  const handles = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 1;
  const track = (handle: ReturnType<typeof setTimeout>) => {
    const id = next++;
    handles.set(id, handle);
    return id;
  };
  const call = (fn: unknown) => {
    if (typeof fn !== 'function') throw new TypeError('a timer needs a function (strings are not evaluated)');
    return fn as (...args: unknown[]) => void;
  };
  return {
    setTimeout: (fn: unknown, ms?: number, ...args: unknown[]) => {
      const f = call(fn);
      const id = track(setTimeout(() => (handles.delete(id), f(...args)), ms));
      return id;
    },
    clearTimeout: (id: number) => (clearTimeout(handles.get(id)), handles.delete(id), undefined),
    setInterval: (fn: unknown, ms?: number, ...args: unknown[]) => track(setInterval(() => call(fn)(...args), ms)),
    clearInterval: (id: number) => (clearInterval(handles.get(id)), handles.delete(id), undefined),
    queueMicrotask: (fn: unknown) => queueMicrotask(call(fn)),
  };
}

/** A frozen stand-in for `Atomics` that forwards each call to the real object's method of the moment. */
function atomicsFacade(real: typeof Atomics): object {
  const facade: Record<PropertyKey, unknown> = { [Symbol.toStringTag]: 'Atomics' };
  for (const name of Object.getOwnPropertyNames(real)) {
    if (typeof (real as unknown as Record<string, unknown>)[name] !== 'function') continue;
    facade[name] = (...args: unknown[]) => ((real as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!)(...args);
  }
  return harden(facade);
}

/**
 * Standard built-ins that SES leaves out of a Compartment's globals (the float arrays,
 * because they show NaN bit patterns; the weak references, because they show the GC), but
 * that exercises on memory layout and lifetimes use. The float arrays are hardened
 * intrinsics already; the others are hardened here.
 */
function builtIns(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ['Float32Array', 'Float64Array', 'WeakRef', 'FinalizationRegistry'] as const) {
    const value = (globalThis as Record<string, unknown>)[name];
    if (typeof value === 'function') out[name] = harden(value);
  }
  return out;
}

/**
 * SES's Compartments get a `Date` whose `now()` and `new Date()` throw, and a `Math` whose
 * `random()` throws (so that code is deterministic unless granted a clock). A student's
 * code is ordinary code: it gets the host's clock and randomness back, through a hardened
 * `Date` subclass and a hardened copy of `Math`. (Tests that need determinism check it by
 * running the code twice, not by patching the clock, which lockdown has frozen.)
 */
function clockAndRandom(): Record<string, unknown> {
  const RealDate = Date;
  const realNow = Date.now;
  const realRandom = Math.random;
  class StudentDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow());
      else super(...(args as [number]));
    }
    static override now(): number {
      return realNow();
    }
  }
  const math: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(Math)) math[name] = (Math as unknown as Record<string, unknown>)[name];
  math.random = () => realRandom();
  Object.defineProperty(math, Symbol.toStringTag, { value: 'Math' });
  return { Date: harden(StudentDate), Math: harden(math) };
}

/** The endowments every student module gets: console, timers, a clock, the shared-memory built-ins. */
export function defaultEndowments(console: StudentEndowments['console']): StudentEndowments {
  const now = () => performance.now();
  return {
    ...builtIns(),
    ...clockAndRandom(),
    console,
    ...sealedTimers(),
    performance: { now },
    ...(sab ? { SharedArrayBuffer: sab } : {}),
    ...(atomics ? { Atomics: atomicsFacade(atomics) } : {}),
  };
}

/** Thrown for a student module that the sealed realm refuses to evaluate (it names why). */
export class SealedLoadError extends Error {
  override name = 'SealedLoadError';
}

/**
 * Evaluates a student's module, compiled to CommonJS (`require`, `exports`, `module`), in
 * a fresh Compartment and returns its exports. `label` names the file in stack traces
 * (`exercise.ts:12:5`). A `require` of anything but `imports` throws, naming what is allowed.
 */
export function evaluateStudentModule(
  source: string,
  imports: StudentImports,
  endowments: StudentEndowments,
  label: string = EXERCISE_FILES.exercise,
  /** Per engine specifier, the only names `require` hands out (the starting file's imports); all when absent. */
  allowedNames?: Readonly<Record<string, readonly string[]>>,
): Record<string, unknown> {
  if (!sealed) throw new Error('sealRealm() must run before student code is evaluated');
  // SES refuses these by pattern (a dynamic import would reach the host's module loader; an
  // HTML comment changes how a script parses); say so in the student's terms.
  if (/\bimport\s*(?:\(|\/[/*])/.test(source)) throw new SealedLoadError(`${label}: dynamic import() is not available to graded code; import the engine statically ("#engine/<module>")`);
  if (/\beval\s*(?:\(|\/[/*])/.test(source)) throw new SealedLoadError(`${label}: eval() is not available to graded code`);
  if (/<!--|-->/.test(source)) throw new SealedLoadError(`${label}: "<!--" and "-->" are not allowed in graded code (write them as "<" + "!--" if you need the text)`);
  const only = (specifier: string, ns: object): object => {
    if (!allowedNames) return ns;
    const names = allowedNames[specifier] ?? [];
    if (names.includes('*')) return ns;
    return Object.fromEntries(names.filter((n) => n in ns).map((n) => [n, (ns as Record<string, unknown>)[n]]));
  };
  const hardened = new Map(Object.entries(imports).map(([name, ns]) => [name, hardenNamespace(only(name, ns))]));
  const require = harden((specifier: string) => {
    const ns = hardened.get(specifier);
    if (!ns) throw new SealedLoadError(`${label} may import only ${[...hardened.keys()].join(', ') || 'nothing'}, not "${specifier}"`);
    return ns;
  });
  const compartment = new Compartment({ __options__: true, globals: harden({ ...endowments }) } as never);
  const factory = compartment.evaluate(`(function (require, exports, module) {${source}\n})\n//# sourceURL=${label}\n`) as (r: unknown, e: object, m: { exports: object }) => void;
  const module = { exports: {} as Record<string, unknown> };
  factory(require, module.exports, module);
  return module.exports;
}
