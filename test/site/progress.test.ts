/**
 * The browser's progress store (site/lib/progress/: storage, events, entries, store, transfer) over an in-memory stand-in for
 * idb-keyval: defaults, merges, versioned entries, damaged entries skipped with a notice,
 * changes announced across tabs, and the export file read back by import.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressFileSchema } from '../../content/schemas/progress.ts';

/** The stand-in database: one Map for every store, like one origin's IndexedDB. */
const db = new Map<string, unknown>();
let failNext = false;

vi.mock('idb-keyval', () => {
  const guard = () => {
    if (failNext) {
      failNext = false;
      throw new Error('UnknownError: the database is gone');
    }
  };
  return {
    createStore: () => 'store',
    get: async (key: string) => (guard(), structuredClone(db.get(key))),
    update: async (key: string, updater: (old: unknown) => unknown) => {
      guard();
      db.set(key, structuredClone(updater(structuredClone(db.get(key)))));
    },
    setMany: async (pairs: [string, unknown][]) => (guard(), pairs.forEach(([k, v]) => db.set(k, structuredClone(v)))),
    entries: async () => (guard(), [...db.entries()].map(([k, v]) => [k, structuredClone(v)])),
    clear: async () => (guard(), db.clear()),
  };
});

type Store = typeof import('../../site/lib/progress/store.ts') & typeof import('../../site/lib/progress/transfer.ts') & typeof import('../../site/lib/progress/events.ts');

/** Fresh copies of the modules, as a new tab would load them. */
async function openTab(): Promise<Store> {
  vi.resetModules();
  const [store, transfer, events] = await Promise.all([
    import('../../site/lib/progress/store.ts'),
    import('../../site/lib/progress/transfer.ts'),
    import('../../site/lib/progress/events.ts'),
  ]);
  return { ...store, ...transfer, ...events };
}

/** Notices the store shows the student (the page's window; Node's globalThis has no events of its own). */
const notices: string[] = [];
const page = globalThis as unknown as { dispatchEvent?: (e: Event) => boolean };

beforeEach(() => {
  db.clear();
  notices.length = 0;
  failNext = false;
  (globalThis as { indexedDB?: unknown }).indexedDB = {};
  page.dispatchEvent = (e: Event) => {
    if (e.type === 'ticklab:notice') notices.push((e as CustomEvent<{ message: string }>).detail.message);
    return true;
  };
});
afterEach(() => {
  delete page.dispatchEvent;
  delete (globalThis as { indexedDB?: unknown }).indexedDB;
});

