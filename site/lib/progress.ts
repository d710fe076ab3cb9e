/**
 * The student's progress in the browser: each exercise's code, runs, hints and last
 * result, and each quiz answer, kept in IndexedDB (through idb-keyval) so that a student
 * finds everything again tomorrow. The one place the site reads and writes progress.
 *
 * - Every stored entry is versioned (`{ v, kind, data }`). An entry that is damaged or
 *   written by another version is skipped with a visible notice (a `ticklab:notice`
 *   event, shown by the layout) and never breaks the page; the next save replaces it.
 * - Writes are atomic read-modify-write transactions, and every change is announced to
 *   this tab's listeners and to other tabs (BroadcastChannel).
 * - Where IndexedDB is unavailable (storage disabled, some private modes) progress is
 *   kept in memory for the visit, and the page says so.
 * - The export file's format is `content/schemas/progress.ts`, shared with
 *   `ticklab progress`; its zod schema is loaded only when importing, so pages do not
 *   ship zod before any interaction.
 */
import { createStore, entries as idbEntries, get as idbGet, clear as idbClear, setMany as idbSetMany, update as idbUpdate, type UseStore } from 'idb-keyval';
import type { ProgressFile } from '../../content/schemas/progress.ts';
import { PROGRESS_FORMAT, PROGRESS_VERSION } from '../../content/progress-format.ts';

export type { ProgressFile };

export interface ExerciseProgress {
  code?: string;
  savedAt?: number;
  status?: 'pass' | 'fail' | 'error' | 'timeout';
  /** The last ExerciseResult (shape: the grading core's result schema). */
  results?: unknown;
  hintsShown: number;
  runs: number;
  /** Set just before a run and cleared after: a crash of the tab leaves it set. */
  running?: boolean;
}

export interface QuizAnswer {
  /** Chosen option indices in the quiz file's order (not the shuffled one), or the number typed; `[]` when not recorded (imported from the CLI). */
  answer: number[] | number;
  right: boolean;
  attempts: number;
  at: number;
}

/** Version of the stored entries (not of the export file). */
const ENTRY_VERSION = 1;
const STUDENT_KEY = 'student-key';
const exerciseKey = (slug: string) => `exercise/${slug}`;
const quizKey = (quizId: string) => `quiz/${quizId}`;
const STATUSES = new Set(['pass', 'fail', 'error', 'timeout']);

type Kind = 'exercise' | 'quiz' | 'student';
interface Entry<T = unknown> {
  v: number;
  kind: Kind;
  data: T;
}
const entry = <T>(kind: Kind, data: T): Entry<T> => ({ v: ENTRY_VERSION, kind, data });

// ---------------------------------------------------------------- storage

/** The few operations the store needs, over IndexedDB or (where it fails) memory. */
interface Backend {
  get(key: string): Promise<unknown>;
  update(key: string, updater: (old: unknown) => unknown): Promise<void>;
  setMany(pairs: [string, unknown][]): Promise<void>;
  entries(): Promise<[string, unknown][]>;
  clear(): Promise<void>;
}

function memoryBackend(): Backend {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => map.get(key),
    update: async (key, updater) => void map.set(key, updater(map.get(key))),
    setMany: async (pairs) => pairs.forEach(([k, v]) => map.set(k, v)),
    entries: async () => [...map.entries()],
    clear: async () => map.clear(),
  };
}

function idbBackend(store: UseStore): Backend {
  return {
    get: (key) => idbGet(key, store),
    update: (key, updater) => idbUpdate(key, updater, store),
    setMany: (pairs) => idbSetMany(pairs, store),
    entries: async () => (await idbEntries(store)).map(([k, v]) => [String(k), v] as [string, unknown]),
    clear: () => idbClear(store),
  };
}

let backend: Backend | undefined;
let fellBack = false;

function storage(): Backend {
  if (backend) return backend;
  if (typeof indexedDB === 'undefined') return useMemory('this browser offers no IndexedDB');
  backend = idbBackend(createStore('ticklab', 'progress'));
  return backend;
}

function useMemory(why: string): Backend {
  if (!fellBack) {
    fellBack = true;
    notify(`Your progress cannot be saved in this browser (${why}); it is kept only until you close this tab. Export it to keep it.`);
  }
  backend = memoryBackend();
  return backend;
}

