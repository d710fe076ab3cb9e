/**
 * Where the browser keeps progress: IndexedDB (through idb-keyval), or, where IndexedDB is
 * unavailable (storage disabled, some private modes) or fails, memory for the visit, and
 * the page says so. Keys and values only: what the values mean is entries.ts's.
 */
import { createStore, entries as idbEntries, get as idbGet, clear as idbClear, setMany as idbSetMany, update as idbUpdate, type UseStore } from 'idb-keyval';
import { notify } from './events.ts';

/** The few operations the store needs. `update` is an atomic read-modify-write. */
export interface Backend {
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
export async function withStorage<T>(op: (b: Backend) => Promise<T>): Promise<T> {
  const b = storage();
  try {
    return await op(b);
  } catch (error) {
    if (fellBack) throw error;
    return op(useMemory(`storage failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}