describe('exercise progress', () => {
  it('is the defaults when nothing is saved', async () => {
    const p = await openTab();
    expect(await p.loadExercise('borrow-tracker')).toEqual({ hintsShown: 0, runs: 0 });
  });

  it('merges patches, and a patch with undefined clears a field (running)', async () => {
    const p = await openTab();
    await p.saveExercise('borrow-tracker', { code: 'let a = 1;', savedAt: 5, running: true, runs: 1 });
    await p.saveExercise('borrow-tracker', { status: 'fail', running: undefined });
    await p.saveExercise('borrow-tracker', { hintsShown: 2 });
    expect(await p.loadExercise('borrow-tracker')).toEqual({ code: 'let a = 1;', savedAt: 5, runs: 1, status: 'fail', hintsShown: 2 });
    expect(await p.loadExercise('other')).toEqual({ hintsShown: 0, runs: 0 });
  });

  it('keeps a run marked as running when the tab dies before it ends', async () => {
    const a = await openTab();
    await a.saveExercise('borrow-tracker', { code: 'for (;;) {}', running: true });
    const b = await openTab();
    expect((await b.loadExercise('borrow-tracker')).running, 'running flag seen by the next visit').toBe(true);
  });

  it('stores versioned entries', async () => {
    const p = await openTab();
    await p.saveExercise('borrow-tracker', { runs: 3 });
    expect(db.get('exercise/borrow-tracker')).toEqual({ v: 1, kind: 'exercise', data: { hintsShown: 0, runs: 3 } });
  });

  it('skips a damaged or foreign entry with a notice, and the next save replaces it', async () => {
    db.set('exercise/borrow-tracker', { v: 1, kind: 'exercise', data: { hintsShown: 'two', runs: 1 } });
    db.set('exercise/lanewise-vwap', { v: 7, kind: 'exercise', data: { hintsShown: 0, runs: 0 } });
    db.set('exercise/spsc-push-pop', 'not even an object');
    const p = await openTab();
    expect(await p.loadExercise('borrow-tracker')).toEqual({ hintsShown: 0, runs: 0 });
    expect(await p.loadExercise('lanewise-vwap')).toEqual({ hintsShown: 0, runs: 0 });
    expect(await p.listExercises()).toEqual({});
    expect(notices.some((n) => n.includes('exercise "borrow-tracker"') && n.includes('skipped'))).toBe(true);
    expect(notices.some((n) => n.includes('exercise "lanewise-vwap"'))).toBe(true);
    expect(notices.some((n) => n.includes('exercise "spsc-push-pop"'))).toBe(true);
    await p.saveExercise('borrow-tracker', { hintsShown: 1 });
    expect(await p.loadExercise('borrow-tracker')).toEqual({ hintsShown: 1, runs: 0 });
  });

  it('keeps working in memory, with a notice, when IndexedDB fails', async () => {
    const p = await openTab();
    failNext = true;
    await p.saveExercise('borrow-tracker', { code: 'x' });
    expect((await p.loadExercise('borrow-tracker')).code).toBe('x');
    expect(notices.some((n) => n.includes('cannot be saved in this browser'))).toBe(true);
  });

  it('works in memory where there is no IndexedDB at all', async () => {
    delete (globalThis as { indexedDB?: unknown }).indexedDB;
    const p = await openTab();
    await p.saveExercise('borrow-tracker', { runs: 1 });
    expect((await p.loadExercise('borrow-tracker')).runs).toBe(1);
    expect(db.size, 'nothing written to the database').toBe(0);
  });
});

describe('quiz answers', () => {
  it('saves answers per question and keeps the others', async () => {
    const p = await openTab();
    await p.saveQuizAnswer('ownership-borrowing', 'e0502', { answer: [2], right: false, attempts: 1, at: 10 });
    await p.saveQuizAnswer('ownership-borrowing', 'refcell-sync', { answer: [0, 3], right: true, attempts: 1, at: 11 });
    await p.saveQuizAnswer('ownership-borrowing', 'e0502', { answer: [1], right: true, attempts: 2, at: 12 });
    expect(await p.loadQuiz('ownership-borrowing')).toEqual({
      e0502: { answer: [1], right: true, attempts: 2, at: 12 },
      'refcell-sync': { answer: [0, 3], right: true, attempts: 1, at: 11 },
    });
    expect(await p.loadQuiz('nothing-here')).toEqual({});
  });

  it('skips one damaged answer and keeps the rest', async () => {
    db.set('quiz/q', { v: 1, kind: 'quiz', data: { good: { answer: 4.5, right: true, attempts: 1, at: 1 }, bad: { answer: 'x', right: true } } });
    const p = await openTab();
    expect(await p.loadQuiz('q')).toEqual({ good: { answer: 4.5, right: true, attempts: 1, at: 1 } });
    expect(notices.some((n) => n.includes('question "bad" of quiz "q"'))).toBe(true);
  });
});

describe('the student key', () => {
  it('is made once and kept across visits', async () => {
    const a = await openTab();
    const key = await a.studentKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(await a.studentKey()).toBe(key);
    const b = await openTab();
    expect(await b.studentKey()).toBe(key);
  });

  it('two tabs asking at once get the same key', async () => {
    const a = await openTab();
    const b = await openTab();
    const [ka, kb] = await Promise.all([a.studentKey(), b.studentKey()]);
    expect(ka).toBe(kb);
  });
});