/** Runs one storage operation; if IndexedDB itself fails, moves to memory and runs it there. */
async function withStorage<T>(op: (b: Backend) => Promise<T>): Promise<T> {
  const b = storage();
  try {
    return await op(b);
  } catch (error) {
    if (fellBack) throw error;
    return op(useMemory(`storage failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

// ---------------------------------------------------------------- notices and changes

const noticed = new Set<string>();

/** Tells the student something about their saved progress (the layout shows `ticklab:notice` events). */
function notify(message: string): void {
  if (noticed.has(message)) return;
  noticed.add(message);
  if (typeof globalThis.dispatchEvent === 'function' && typeof CustomEvent === 'function') {
    globalThis.dispatchEvent(new CustomEvent('ticklab:notice', { detail: { message, source: 'progress' } }));
  }
}

function skippedNotice(what: string): void {
  notify(`Saved progress for ${what} could not be read (damaged, or written by another version of TickLab), so it was skipped; the rest of your progress is fine.`);
}

const listeners = new Set<() => void>();
let channel: BroadcastChannel | undefined;

function broadcastChannel(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel('ticklab-progress');
  channel.onmessage = () => listeners.forEach((l) => l());
  return channel;
}

function changed(): void {
  for (const listener of listeners) {
    try {
      listener();
    } catch (error) {
      console.error(error);
    }
  }
  broadcastChannel()?.postMessage('changed');
}

/** Calls `listener` on any change of progress, in this tab or another; returns a function that stops it. */
export function onProgress(listener: () => void): () => void {
  listeners.add(listener);
  broadcastChannel();
  return () => listeners.delete(listener);
}

// ---------------------------------------------------------------- validation of stored entries

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const optional = (x: unknown, test: (y: unknown) => boolean) => x === undefined || test(x);

function validEntry(raw: unknown, kind: Kind): Entry | undefined {
  return isObject(raw) && raw.v === ENTRY_VERSION && raw.kind === kind ? (raw as unknown as Entry) : undefined;
}

function asExercise(data: unknown): ExerciseProgress | undefined {
  if (!isObject(data)) return undefined;
  const ok =
    optional(data.code, (x) => typeof x === 'string') &&
    optional(data.savedAt, (x) => typeof x === 'number') &&
    optional(data.status, (x) => STATUSES.has(x as string)) &&
    optional(data.running, (x) => typeof x === 'boolean') &&
    isCount(data.hintsShown) &&
    isCount(data.runs);
  return ok ? (data as unknown as ExerciseProgress) : undefined;
}

function asAnswer(data: unknown): QuizAnswer | undefined {
  if (!isObject(data)) return undefined;
  const answer = data.answer;
  const ok =
    (typeof answer === 'number' || (Array.isArray(answer) && answer.every(isCount))) &&
    typeof data.right === 'boolean' &&
    isCount(data.attempts) &&
    typeof data.at === 'number';
  return ok ? (data as unknown as QuizAnswer) : undefined;
}

/** A stored exercise entry, or undefined (with a notice when it exists but cannot be read). */
function readExercise(raw: unknown, slug: string): ExerciseProgress | undefined {
  if (raw === undefined) return undefined;
  const data = asExercise(validEntry(raw, 'exercise')?.data);
  if (!data) skippedNotice(`exercise "${slug}"`);
  return data;
}

function readQuiz(raw: unknown, quizId: string): Record<string, QuizAnswer> {
  if (raw === undefined) return {};
  const e = validEntry(raw, 'quiz');
  if (!e || !isObject(e.data)) {
    skippedNotice(`quiz "${quizId}"`);
    return {};
  }
  const answers: Record<string, QuizAnswer> = {};
  for (const [question, value] of Object.entries(e.data)) {
    const answer = asAnswer(value);
    if (answer) answers[question] = answer;
    else skippedNotice(`question "${question}" of quiz "${quizId}"`);
  }
  return answers;
}

const defaults = (): ExerciseProgress => ({ hintsShown: 0, runs: 0 });

/** Drops keys whose value is undefined, so a patch `{ running: undefined }` clears the field. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------- exercises and quizzes

/** An exercise's progress; defaults (no code, no runs, no hints) when there is none or it cannot be read. */
export async function loadExercise(slug: string): Promise<ExerciseProgress> {
  try {
    const raw = await withStorage((b) => b.get(exerciseKey(slug)));
    return { ...defaults(), ...readExercise(raw, slug) };
  } catch (error) {
    notify(`Your saved progress could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return defaults();
  }
}

/** Merges `patch` into an exercise's progress in one transaction; `undefined` values clear fields. */
export async function saveExercise(slug: string, patch: Partial<ExerciseProgress>): Promise<void> {
  await withStorage((b) =>
    b.update(exerciseKey(slug), (old) => {
      const current = asExercise(validEntry(old, 'exercise')?.data) ?? defaults();
      return entry('exercise', clean({ ...current, ...patch }));
    }),
  );
  changed();
}

/** Every exercise's progress that can be read, by slug (for lists and the home page). */
export async function listExercises(): Promise<Record<string, ExerciseProgress>> {
  const all: Record<string, ExerciseProgress> = {};
  try {
    for (const [key, raw] of await withStorage((b) => b.entries())) {
      if (!key.startsWith('exercise/')) continue;
      const slug = key.slice('exercise/'.length);
      const data = readExercise(raw, slug);
      if (data) all[slug] = { ...defaults(), ...data };
    }
  } catch (error) {
    notify(`Your saved progress could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return all;
}

/** A quiz's saved answers by question id; the unreadable ones are skipped with a notice. */
export async function loadQuiz(quizId: string): Promise<Record<string, QuizAnswer>> {
  try {
    return readQuiz(await withStorage((b) => b.get(quizKey(quizId))), quizId);
  } catch (error) {
    notify(`Your saved quiz answers could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

/** Records one question's answer, keeping the quiz's other answers. */
export async function saveQuizAnswer(quizId: string, questionId: string, answer: QuizAnswer): Promise<void> {
  await withStorage((b) =>
    b.update(quizKey(quizId), (old) => {
      const e = validEntry(old, 'quiz');
      const answers: Record<string, QuizAnswer> = {};
      if (e && isObject(e.data)) {
        for (const [q, v] of Object.entries(e.data)) {
          const a = asAnswer(v);
          if (a) answers[q] = a;
        }
      }
      answers[questionId] = answer;
      return entry('quiz', answers);
    }),
  );
  changed();
}

let cachedKey: string | undefined;

function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This browser's student key: random, made once and kept; it seeds the order of quiz options. */
export async function studentKey(): Promise<string> {
  if (cachedKey) return cachedKey;
  const valid = (raw: unknown) => {
    const e = validEntry(raw, 'student');
    return e && typeof e.data === 'string' && /^[0-9a-f]{8,64}$/.test(e.data) ? e.data : undefined;
  };
  try {
    await withStorage((b) => b.update(STUDENT_KEY, (old) => (valid(old) ? old : entry('student', randomKey()))));
    cachedKey = valid(await withStorage((b) => b.get(STUDENT_KEY)));
  } catch {
    // Fall through: a key for this visit only.
  }
  cachedKey ??= randomKey();
  return cachedKey;
}

// ---------------------------------------------------------------- export, import, clear

/** Everything saved, as the file "Export progress" downloads (`content/schemas/progress.ts`). */
export async function exportProgress(): Promise<ProgressFile> {
  const file = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: new Date().toISOString(),
    exercises: {} as NonNullable<ProgressFile['exercises']>,
    quizzes: {} as NonNullable<ProgressFile['quizzes']>,
  };
  for (const [key, raw] of await withStorage((b) => b.entries())) {
    if (key.startsWith('exercise/')) {
      const slug = key.slice('exercise/'.length);
      const data = readExercise(raw, slug);
      if (!data) continue;
      const { code, savedAt, status, results, hintsShown, runs } = data;
      file.exercises[slug] = clean({ code, savedAt, status, results, hintsShown, runs });
    } else if (key.startsWith('quiz/')) {
      const quizId = key.slice('quiz/'.length);
      const answers = readQuiz(raw, quizId);
      if (Object.keys(answers).length > 0) file.quizzes[quizId] = answers;
    }
  }
  return file;
}

/**
 * Reads a progress file (parsed JSON) into the store: each exercise in the file replaces
 * the saved one, each quiz answer replaces that question's. A file of another format or
 * version is refused (throws, saying why); a bad entry is skipped and named in `skipped`.
 */
export async function importProgress(file: unknown): Promise<{ imported: number; skipped: string[] }> {
  const { parseProgressFile } = await import('../../content/schemas/progress.ts');
  const parsed = parseProgressFile(file);
  const pairs: [string, unknown][] = [];
  for (const [slug, ex] of Object.entries(parsed.exercises)) {
    const { code, savedAt, status, results, hintsShown, runs } = ex;
    pairs.push([exerciseKey(slug), entry('exercise', clean({ code, savedAt, status, results, hintsShown, runs }))]);
  }
  let imported = pairs.length;
  const quizIds = Object.keys(parsed.quizzes);
  const current = await Promise.all(quizIds.map((id) => loadQuiz(id)));
  quizIds.forEach((id, i) => {
    const answers = { ...current[i] };
    for (const [question, a] of Object.entries(parsed.quizzes[id]!)) {
      answers[question] = { answer: a.answer ?? [], right: a.right, attempts: a.attempts, at: a.at };
      imported += 1;
    }
    pairs.push([quizKey(id), entry('quiz', answers)]);
  });
  if (pairs.length > 0) await withStorage((b) => b.setMany(pairs));
  changed();
  return { imported, skipped: parsed.skipped };
}

/** Forgets every exercise's code and result and every quiz answer (the student key stays, so option order does not change). */
export async function clearProgress(): Promise<void> {
  const key = await studentKey();
  await withStorage(async (b) => {
    await b.clear();
    await b.setMany([[STUDENT_KEY, entry('student', key)]]);
  });
  changed();
}