describe('changes', () => {
  it('are announced in this tab and in other tabs', async () => {
    const a = await openTab();
    const b = await openTab();
    const seenA = vi.fn();
    const seenB = vi.fn();
    const stopA = a.onProgress(seenA);
    b.onProgress(seenB);
    await a.saveExercise('borrow-tracker', { runs: 1 });
    expect(seenA).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(seenB, 'the other tab heard of it').toHaveBeenCalled());
    stopA();
    await a.saveQuizAnswer('q', 'x', { answer: 1, right: true, attempts: 1, at: 0 });
    expect(seenA).toHaveBeenCalledTimes(1);
  });
});

describe('export, clear, import', () => {
  it('round-trips through a file that matches the shared schema', async () => {
    const p = await openTab();
    const key = await p.studentKey();
    await p.saveExercise('borrow-tracker', { code: 'export {}', savedAt: 1, status: 'pass', results: { status: 'pass', tests: [] }, hintsShown: 2, runs: 4, running: true });
    await p.saveQuizAnswer('ownership-borrowing', 'e0502', { answer: [1], right: true, attempts: 2, at: 3 });
    const file = await p.exportProgress();
    expect(progressFileSchema.safeParse(file).success).toBe(true);
    expect(file.exercises!['borrow-tracker']).toEqual({ code: 'export {}', savedAt: 1, status: 'pass', results: { status: 'pass', tests: [] }, hintsShown: 2, runs: 4 });
    const json = JSON.parse(JSON.stringify(file));

    await p.clearProgress();
    expect(await p.loadExercise('borrow-tracker')).toEqual({ hintsShown: 0, runs: 0 });
    expect(await p.loadQuiz('ownership-borrowing')).toEqual({});
    expect(await p.studentKey(), 'clearing keeps the student key').toBe(key);

    expect(await p.importProgress(json)).toEqual({ imported: 2, skipped: [] });
    expect((await p.loadExercise('borrow-tracker')).code).toBe('export {}');
    expect(await p.loadQuiz('ownership-borrowing')).toEqual({ e0502: { answer: [1], right: true, attempts: 2, at: 3 } });
  });

  it('refuses a file of another format or version, saying why', async () => {
    const p = await openTab();
    await expect(p.importProgress({ hello: 1 })).rejects.toThrow(/not a TickLab progress file/);
    await expect(p.importProgress([])).rejects.toThrow(/not a TickLab progress file/);
    await expect(p.importProgress({ format: 'ticklab-progress', version: 2, exercises: {} })).rejects.toThrow(/version 2 is not supported/);
  });

  it('skips bad entries by name and imports the rest; a CLI answer without options is kept', async () => {
    const p = await openTab();
    const result = await p.importProgress({
      format: 'ticklab-progress',
      version: 1,
      exportedAt: new Date().toISOString(),
      exercises: { 'borrow-tracker': { code: 'a', hintsShown: 1 }, 'Bad Slug': { hintsShown: 0 }, 'lanewise-vwap': { hintsShown: -1 } },
      quizzes: { 'ownership-borrowing': { e0502: { right: true } } },
    });
    expect(result.imported).toBe(2);
    expect(result.skipped).toEqual(['exercises.Bad Slug: not an exercise slug', 'exercises.lanewise-vwap.hintsShown: Number must be greater than or equal to 0']);
    expect(await p.loadExercise('borrow-tracker')).toEqual({ code: 'a', hintsShown: 1, runs: 0 });
    expect(await p.loadQuiz('ownership-borrowing')).toEqual({ e0502: { answer: [], right: true, attempts: 1, at: 0 } });
  });
});

describe('the modules of the progress store', () => {
  it('take the file schema\'s shapes as types only: zod loads only with an import (transfer.ts), never with a page', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../../site/lib/progress/', import.meta.url);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      const valueImports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect(valueImports.filter((s) => /zod|schemas\//.test(s!)), `value imports of the schema or zod in ${name}`).toEqual([]);
    }
    expect(readFileSync(new URL('transfer.ts', dir), 'utf8'), 'the schema, loaded when importing').toContain("await import('../../../content/schemas/progress.ts')");
  });
});
